import { stem } from '../understanding/text/stem.js';
import { isNoiseStem, isNoiseWord } from './noiseWords.js';

/** A word of a text that tells what the text is about, with where it stands in the text. */
export interface ContentTerm {
  /** Porter stem of the lowercased word: "Emails" and "email" give the same term. */
  stem: string;
  /** Offsets into the original text, so a snippet can mark the word as written. */
  start: number;
  end: number;
}

// Letters and digits, with inner apostrophes kept so contractions ("don't") stay one word and
// can be recognised as stopwords. Hyphens split ("kick-off" → "kick", "off").
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

const normalizeWord = (surface: string): string => surface.normalize('NFKC').toLowerCase().replaceAll('’', "'");

// After the stopword check: "team's" → "team", "o'clock" → "oclock".
const withoutApostrophes = (word: string): string => word.replace(/'s$/, '').replaceAll("'", '');

const isSingleLetter = (word: string): boolean => word.length === 1 && !/\p{N}/u.test(word);

/**
 * The content words of a text in order: lowercased, stopwords and meeting fillers dropped,
 * Porter-stemmed. The embedder and the snippet highlighter share it, so what is highlighted is
 * exactly what was matched.
 */
export function contentTerms(text: string): ContentTerm[] {
  const terms: ContentTerm[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = normalizeWord(match[0]);
    if (isNoiseWord(word)) continue;
    const bare = withoutApostrophes(word);
    if (bare.length === 0 || isSingleLetter(bare) || isNoiseWord(bare)) continue;
    const stemmed = stem(bare);
    if (isNoiseStem(stemmed)) continue;
    terms.push({ stem: stemmed, start: match.index, end: match.index + match[0].length });
  }
  return terms;
}

/** True when a text has nothing but fillers and stopwords ("Mm-hmm. Okay, yeah."). */
export const isFillerOnly = (text: string): boolean => contentTerms(text).length === 0;
