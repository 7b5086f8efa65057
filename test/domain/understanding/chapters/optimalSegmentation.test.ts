import { describe, expect, it } from 'vitest';
import { optimalSegmentation, type SegmentationUnit } from '../../../../lib/domain/understanding/chapters/optimalSegmentation.js';

/** Units of ten seconds each; the word ids of unit i are given. */
const units = (words: number[][]): SegmentationUnit[] =>
  words.map((wordIds, i) => ({ wordIds, startMs: i * 10_000, endMs: (i + 1) * 10_000 }));

const twoTopics = units([
  ...Array.from({ length: 10 }, (_, i) => [i % 3, (i + 1) % 3, 0]),
  ...Array.from({ length: 10 }, (_, i) => [3 + (i % 3), 3 + ((i + 2) % 3), 4]),
]);

describe('optimalSegmentation', () => {
  it('cuts where the vocabulary changes', () => {
    expect(optimalSegmentation(twoTopics, { vocabularySize: 6, alpha: 0.5, boundaryCost: Math.log(20), minSegmentMs: 30_000 })).toEqual([0, 10]);
  });

  it('does not cut when a boundary costs more than it explains', () => {
    expect(optimalSegmentation(twoTopics, { vocabularySize: 6, alpha: 0.5, boundaryCost: 1_000, minSegmentMs: 30_000 })).toEqual([0]);
  });

  it('never makes a segment shorter than the minimum', () => {
    expect(optimalSegmentation(twoTopics, { vocabularySize: 6, alpha: 0.5, boundaryCost: 0, minSegmentMs: 150_000 })).toEqual([0]);
  });

  it('returns nothing for no units', () => {
    expect(optimalSegmentation([], { vocabularySize: 0, alpha: 1, boundaryCost: 0, minSegmentMs: 0 })).toEqual([]);
  });
});
