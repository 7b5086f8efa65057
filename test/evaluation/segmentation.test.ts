import { describe, expect, it } from 'vitest';
import { boundaryPrefix, defaultWindow, segmentCount } from '../../lib/evaluation/segmentation.js';

/** Labels from segment sizes, e.g. [3,2,1] → [0,0,0,1,1,2]. */
const labelsFromSizes = (sizes: number[]): number[] => sizes.flatMap((size, segment) => new Array<number>(size).fill(segment));

describe('segmentation helpers', () => {
  it('counts segments by label changes', () => {
    expect(segmentCount([0, 0, 1, 1, 0])).toBe(3);
    expect(segmentCount([])).toBe(0);
  });

  it('rounds half the mean segment length, at least 1', () => {
    expect(defaultWindow(labelsFromSizes([10, 10, 20]))).toBe(7);
    expect(defaultWindow([0, 1, 2])).toBe(1);
  });

  it('prefix-sums boundaries', () => {
    expect(boundaryPrefix([0, 0, 1, 1, 2])).toEqual([0, 0, 1, 1, 2]);
  });
});
