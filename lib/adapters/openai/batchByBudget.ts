/** Consecutive batches of at most `maxItems` items and `maxTokens` tokens; an item bigger than the budget goes alone. */
export function batchByBudget<T>(items: readonly T[], limits: { maxItems: number; maxTokens: number }, tokensOf: (item: T) => number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const cost = tokensOf(item);
    if (current.length > 0 && (current.length >= limits.maxItems || used + cost > limits.maxTokens)) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
