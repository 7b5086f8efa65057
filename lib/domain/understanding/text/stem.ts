import { stemmer } from 'stemmer';

// Meetings repeat a small vocabulary thousands of times; stemming each word once is enough.
const cache = new Map<string, string>();

/** Porter stem of a lower-case token. */
export function stem(token: string): string {
  let stemmed = cache.get(token);
  if (stemmed === undefined) {
    stemmed = stemmer(token);
    cache.set(token, stemmed);
  }
  return stemmed;
}
