/**
 * A segmentation of n units (utterances) as the segment number of each unit, e.g. [0,0,0,1,1,2].
 * Pk and WindowDiff compare two of these over the same units.
 */
export type SegmentLabels = readonly number[];

/** Number of segments: how many times the label changes, plus one. */
export function segmentCount(labels: SegmentLabels): number {
  if (labels.length === 0) return 0;
  let count = 1;
  for (let i = 1; i < labels.length; i++) if (labels[i] !== labels[i - 1]) count++;
  return count;
}

/** The standard window for Pk and WindowDiff: half the mean reference segment length, rounded, at least 1. */
export function defaultWindow(reference: SegmentLabels): number {
  const segments = segmentCount(reference);
  if (segments === 0) return 1;
  return Math.max(1, Math.round(reference.length / segments / 2));
}

export function assertComparable(reference: SegmentLabels, hypothesis: SegmentLabels): void {
  if (reference.length !== hypothesis.length) {
    throw new RangeError(`segmentations cover different numbers of units: ${reference.length} vs ${hypothesis.length}`);
  }
}

/**
 * Boundary counts as a prefix sum: result[j] is the number of segment boundaries among the first
 * j units' following gaps, so boundaries between units i and i+k are result[i+k] - result[i].
 * A boundary is any change of label, so labels need not be consecutive integers.
 */
export function boundaryPrefix(labels: SegmentLabels): number[] {
  const prefix = [0];
  for (let j = 1; j < labels.length; j++) prefix.push((prefix[j - 1] ?? 0) + (labels[j] !== labels[j - 1] ? 1 : 0));
  return prefix;
}
