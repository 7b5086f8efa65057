import { FILLER_SOUNDS } from './stopwords.js';
import { normalizeTranscriptConventions } from './tokenize.js';

const FILLER_PATTERN = [...FILLER_SOUNDS]
  .sort((a, b) => b.length - a.length)
  .map((filler) => filler.replace(/-/g, '\\s*-\\s*'))
  .join('|');
// A filler sound with the comma or dash that usually hangs on it.
const FILLER = new RegExp(`(^|[\\s,.;!?-])(?:${FILLER_PATTERN})(?=$|[\\s,.;!?-])[,.;!?]?`, 'gi');
// "our our", "in our in our": a stutter or restart, not emphasis.
const REPEATED_WORDS = /(?<![\p{L}'])([\p{L}']+(?:\s+[\p{L}']+){0,2})(?:,?\s+\1(?![\p{L}']))+/giu;
// A hesitation cut off mid-word, as transcribed by ICSI ("tr-", "a-").
const CUT_OFF_WORD = /(^|\s)[\p{L}]{1,3}-(?=\s|$)/gu;
// A lone letter followed by a word it starts is that word cut off after one sound, as AMI
// transcribes it ("M my favourite", "we d do"). Any other lone letter is a word: "U.S.", "plan B".
const STRAY_LETTER = /(^|\s)(?![ai]\s)([\p{L}])\s+(?=\2\p{L})/giu;

/**
 * Makes a transcribed sentence readable without changing what was said: drops filler sounds,
 * stutters and cut-off words, and tidies the punctuation they leave behind.
 */
export function cleanDisfluencies(sentence: string): string {
  const cleaned = normalizeTranscriptConventions(sentence)
    .replace(FILLER, '$1')
    .replace(REPEATED_WORDS, '$1')
    // Once more: removing "I I" from "I I'll I'll" leaves a new repeat.
    .replace(REPEATED_WORDS, '$1')
    .replace(CUT_OFF_WORD, '$1')
    .replace(STRAY_LETTER, '$1')
    .replace(/\s+([,.;!?])/g, '$1')
    .replace(/([,;])(?:\s*[,;])+/g, '$1')
    .replace(/^[\s,.;:!?-]+/, '')
    .replace(/,\s*([.!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}
