import { describe, expect, it } from 'vitest';
import { longestCommonSubsequence, rouge, rougeL, rougeN, rougeTokens } from '../../lib/evaluation/rouge.js';

describe('rougeTokens', () => {
  it('lower-cases, splits on anything but letters and digits, and stems tokens longer than three characters', () => {
    expect(rougeTokens('The Remote-Control, 2024 designs!')).toEqual(['the', 'remot', 'control', '2024', 'design']);
    expect(rougeTokens('was runs')).toEqual(['was', 'run']);
  });
});

describe('rougeN', () => {
  const candidate = 'the cat sat on the mat';
  const reference = 'the cat is on the mat';

  it('ROUGE-1 clips repeated words to their count in the reference', () => {
    // Shared: the ×2, cat, on, mat = 5 of 6 on each side.
    expect(rougeN(candidate, reference, 1)).toEqual({ precision: 5 / 6, recall: 5 / 6, f1: expect.closeTo(5 / 6, 12) });
    // "the the the": only two "the" in the reference count.
    expect(rougeN('the the the', reference, 1).precision).toBeCloseTo(2 / 3, 12);
  });

  it('ROUGE-2 counts shared bigrams', () => {
    // Shared: "the cat", "on the", "the mat" = 3 of 5 on each side.
    expect(rougeN(candidate, reference, 2).f1).toBeCloseTo(3 / 5, 12);
  });

  it('matches inflections through stemming', () => {
    // Candidate "running cats" → run, cat; reference "the cat runs" → the, cat, run: P = 1, R = 2/3.
    expect(rougeN('running cats', 'the cat runs', 1).f1).toBeCloseTo(0.8, 12);
  });

  it('is 0 for an empty candidate', () => {
    expect(rougeN('', reference, 1)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('rougeL', () => {
  it('finds the longest common subsequence', () => {
    expect(longestCommonSubsequence(['a', 'b', 'c', 'b', 'd', 'a', 'b'], ['b', 'd', 'c', 'a', 'b', 'a'])).toBe(4);
  });

  it('scores the LCS against both lengths', () => {
    // LCS "the cat on the mat" = 5; candidate 6 tokens, reference 7: P = 5/6, R = 5/7.
    const score = rougeL('the cat sat on the mat', 'the cat was sitting on the mat');
    expect(score.precision).toBeCloseTo(5 / 6, 12);
    expect(score.recall).toBeCloseTo(5 / 7, 12);
    expect(score.f1).toBeCloseTo((2 * (5 / 6) * (5 / 7)) / (5 / 6 + 5 / 7), 12);
  });
});

describe('rouge', () => {
  it('gives 1 for identical texts', () => {
    const scores = rouge('The team chose a kinetic battery.', 'The team chose a kinetic battery.');
    expect([scores.rouge1.f1, scores.rouge2.f1, scores.rougeL.f1]).toEqual([1, 1, 1]);
  });
});
