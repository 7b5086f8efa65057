import { availableParallelism } from 'node:os';

/**
 * LanceDB sizes its pool of compute threads at the machine's cores minus two, so on a 2-core
 * machine it has one. Building or updating the full-text index then deadlocks once the table is
 * large enough (about 100k passages here): the posting-list writer holds the only pool thread
 * while waiting for the page encoder, which waits for a pool thread (lance-format/lance#6085,
 * #7350). The process stays alive with every thread asleep. Giving the pool more threads than the
 * full-text builder has writers keeps one free. Set before LanceDB's native library starts its
 * pools; an operator's own values win.
 */
export function configureLanceThreads(env: NodeJS.ProcessEnv = process.env): void {
  const threads = Math.max(4, availableParallelism());
  env.LANCE_CPU_THREADS ??= String(threads);
  env.LANCE_FTS_NUM_SHARDS ??= String(Math.max(1, Math.min(2, Number(env.LANCE_CPU_THREADS) - 1)));
}
