import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/** True for a token that can say what a passage is about: not a stopword or filler, not a bare number. */
export const isContentToken = (token: string): boolean =>
  token.length >= 3 && !isStopword(token) && !/^\d+$/.test(token) && !/^(.)\1+$/.test(token);

/** The stemmed content words of a text, in order, with repeats: the bag of words the engine compares. */
export function contentTerms(text: string): string[] {
  return tokenize(text).filter(isContentToken).map(stem);
}
