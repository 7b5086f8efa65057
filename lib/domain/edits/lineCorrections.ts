import type { Transcript } from '../transcript/schema.js';
import type { LineCorrection } from './editsSchema.js';

/** A correction in force: the line still reads what was corrected. */
export const correctionApplies = (correction: LineCorrection, machineText: string): boolean => correction.originalText === machineText;

/**
 * The transcript with people's corrections in place of the machine's text. A correction binds to
 * its utterance id and the text it corrected: a rerun of later steps leaves the transcript alone,
 * so corrections always apply; a new transcription that reads differently there leaves the
 * correction on record but unapplied (`stale`), since it corrected words no longer shown.
 */
export function applyLineCorrections(transcript: Transcript, corrections: readonly LineCorrection[]): { transcript: Transcript; applied: LineCorrection[]; stale: LineCorrection[] } {
  if (corrections.length === 0) return { transcript, applied: [], stale: [] };
  const byId = new Map(corrections.map((correction) => [correction.utteranceId, correction]));
  const applied: LineCorrection[] = [];
  const utterances = transcript.utterances.map((utterance) => {
    const correction = byId.get(utterance.id);
    if (correction === undefined || !correctionApplies(correction, utterance.text)) return utterance;
    applied.push(correction);
    // The words' timings belong to the machine's text: a corrected line keeps its span, not its words.
    return { ...utterance, text: correction.text, words: [] };
  });
  const stale = corrections.filter((correction) => !applied.includes(correction));
  return { transcript: { ...transcript, utterances }, applied, stale };
}
