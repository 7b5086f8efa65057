import { assertComparable, boundaryPrefix, defaultWindow, type SegmentLabels } from './segmentation.js';

/**
 * Pk (Beeferman, Berger and Lafferty 1999): slide a probe of width k over the units and count how
 * often reference and hypothesis disagree on whether its two ends, units i and i+k, fall in the
 * same segment. 0 is perfect; lower is better. k defaults to half the mean reference segment length.
 */
export function pk(reference: SegmentLabels, hypothesis: SegmentLabels, k: number = defaultWindow(reference)): number {
  assertComparable(reference, hypothesis);
  const probes = reference.length - k;
  if (probes <= 0) return 0;
  const referenceBoundaries = boundaryPrefix(reference);
  const hypothesisBoundaries = boundaryPrefix(hypothesis);
  const together = (prefix: number[], i: number): boolean => (prefix[i + k] ?? 0) - (prefix[i] ?? 0) === 0;
  let disagreements = 0;
  for (let i = 0; i < probes; i++) {
    if (together(referenceBoundaries, i) !== together(hypothesisBoundaries, i)) disagreements++;
  }
  return disagreements / probes;
}
