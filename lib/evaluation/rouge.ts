import { stemmer } from 'stemmer';

/** Precision, recall and F1 of one ROUGE variant. */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

/**
 * Tokens as ROUGE compares them, following Google's rouge-score package with stemming on (the
 * equivalent of ROUGE-1.5.5's `-m`): lower case, every run of characters other than a-z and 0-9
 * separates tokens, and tokens longer than three characters are Porter-stemmed. No stopwords
 * are removed.
 */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0)
    .map((token) => (token.length > 3 ? stemmer(token) : token));
}

const score = (overlap: number, candidateCount: number, referenceCount: number): RougeScore => {
  const precision = candidateCount === 0 ? 0 : overlap / candidateCount;
  const recall = referenceCount === 0 ? 0 : overlap / referenceCount;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
};

const ngramCounts = (tokens: readonly string[], n: number): Map<string, number> => {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
};

/** ROUGE-N: n-grams shared by candidate and reference, each counted at most as often as it occurs in both. */
export function rougeN(candidate: string, reference: string, n: number): RougeScore {
  const candidateGrams = ngramCounts(rougeTokens(candidate), n);
  const referenceGrams = ngramCounts(rougeTokens(reference), n);
  let overlap = 0;
  for (const [gram, count] of candidateGrams) overlap += Math.min(count, referenceGrams.get(gram) ?? 0);
  const total = (counts: Map<string, number>): number => [...counts.values()].reduce((sum, c) => sum + c, 0);
  return score(overlap, total(candidateGrams), total(referenceGrams));
}

/** Length of the longest common subsequence, in two rows of memory. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  let current = new Array<number>(b.length + 1).fill(0);
  for (const tokenA of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = tokenA === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** ROUGE-L over the whole text as one sequence (not the sentence-split ROUGE-Lsum), F1 with beta = 1. */
export function rougeL(candidate: string, reference: string): RougeScore {
  const candidateTokens = rougeTokens(candidate);
  const referenceTokens = rougeTokens(reference);
  return score(longestCommonSubsequence(candidateTokens, referenceTokens), candidateTokens.length, referenceTokens.length);
}

export function rouge(candidate: string, reference: string): RougeScores {
  return { rouge1: rougeN(candidate, reference, 1), rouge2: rougeN(candidate, reference, 2), rougeL: rougeL(candidate, reference) };
}
