import type { Transcript } from '../domain/transcript/schema.js';
import type { MeetingTruth } from './meetingTruth.js';

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * For each utterance of an imported transcript, the index of the reference utterance it came from.
 * They are not simply equal: the reference keeps turns with no words, which a subtitle file cannot
 * carry, so the import skips them and later ids shift. Cue times are copied from the reference, so
 * an utterance is matched by start time and text, else by the reference turn its midpoint falls in.
 */
export function alignUtterances(transcript: Transcript, truth: MeetingTruth): number[] {
  const byStart = new Map<number, number[]>();
  truth.utterances.forEach((utterance, index) => {
    const list = byStart.get(utterance.startMs) ?? [];
    list.push(index);
    byStart.set(utterance.startMs, list);
  });
  return transcript.utterances.map((utterance) => {
    const exact = (byStart.get(utterance.startMs) ?? []).find(
      (index) => normalize(truth.utterances[index]?.text ?? '') === normalize(utterance.text),
    );
    if (exact !== undefined) return exact;
    const midpoint = (utterance.startMs + utterance.endMs) / 2;
    const containing = truth.utterances.findIndex((candidate) => candidate.startMs <= midpoint && midpoint <= candidate.endMs);
    if (containing >= 0) return containing;
    throw new Error(`utterance ${utterance.id} of ${transcript.meetingId} matches no reference utterance`);
  });
}
