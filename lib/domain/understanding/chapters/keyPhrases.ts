import { isContentToken } from '../text/contentTerms.js';
import { stem } from '../text/stem.js';
import { wordsOf } from '../text/tokenize.js';

/** One occurrence of a candidate key phrase. */
export interface PhraseOccurrence {
  /** Stems of its content words joined by spaces: what makes two occurrences the same phrase. */
  key: string;
  /** As spoken. */
  surface: string;
  /** Number of content words. */
  length: number;
}

const MAX_PHRASE_WORDS = 3;
// Words that join two nouns into one noun phrase: "value of the baccalaureate", "budget for the remote".
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for']);
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/**
 * Candidate key phrases of a text: every run of one to three content words within a clause
 * ("remote control", "battery"), as in RAKE (Rose et al. 2010), where stopwords and punctuation
 * delimit phrases — except "of" and "for" (with an article), which join two runs into one noun
 * phrase ("value of the baccalaureate").
 */
export function phraseOccurrences(text: string, excludedTokens: ReadonlySet<string> = new Set()): PhraseOccurrence[] {
  const occurrences: PhraseOccurrence[] = [];
  for (const clause of text.split(/[,.;:!?()"—–]+|\s-\s/)) {
    const words = wordsOf(clause);
    const kinds = words.map((word) => {
      const token = word.toLowerCase();
      if (isContentToken(token) && !excludedTokens.has(token)) return 'content';
      if (CONNECTORS.has(token)) return 'connector';
      if (ARTICLES.has(token)) return 'article';
      return 'other';
    });
    for (let start = 0; start < words.length; start++) {
      if (kinds[start] !== 'content') continue;
      const stems: string[] = [];
      for (let end = start; end < words.length && stems.length < MAX_PHRASE_WORDS; end++) {
        const kind = kinds[end];
        if (kind === 'content') {
          stems.push(stem((words[end] ?? '').toLowerCase()));
          occurrences.push({ key: stems.join(' '), surface: words.slice(start, end + 1).join(' '), length: stems.length });
          continue;
        }
        // A connector may be followed by an article; either way a content word must come next.
        if (kind === 'connector' && kinds[end - 1] === 'content') {
          const next = kinds[end + 1] === 'article' ? end + 2 : end + 1;
          if (kinds[next] === 'content') {
            end = next - 1;
            continue;
          }
        }
        break;
      }
    }
  }
  return occurrences;
}
