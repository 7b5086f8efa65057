import { isContentToken } from '../text/contentTerms.js';
import { stem } from '../text/stem.js';
import { wordsOf } from '../text/tokenize.js';

/** One occurrence of a candidate key phrase. */
export interface PhraseOccurrence {
  /** Stems joined by spaces: what makes two occurrences the same phrase. */
  key: string;
  /** As spoken. */
  surface: string;
  length: number;
}

const MAX_PHRASE_WORDS = 3;

/**
 * Candidate key phrases of a text: every run of one to three consecutive content words within a
 * clause ("remote control", "battery"), as in RAKE (Rose et al. 2010), where stopwords and
 * punctuation delimit phrases.
 */
export function phraseOccurrences(text: string, excludedTokens: ReadonlySet<string> = new Set()): PhraseOccurrence[] {
  const occurrences: PhraseOccurrence[] = [];
  for (const clause of text.split(/[,.;:!?()"—–]+|\s-\s/)) {
    let run: string[] = [];
    const flush = (): void => {
      for (let start = 0; start < run.length; start++) {
        for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= run.length; length++) {
          const words = run.slice(start, start + length);
          occurrences.push({ key: words.map((word) => stem(word.toLowerCase())).join(' '), surface: words.join(' '), length });
        }
      }
      run = [];
    };
    for (const word of wordsOf(clause)) {
      const token = word.toLowerCase();
      if (isContentToken(token) && !excludedTokens.has(token)) run.push(word);
      else flush();
    }
    flush();
  }
  return occurrences;
}
