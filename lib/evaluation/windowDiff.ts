import { assertComparable, boundaryPrefix, defaultWindow, type SegmentLabels } from './segmentation.js';

/**
 * WindowDiff (Pevzner and Hearst 2002): slide a window over units i..i+k and count how often
 * reference and hypothesis put a different number of boundaries inside it. Unlike Pk it also
 * sees a wrong count of boundaries within one window. 0 is perfect; lower is better.
 */
export function windowDiff(reference: SegmentLabels, hypothesis: SegmentLabels, k: number = defaultWindow(reference)): number {
  assertComparable(reference, hypothesis);
  const windows = reference.length - k;
  if (windows <= 0) return 0;
  const referenceBoundaries = boundaryPrefix(reference);
  const hypothesisBoundaries = boundaryPrefix(hypothesis);
  const inWindow = (prefix: number[], i: number): number => (prefix[i + k] ?? 0) - (prefix[i] ?? 0);
  let disagreements = 0;
  for (let i = 0; i < windows; i++) {
    if (inWindow(referenceBoundaries, i) !== inWindow(hypothesisBoundaries, i)) disagreements++;
  }
  return disagreements / windows;
}
