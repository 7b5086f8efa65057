import { transcriptFromCueLines } from './cueLines.js';
import { InvalidTranscriptError } from '../errors.js';
import { linesFromDeepgram } from './importDeepgramJson.js';
import { cueLinesFromSubtitles } from './importSubtitles.js';
import type { Transcript } from './schema.js';

export const TRANSCRIPT_FORMATS = ['vtt', 'srt', 'json'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export const formatOfKey = (key: string): TranscriptFormat | null => {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return (TRANSCRIPT_FORMATS as readonly string[]).includes(ext) ? (ext as TranscriptFormat) : null;
};

/** Reads a transcript file (WebVTT, SRT or Deepgram JSON) into the canonical transcript. */
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
    const { lines, language, durationMs } = linesFromDeepgram(json);
    return transcriptFromCueLines(lines, {
      meetingId: meta.meetingId,
      language,
      durationMs,
      source: { kind: 'import', detail: 'deepgram-json', key: meta.key },
    });
  }
  const lines = await cueLinesFromSubtitles(text, format);
  return transcriptFromCueLines(lines, { meetingId: meta.meetingId, source: { kind: 'import', detail: format, key: meta.key } });
}
