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
 * Reciprocal rank fusion of the semantic order (the candidates as the index returned them)
 * and the keyword order (candidates with a keyword score, best first). Ranks, not raw scores,
 * are combined, so cosine similarities and BM25 never need to be put on one scale.
 */
export function fuseRanks(keyword: readonly number[]): number[] {
  const keywordRank = new Map<number, number>();
  keyword
    .map((score, index) => ({ score, index }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .forEach(({ index }, rank) => keywordRank.set(index, rank));
  return keyword.map((_, semanticRank) => {
    const rank = keywordRank.get(semanticRank);
    return 1 / (RRF_K + semanticRank + 1) + (rank === undefined ? 0 : 1 / (RRF_K + rank + 1));
  });
}
