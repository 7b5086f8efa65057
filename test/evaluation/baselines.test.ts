import { describe, expect, it } from 'vitest';
import { equalDurationLabels, firstWords, oneSegmentLabels, wordCount } from '../../lib/evaluation/baselines.js';

describe('baselines', () => {
  it('one segment labels everything 0', () => {
    expect(oneSegmentLabels(3)).toEqual([0, 0, 0]);
  });

  it('equal chapters split the meeting by time, not by utterance count', () => {
    // 40 s in two halves; a long first utterance puts most utterances in the second half.
    expect(equalDurationLabels([0, 22_000, 25_000, 30_000, 35_000], 2, 0, 40_000)).toEqual([0, 1, 1, 1, 1]);
    expect(equalDurationLabels([0, 10_000, 20_000, 30_000], 2, 0, 40_000)).toEqual([0, 0, 1, 1]);
  });

  it('takes the first N words across utterances', () => {
    expect(firstWords(['Okay so', ' we  need a', 'case'], 4)).toBe('Okay so we need');
    expect(firstWords(['short'], 10)).toBe('short');
  });

  it('counts whitespace-separated words', () => {
    expect(wordCount('  one two\nthree ')).toBe(3);
  });
});
