import { describe, expect, it } from 'vitest';
import { pk } from '../../lib/evaluation/pk.js';

// Reference: two segments of four units, boundary between units 3 and 4; default k = 2.
const reference = [0, 0, 0, 0, 1, 1, 1, 1];

describe('pk', () => {
  it('is 0 for a perfect segmentation', () => {
    expect(pk(reference, reference)).toBe(0);
  });

  it('counts probes whose ends the two segmentations put together or apart differently', () => {
    // Probes (i, i+2) for i = 0..5; the reference separates (2,4) and (3,5).
    // One segment gets those two wrong: 2 / 6.
    expect(pk(reference, [0, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(2 / 6, 12);
    // A boundary one unit early (between 2 and 3) separates (1,3) and (2,4): disagrees on (1,3) and (3,5).
    expect(pk(reference, [0, 0, 0, 1, 1, 1, 1, 1])).toBeCloseTo(2 / 6, 12);
  });

  it('uses half the mean reference segment length as the default window', () => {
    // [0,0,0,1,1,1]: mean 3, k = round(1.5) = 2; probes (0,2) (1,3) (2,4) (3,5); one segment misses (1,3) and (2,4).
    expect(pk([0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 0, 0])).toBe(0.5);
    expect(pk([0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 0, 0], 1)).toBeCloseTo(1 / 5, 12);
  });

  it('reads boundaries from label changes, not label values', () => {
    expect(pk(reference, [5, 5, 5, 5, 2, 2, 2, 2])).toBe(0);
  });

  it('rejects segmentations of different lengths', () => {
    expect(() => pk([0, 0, 1], [0, 0])).toThrow(RangeError);
  });
});
