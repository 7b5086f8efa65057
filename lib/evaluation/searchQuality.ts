/**
 * Archive search scored against the reference questions: each question names the stretch of
 * one meeting that answers it (utterance index ranges), and a hit is relevant when it is from
 * that meeting and cites an utterance inside a range.
 */
export interface SearchQuestion {
  meetingId: string;
  query: string;
  /** Inclusive ranges of reference utterance indexes. */
  spans: [number, number][];
  /** The reference answer, where the data has one. */
  answer?: string | undefined;
}

export interface CitedHit {
  meetingId: string;
  utteranceIds: readonly string[];
}

/** Top-k recall and mean reciprocal rank over the questions, each in [0, 1], higher is better. */
export interface SearchScores {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrrAt10: number;
}

/** Whether a hit answers the question; `referenceIndexOf` maps a meeting's utterance id to its reference index. */
export function isRelevant(hit: CitedHit, question: SearchQuestion, referenceIndexOf: (meetingId: string, utteranceId: string) => number | undefined): boolean {
  if (hit.meetingId !== question.meetingId) return false;
  return hit.utteranceIds.some((id) => {
    const index = referenceIndexOf(hit.meetingId, id);
    return index !== undefined && question.spans.some(([from, to]) => from <= index && index <= to);
  });
}

/** 1-based rank of the first relevant hit, or null when none of them is. */
export function firstRelevantRank(relevance: readonly boolean[]): number | null {
  const index = relevance.indexOf(true);
  return index < 0 ? null : index + 1;
}

export function scoreRanks(ranks: readonly (number | null)[]): SearchScores {
  const share = (k: number) => (ranks.length === 0 ? 0 : ranks.filter((rank) => rank !== null && rank <= k).length / ranks.length);
  const mrr = ranks.length === 0 ? 0 : ranks.reduce<number>((sum, rank) => sum + (rank !== null && rank <= 10 ? 1 / rank : 0), 0) / ranks.length;
  return { questions: ranks.length, recallAt1: share(1), recallAt5: share(5), recallAt10: share(10), mrrAt10: mrr };
}

/**
 * What k passages drawn at random from `total` would score when `relevant` of them answer:
 * the chance that at least one of the k is relevant, 1 − C(total − relevant, k) / C(total, k).
 */
export function randomRecallAtK(total: number, relevant: number, k: number): number {
  if (relevant <= 0) return 0;
  let missAll = 1;
  for (let i = 0; i < k; i += 1) missAll *= Math.max(0, total - relevant - i) / (total - i);
  return 1 - missAll;
}

/** Expected reciprocal rank of the first relevant passage in a random order, cut at rank 10. */
export function randomMrrAt10(total: number, relevant: number): number {
  let expected = 0;
  let missBefore = 1;
  for (let rank = 1; rank <= Math.min(10, total); rank += 1) {
    const pickRelevant = relevant / (total - rank + 1);
    expected += (missBefore * pickRelevant) / rank;
    missBefore *= 1 - pickRelevant;
  }
  return expected;
}

/** The random baseline averaged over questions, from each question's count of relevant passages. */
export function randomScores(total: number, relevantPerQuestion: readonly number[]): SearchScores {
  const mean = (f: (relevant: number) => number) => (relevantPerQuestion.length === 0 ? 0 : relevantPerQuestion.reduce((sum, r) => sum + f(r), 0) / relevantPerQuestion.length);
  return {
    questions: relevantPerQuestion.length,
    recallAt1: mean((r) => randomRecallAtK(total, r, 1)),
    recallAt5: mean((r) => randomRecallAtK(total, r, 5)),
    recallAt10: mean((r) => randomRecallAtK(total, r, 10)),
    mrrAt10: mean((r) => randomMrrAt10(total, r)),
  };
}
