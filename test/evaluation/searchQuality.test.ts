import { describe, expect, it } from 'vitest';
import { firstRelevantRank, isRelevant, randomMrrAt10, randomRecallAtK, randomScores, scoreRanks } from '../../lib/evaluation/searchQuality.js';

const question = { meetingId: 'ES2002a', query: 'q', spans: [[3, 5], [9, 9]] as [number, number][] };
const referenceIndexOf = (_meeting: string, id: string) => (id.startsWith('u') ? Number(id.slice(1)) : undefined);

describe('search quality scoring', () => {
  it('counts a hit relevant only in the right meeting and citing an utterance inside a span', () => {
    expect(isRelevant({ meetingId: 'ES2002a', utteranceIds: ['u1', 'u4'] }, question, referenceIndexOf)).toBe(true);
    expect(isRelevant({ meetingId: 'ES2002a', utteranceIds: ['u9'] }, question, referenceIndexOf)).toBe(true);
    expect(isRelevant({ meetingId: 'ES2002a', utteranceIds: ['u6', 'u8', 'x'] }, question, referenceIndexOf)).toBe(false);
    expect(isRelevant({ meetingId: 'IS1008b', utteranceIds: ['u4'] }, question, referenceIndexOf)).toBe(false);
  });

  it('scores recall at k and MRR from the rank of the first relevant hit', () => {
    expect(firstRelevantRank([false, false, true, true])).toBe(3);
    expect(firstRelevantRank([false])).toBeNull();
    expect(scoreRanks([1, 3, null, 8])).toEqual({ questions: 4, recallAt1: 0.25, recallAt5: 0.5, recallAt10: 0.75, mrrAt10: (1 + 1 / 3 + 1 / 8) / 4 });
  });

  it('gives the random baseline its exact expectation', () => {
    expect(randomRecallAtK(10, 1, 1)).toBeCloseTo(0.1);
    expect(randomRecallAtK(10, 1, 10)).toBeCloseTo(1);
    expect(randomRecallAtK(4, 2, 2)).toBeCloseTo(1 - (2 / 4) * (1 / 3));
    expect(randomRecallAtK(100, 0, 10)).toBe(0);
    // One relevant in two: rank 1 half the time, rank 2 otherwise.
    expect(randomMrrAt10(2, 1)).toBeCloseTo(0.5 + 0.5 / 2);
    expect(randomScores(10, [1, 10]).recallAt1).toBeCloseTo((0.1 + 1) / 2);
  });
});
