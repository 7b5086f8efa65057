import { UNKNOWN_SPEAKER } from './cueLines.js';

const VOICE_SPAN = /<v(?:\.[\w.-]+)?\s+([^>]+)>([\s\S]*?)(?:<\/v>|(?=<v[\s.])|$)/g;
// Markup tags (<b>, <i.loud>, <c.yellow>) and cue timestamps (<00:01.000>); a bare "<" in text is not one.
const ANY_TAG = /<\/?(?:[a-zA-Z][\w.-]*(?:\s[^<>]*)?|\d[\d:.]*)>/g;
// A tag opened and never closed before the next tag or the end of the cue: a file cut inside
// "<v Name>" leaves "<v Name". (A literal "<" in cue text must be written "&lt;".)
const UNTERMINATED_TAG = /<\/?(?:[a-zA-Z][\w.-]*|\d[\d:.]*)(?:\s[^<>]*)?(?=<|$)/;
const SPEAKER_PREFIX = /^\s*([A-Z][\w .'-]{0,40}?|Speaker \d+)\s*:\s+(?=\S)/;

const decodeEntities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');

const clean = (text: string): string => decodeEntities(text.replace(ANY_TAG, '')).replace(/\s+/g, ' ').trim();

/**
 * Splits a cue's text into (speaker, text) parts. Voice tags (`<v Name>`) are what Teams and
 * Zoom export; a leading "Name: " is the common SRT convention.
 */
export function speakerParts(cueText: string, fallbackSpeaker = UNKNOWN_SPEAKER): { speakerName: string; text: string }[] {
  const spans = [...cueText.matchAll(VOICE_SPAN)];
  if (spans.length > 0) {
    return spans
      .map((m) => ({ speakerName: clean(m[1] ?? '') || fallbackSpeaker, text: clean(m[2] ?? '') }))
      .filter((part) => part.text.length > 0);
  }
  const text = clean(cueText);
  const prefix = SPEAKER_PREFIX.exec(text);
  if (prefix?.[1] !== undefined) {
    return [{ speakerName: prefix[1].trim(), text: text.slice(prefix[0].length) }];
  }
  return text.length > 0 ? [{ speakerName: fallbackSpeaker, text }] : [];
}

/** The start of a markup tag that never closes ("<v Broken"), or null when every tag is whole. */
export function unterminatedTag(cueText: string): string | null {
  return UNTERMINATED_TAG.exec(cueText)?.[0].trim() ?? null;
}
