import { describe, expect, it } from 'vitest';
import { configureLanceThreads } from '../../../lib/adapters/lancedb/lanceThreads.js';

describe('configureLanceThreads', () => {
  it('gives LanceDB more compute threads than full-text writers, so one is always free', () => {
    const env: NodeJS.ProcessEnv = {};
    configureLanceThreads(env);
    expect(Number(env.LANCE_CPU_THREADS)).toBeGreaterThanOrEqual(4);
    expect(Number(env.LANCE_FTS_NUM_SHARDS)).toBeGreaterThanOrEqual(1);
    expect(Number(env.LANCE_FTS_NUM_SHARDS)).toBeLessThan(Number(env.LANCE_CPU_THREADS));
  });

  it("keeps an operator's own settings, and fits the writers to their thread count", () => {
    const env: NodeJS.ProcessEnv = { LANCE_CPU_THREADS: '2' };
    configureLanceThreads(env);
    expect(env).toEqual({ LANCE_CPU_THREADS: '2', LANCE_FTS_NUM_SHARDS: '1' });
    const chosen: NodeJS.ProcessEnv = { LANCE_CPU_THREADS: '8', LANCE_FTS_NUM_SHARDS: '6' };
    configureLanceThreads(chosen);
    expect(chosen).toEqual({ LANCE_CPU_THREADS: '8', LANCE_FTS_NUM_SHARDS: '6' });
  });
});
