import { contentTerms } from './analyzeText.js';

/** The usual constant of reciprocal rank fusion: damps the gap between rank 1 and rank 2. */
const RRF_K = 60;
// BM25's usual parameters: term frequency saturates (k1) and long passages are discounted (b).
const K1 = 1.2;
const B = 0.75;

/**
 * BM25 of each text for the query stems, with document frequencies taken over the candidates
 * themselves (the index keeps no term statistics). Zero when no query term is present.
 */
export function keywordScores(texts: readonly string[], queryStems: ReadonlySet<string>): number[] {
  const termsOf = texts.map((text) => contentTerms(text).map((term) => term.stem));
  const averageLength = termsOf.reduce((sum, terms) => sum + terms.length, 0) / Math.max(1, termsOf.length) || 1;
  const documentFrequency = new Map<string, number>();
  for (const terms of termsOf) for (const stem of new Set(terms)) if (queryStems.has(stem)) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  return termsOf.map((terms) => {
    let score = 0;
    for (const stem of queryStems) {
      const frequency = terms.filter((term) => term === stem).length;
      if (frequency === 0) continue;
      const df = documentFrequency.get(stem) ?? 0;
      const idf = Math.log(1 + (termsOf.length - df + 0.5) / (df + 0.5));
      score += (idf * frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * terms.length) / averageLength));
    }
    return score;
  });
}

/**
 * The candidates that have a keyword score, best first with their scores (ties keep the given
 * order): the keyword ranking when the index has no keyword search of its own.
 */
export function keywordRanking<T>(candidates: readonly T[], textOf: (candidate: T) => string, queryStems: ReadonlySet<string>): { candidate: T; score: number }[] {
  const scores = keywordScores(candidates.map(textOf), queryStems);
  return candidates
    .map((candidate, index) => ({ candidate, score: scores[index] ?? 0, index }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ candidate, score }) => ({ candidate, score }));
}

/**
 * Reciprocal rank fusion of several rankings (each best first) of items named by `idOf`: an item
 * scores weight / (k + rank) in every ranking it appears in (weight 1 unless given). Ranks, not
 * raw scores, are combined, so cosine similarities and BM25 never need to be put on one scale,
 * and an item only one ranking found still competes. Best first; equal scores keep the order of
 * first appearance.
 */
export function fuseRankings<T>(rankings: readonly (readonly T[])[], idOf: (item: T) => string, weights: readonly number[] = []): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number }>();
  for (const [n, ranking] of rankings.entries()) {
    const weight = weights[n] ?? 1;
    ranking.forEach((item, rank) => {
      const entry = fused.get(idOf(item)) ?? { item, score: 0 };
      entry.score += weight / (RRF_K + rank + 1);
      fused.set(idOf(item), entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
