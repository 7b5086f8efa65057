import { describe, expect, it } from 'vitest';
import { cosine, dot, norm, termCounts } from '../../../../lib/domain/understanding/text/termVector.js';

describe('term vectors', () => {
  it('counts terms', () => {
    expect([...termCounts(['a', 'b', 'a'])]).toEqual([['a', 2], ['b', 1]]);
  });

  it('computes dot product, norm and cosine', () => {
    const a = termCounts(['x', 'y']);
    const b = termCounts(['x', 'x']);
    expect(dot(a, b)).toBe(2);
    expect(norm(b)).toBe(2);
    expect(cosine(a, b)).toBeCloseTo(2 / (Math.SQRT2 * 2), 10);
    expect(cosine(a, a)).toBeCloseTo(1, 10);
  });

  it('gives 0 for an empty vector', () => {
    expect(cosine(new Map(), termCounts(['x']))).toBe(0);
  });
});
