import { describe, expect, it } from 'vitest';
import { pk } from '../../lib/evaluation/pk.js';
import { windowDiff } from '../../lib/evaluation/windowDiff.js';

const reference = [0, 0, 0, 0, 1, 1, 1, 1];

describe('windowDiff', () => {
  it('is 0 for a perfect segmentation', () => {
    expect(windowDiff(reference, reference)).toBe(0);
  });

  it('counts windows holding a different number of boundaries', () => {
    // Windows (i, i+2), i = 0..5; the reference has one boundary in windows 2 and 3.
    expect(windowDiff(reference, [0, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(2 / 6, 12);
  });

  it('sees an extra boundary inside a window, which Pk does not', () => {
    // Boundaries between 2|3 and 3|4: window 1 has 0 vs 1, window 2 has 1 vs 2, window 3 has 1 vs 1.
    const twoBoundaries = [0, 0, 0, 1, 2, 2, 2, 2];
    expect(windowDiff(reference, twoBoundaries)).toBeCloseTo(2 / 6, 12);
    expect(pk(reference, twoBoundaries)).toBeCloseTo(1 / 6, 12);
  });

  it('takes an explicit window', () => {
    // k = 1: windows are single gaps; one segment misses only the gap 3|4 of 7.
    expect(windowDiff(reference, [0, 0, 0, 0, 0, 0, 0, 0], 1)).toBeCloseTo(1 / 7, 12);
  });
});
