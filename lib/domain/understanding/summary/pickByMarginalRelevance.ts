import { cosine, type TermVector } from '../text/termVector.js';

export interface RankedCandidate {
  vector: TermVector;
  norm: number;
  words: number;
  relevance: number;
}

// MMR trade-off (Carbonell and Goldstein 1998) between relevance to the meeting and novelty
// against the sentences already picked; 0.7 is the customary setting.
const RELEVANCE_WEIGHT = 0.7;

/**
 * Picks candidates greedily by maximal marginal relevance, so that each adds something the others
 * did not say, until `budget` words are spent. Returns the picks in the order they were picked.
 */
export function pickByMarginalRelevance<T extends RankedCandidate>(candidates: readonly T[], budget: number): T[] {
  const redundancy = new Map<T, number>(candidates.map((candidate) => [candidate, 0]));
  const chosen: T[] = [];
  let wordsLeft = budget;
  let remaining = [...candidates];
  for (;;) {
    remaining = remaining.filter((candidate) => candidate.words <= wordsLeft);
    let best: T | undefined;
    let bestScore = -Infinity;
    for (const candidate of remaining) {
      const score = RELEVANCE_WEIGHT * candidate.relevance - (1 - RELEVANCE_WEIGHT) * (redundancy.get(candidate) ?? 0);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best === undefined) return chosen;
    const picked = best;
    chosen.push(picked);
    wordsLeft -= picked.words;
    remaining = remaining.filter((candidate) => candidate !== picked);
    for (const candidate of remaining) {
      redundancy.set(candidate, Math.max(redundancy.get(candidate) ?? 0, cosine(candidate.vector, picked.vector, candidate.norm, picked.norm)));
    }
  }
}
