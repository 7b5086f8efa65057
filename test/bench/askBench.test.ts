import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchAsk } from '../../lib/bench/askBench.js';
import { meetingIdsIn } from '../../lib/bench/meetingCorpus.js';
import { makeTempDir } from '../support/tempDir.js';

const CORPUS = 'samples/meetings';

describe('ask bench', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('times answers that the model wrote through the SDK, its first word no sooner than the played first-token delay', async () => {
    const speed = { model: 'gpt-4o-mini', firstTokenMs: 300, tokensPerSecond: 2_000 };

    const bench = await benchAsk(CORPUS, meetingIdsIn(CORPUS), dir.path, { meetings: 3, maxQuestions: 4, speed });

    expect(bench.questions).toBe(4);
    expect(bench.model.answeredBy).toEqual(['model']);
    expect(bench.model.answered).toBeGreaterThan(0);
    expect(bench.model.firstToken.p50Ms).toBeGreaterThanOrEqual(speed.firstTokenMs);
    expect(bench.model.firstToken.p50Ms).toBeGreaterThanOrEqual(bench.model.retrieval.p50Ms);
    expect(bench.model.whole.p95Ms).toBeGreaterThanOrEqual(bench.model.firstToken.p95Ms);
    expect(bench.extractive.answeredBy).toEqual(['extractive']);
    // No model in the way: the extractive answer's first word comes right after retrieval, far below the model's delay.
    expect(bench.extractive.firstToken.p50Ms).toBeLessThan(bench.model.firstToken.p50Ms);
  }, 90_000);
});
