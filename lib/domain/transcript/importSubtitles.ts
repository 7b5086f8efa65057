import { parseText } from 'media-captions';
import type { CueLine } from './cueLines.js';
import { InvalidTranscriptError } from '../errors.js';
import { speakerParts } from './voiceTags.js';

export type SubtitleFormat = 'vtt' | 'srt';

/**
 * Reads WebVTT or SRT into timed lines. A cue that holds several voices is split in time in
 * proportion to how much each voice says, since the file gives one time range for all of them.
 */
export async function cueLinesFromSubtitles(text: string, format: SubtitleFormat): Promise<CueLine[]> {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'vtt' && !/^WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(body)) {
    throw new InvalidTranscriptError('not a WebVTT file: it must start with "WEBVTT"');
  }
  const parsed = await parseText(body, { type: format, strict: false });
  if (parsed.cues.length === 0 && body.trim().length > 0 && format === 'srt') {
    throw new InvalidTranscriptError('not an SRT file: no cue with a "00:00:00,000 --> 00:00:00,000" time line was found');
  }
  const lines: CueLine[] = [];
  for (const cue of parsed.cues) {
    const startMs = Math.round(cue.startTime * 1000);
    const endMs = Math.round(cue.endTime * 1000);
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs < startMs) {
      throw new InvalidTranscriptError(`cue "${cue.id || cue.text.slice(0, 30)}" has an invalid time range`);
    }
    const parts = speakerParts(cue.text);
    const totalChars = parts.reduce((sum, part) => sum + part.text.length, 0);
    let cursor = startMs;
    for (const part of parts) {
      const share = totalChars === 0 ? 0 : ((endMs - startMs) * part.text.length) / totalChars;
      const partEnd = part === parts.at(-1) ? endMs : Math.round(cursor + share);
      lines.push({ speakerName: part.speakerName, startMs: cursor, endMs: partEnd, text: part.text });
      cursor = partEnd;
    }
  }
  return lines;
}
