/** A sparse bag of words: term → weight. */
export type TermVector = Map<string, number>;

/** Counts of each term. */
export function termCounts(terms: Iterable<string>): TermVector {
  const counts: TermVector = new Map();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

export function norm(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

/** Cosine similarity; 0 when either vector is empty. Pass norms already known to save recomputing them. */
export function cosine(a: TermVector, b: TermVector, normA = norm(a), normB = norm(b)): number {
  const denominator = normA * normB;
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}
