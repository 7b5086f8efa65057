import { FILLER_SOUNDS, isStopword } from './stopwords.js';
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

// A word broken off and restarted without a hyphen ("des design", "partic particular"): a short
// run of letters the next word starts with. Short words that are words in their own right stay
// ("in into", "can canvas"), and so do whole words the next one inflects ("remote remotes").
const MAX_RESTART_LETTERS = 6;
function dropRestarts(text: string): string {
  const words = text.split(' ');
  return words
    .filter((word, i) => {
      const next = words[i + 1];
      if (next === undefined || !/^\p{L}{2,}$/u.test(word) || word.length > MAX_RESTART_LETTERS) return true;
      const lower = word.toLowerCase();
      const nextLower = next.toLowerCase();
      return !(nextLower.length > lower.length + 1 && nextLower.startsWith(lower) && !isStopword(lower));
    })
    .join(' ');
}

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
  return capitalised(dropRestarts(cleaned));
}

function capitalised(cleaned: string): string {
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}
