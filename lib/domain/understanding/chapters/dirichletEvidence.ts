/**
 * Log marginal likelihood of a bag of words under a multinomial with a symmetric Dirichlet(alpha)
 * prior over a vocabulary of `vocabularySize` words, in nats. With counts c_w summing to n:
 *   log Γ(Vα) − log Γ(n + Vα) + Σ_w [log Γ(c_w + α) − log Γ(α)]
 * computed as the sum of the sequential predictive probabilities, so it can grow word by word.
 */
export class DirichletEvidence {
  private readonly counts: Int32Array;
  private words = 0;
  logEvidence = 0;

  constructor(
    vocabularySize: number,
    private readonly alpha: number,
  ) {
    this.counts = new Int32Array(vocabularySize);
  }

  /** Adds one occurrence of the word with this id (0 ≤ id < vocabularySize). */
  add(wordId: number): void {
    const count = this.counts[wordId] ?? 0;
    this.logEvidence += Math.log(count + this.alpha) - Math.log(this.counts.length * this.alpha + this.words);
    this.counts[wordId] = count + 1;
    this.words++;
  }
}

/**
 * The concentration alpha that makes the whole text most probable under one Dirichlet-multinomial
 * (empirical Bayes), searched on a log grid from 0.001 to 100. Small alpha means bursty word use,
 * large alpha even use; fitting it to the meeting itself spares a hand-set constant.
 */
export function fitConcentration(wordIds: readonly number[], vocabularySize: number, prior?: { median: number; spread: number }): number {
  const counts = new Int32Array(vocabularySize);
  for (const id of wordIds) counts[id] = (counts[id] ?? 0) + 1;
  // wordsSeenAtLeast[t]: how many vocabulary words occur more than t times.
  const wordsSeenAtLeast: number[] = [];
  for (const count of counts) for (let t = 0; t < count; t++) wordsSeenAtLeast[t] = (wordsSeenAtLeast[t] ?? 0) + 1;

  const evidence = (alpha: number): number => {
    let total = 0;
    wordsSeenAtLeast.forEach((words, t) => (total += words * Math.log(t + alpha)));
    for (let t = 0; t < wordIds.length; t++) total -= Math.log(vocabularySize * alpha + t);
    if (prior !== undefined) total -= (Math.log(alpha / prior.median) / prior.spread) ** 2 / 2;
    return total;
  };

  let best = 1;
  let bestEvidence = -Infinity;
  for (let exponent = -3; exponent <= 2.0001; exponent += 0.05) {
    const alpha = 10 ** exponent;
    const value = evidence(alpha);
    if (value > bestEvidence) {
      best = alpha;
      bestEvidence = value;
    }
  }
  return best;
}
