import type { Transcript } from './schema.js';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function timestamp(ms: number, fractionSeparator: '.' | ','): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fractionSeparator}${pad(ms % 1000, 3)}`;
}

// A cue payload may not contain "-->" or a blank line, and "<" / "&" start markup in WebVTT.
const escapeVtt = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/-->/g, '--&gt;').replace(/\n+/g, ' ');

/** Utterance texts by id; translations pass their own to render the same cues in another language. */
type TextOverride = ReadonlyMap<string, string>;

/** WebVTT with one cue per utterance, the speaker in a voice tag and the utterance id as cue id. */
export function renderVtt(transcript: Transcript, texts?: TextOverride): string {
  const names = new Map(transcript.speakers.map((s) => [s.id, s.name]));
  const cues = transcript.utterances.map((u) => {
    const speaker = escapeVtt(names.get(u.speakerId) ?? u.speakerId);
    const text = escapeVtt(texts?.get(u.id) ?? u.text);
    return `${u.id}\n${timestamp(u.startMs, '.')} --> ${timestamp(u.endMs, '.')}\n<v ${speaker}>${text}</v>`;
  });
  return ['WEBVTT', ...cues].join('\n\n') + '\n';
}

/** SRT with "Speaker: text" lines, the convention players and editors understand. */
export function renderSrt(transcript: Transcript, texts?: TextOverride): string {
  const names = new Map(transcript.speakers.map((s) => [s.id, s.name]));
  return transcript.utterances
    .map((u, index) => {
      const speaker = names.get(u.speakerId) ?? u.speakerId;
      const text = (texts?.get(u.id) ?? u.text).replace(/\n+/g, ' ');
      return `${index + 1}\n${timestamp(u.startMs, ',')} --> ${timestamp(u.endMs, ',')}\n${speaker}: ${text}\n`;
    })
    .join('\n');
}
