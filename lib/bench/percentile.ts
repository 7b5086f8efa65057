/** The value at fraction `p` (0–1) of timings sorted ascending; 0 for none. */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
