import { ParseErrorCode, parseText } from 'media-captions';
import type { CueLine } from './cueLines.js';
import { InvalidTranscriptError } from '../errors.js';
import { locateCues } from './subtitleTimeLines.js';
import { speakerParts, unterminatedTag } from './voiceTags.js';

export type SubtitleFormat = 'vtt' | 'srt';

/** A cue left out of the transcript: where it is in the file and why. */
export interface DroppedCue {
  line: number | null;
  reason: string;
}

// The parser's errors that cost a cue; a bad cue setting (align:middle) keeps the cue.
const CUE_LOST: ReadonlySet<number> = new Set([ParseErrorCode.BadTimestamp, ParseErrorCode.BadFormat]);

/**
 * Reads WebVTT or SRT into timed lines. A cue that holds several voices is split in time in
 * proportion to how much each voice says, since the file gives one time range for all of them.
 * A broken cue (a time line or a tag cut short, as in a truncated file) is left out and
 * reported with its line, so the caller decides whether the rest is worth keeping.
 */
export async function cueLinesFromSubtitles(text: string, format: SubtitleFormat, key: string): Promise<{ lines: CueLine[]; dropped: DroppedCue[] }> {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'vtt' && !/^WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(body)) {
    throw new InvalidTranscriptError(`transcript ${key} is not a WebVTT file: it must start with "WEBVTT"`);
  }
  const parsed = await parseText(body, { type: format, strict: false, errors: true });
  const { located, dropped: droppedTimeLines } = locateCues(
    body,
    parsed.cues,
    new Map(parsed.errors.filter((error) => CUE_LOST.has(error.code)).map((error) => [error.line, error.message])),
  );
  if (located.length === 0 && droppedTimeLines.length === 0 && body.trim().length > 0 && format === 'srt') {
    throw new InvalidTranscriptError(`transcript ${key} is not an SRT file: no cue with a "00:00:00,000 --> 00:00:00,000" time line was found`);
  }
  const dropped: DroppedCue[] = [...droppedTimeLines];
  const lines: CueLine[] = [];
  for (const { cue, timeLine } of located) {
    const broken = unterminatedTag(cue.text);
    if (broken !== null) {
      const textLine = cue.text.split(/\r?\n/).findIndex((line) => unterminatedTag(line) !== null);
      dropped.push({ line: timeLine === null ? null : timeLine + 1 + Math.max(textLine, 0), reason: `unterminated tag "${broken.slice(0, 40)}"` });
      continue;
    }
    const startMs = Math.round(cue.startTime * 1000);
    const endMs = Math.round(cue.endTime * 1000);
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
  return { lines, dropped: dropped.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
}
