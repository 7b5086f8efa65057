import { describe, expect, it } from 'vitest';
import { optimalSegmentation, type SegmentationModel, type SegmentationStream } from '../../../../lib/domain/understanding/chapters/optimalSegmentation.js';

/** Units of ten seconds each. */
const timing = (count: number): { startMs: number; endMs: number }[] => Array.from({ length: count }, (_, i) => ({ startMs: i * 10_000, endMs: (i + 1) * 10_000 }));

const twoTopicWords = [
  ...Array.from({ length: 10 }, (_, i) => [i % 3, (i + 1) % 3, 0]),
  ...Array.from({ length: 10 }, (_, i) => [3 + (i % 3), 3 + ((i + 2) % 3), 4]),
];
const words = (tokens: number[][]): SegmentationStream => ({ tokens, vocabularySize: 6, alpha: 0.5, weight: 1 });
const model = (boundaryCost: (start: number) => number, minSegmentMs: number, streams = [words(twoTopicWords)]): SegmentationModel => ({
  timing: timing(streams[0]?.tokens.length ?? 0),
  streams,
  boundaryCost,
  minSegmentMs,
});

describe('optimalSegmentation', () => {
  it('cuts where the vocabulary changes', () => {
    expect(optimalSegmentation(model(() => Math.log(20), 30_000))).toEqual([0, 10]);
  });

  it('does not cut when a boundary costs more than it explains', () => {
    expect(optimalSegmentation(model(() => 1_000, 30_000))).toEqual([0]);
  });

  it('never makes a segment shorter than the minimum', () => {
    expect(optimalSegmentation(model(() => 0, 150_000))).toEqual([0]);
  });

  it('returns nothing for no units', () => {
    expect(optimalSegmentation({ timing: [], streams: [], boundaryCost: () => 0, minSegmentMs: 0 })).toEqual([]);
  });

  it('cuts where who holds the floor changes, even when the words do not', () => {
    const sameWords = Array.from({ length: 20 }, (_, i) => [i % 3, (i + 1) % 3]);
    const floor: SegmentationStream = { tokens: Array.from({ length: 20 }, (_, i) => [i < 12 ? 0 : 1]), vocabularySize: 2, alpha: 1, weight: 2 };
    expect(optimalSegmentation(model(() => Math.log(20), 30_000, [words(sameWords)]))).toEqual([0]);
    expect(optimalSegmentation(model(() => Math.log(20), 30_000, [words(sameWords), floor]))).toEqual([0, 12]);
  });

  it('a cheaper boundary where a topic is announced draws the cut to it', () => {
    const blurred = [...twoTopicWords.slice(0, 9), [0, 1, 3, 4], ...twoTopicWords.slice(10)];
    const cutAt = (announced: number): number[] => optimalSegmentation(model((start) => (start === announced ? 0 : 10), 30_000, [words(blurred)]));
    expect(cutAt(9)).toEqual([0, 9]);
    expect(cutAt(10)).toEqual([0, 10]);
  });
});
