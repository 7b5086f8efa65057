import { transcriptFromCueLines } from './cueLines.js';
import { InvalidTranscriptError } from '../errors.js';
import { linesFromDeepgram } from './importDeepgramJson.js';
import { cueLinesFromSubtitles, type DroppedCue } from './importSubtitles.js';
import { markDegraded } from '../usage/usageMeter.js';
import type { Transcript } from './schema.js';

export const TRANSCRIPT_FORMATS = ['vtt', 'srt', 'json'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export const formatOfKey = (key: string): TranscriptFormat | null => {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return (TRANSCRIPT_FORMATS as readonly string[]).includes(ext) ? (ext as TranscriptFormat) : null;
};

/**
 * Reads a transcript file (WebVTT, SRT or Deepgram JSON) into the canonical transcript. Broken
 * cues are left out and the running step marked degraded with the file and line of each; a file
 * with no readable cue fails, and so does one with no cue at all: a file someone put beside the
 * recording that says nothing is a broken export far more often than a silent call (a silent
 * call transcribed by the provider still publishes as a meeting with nothing said).
 */
export async function importTranscript(
  text: string,
  format: TranscriptFormat,
  meta: { meetingId: string; key: string },
): Promise<Transcript> {
  if (text.trim().length === 0) {
    throw new InvalidTranscriptError(`transcript ${meta.key} is empty`);
  }
  if (format === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InvalidTranscriptError(`transcript ${meta.key} is not valid JSON`, { cause: error });
    }
    const { lines, language, durationMs } = linesFromDeepgram(json, meta.key);
    if (lines.length === 0) throw noCues(meta.key);
    return transcriptFromCueLines(lines, {
      meetingId: meta.meetingId,
      language,
      durationMs,
      source: { kind: 'import', detail: 'deepgram-json', key: meta.key },
    });
  }
  const { lines, dropped } = await cueLinesFromSubtitles(text, format, meta.key);
  const where = (cue: DroppedCue): string => `${meta.key}${cue.line === null ? '' : ` line ${cue.line}`}: ${cue.reason}`;
  if (dropped.length > 0 && lines.length === 0) {
    throw new InvalidTranscriptError(`transcript ${meta.key} has no readable cue (${dropped.slice(0, 3).map(where).join('; ')})`);
  }
  if (lines.length === 0) throw noCues(meta.key);
  // A truncated export keeps what was said before the cut; the manifest says what was left out.
  for (const cue of dropped) markDegraded(`${where(cue)}; the cue was left out of the transcript`);
  return transcriptFromCueLines(lines, { meetingId: meta.meetingId, source: { kind: 'import', detail: format, key: meta.key } });
}

const noCues = (key: string): InvalidTranscriptError =>
  new InvalidTranscriptError(`the transcript file ${key} has no cues: it says nothing about who spoke when`);
