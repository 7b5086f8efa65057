import type { SweepReport } from '../domain/retention/sweepRetention.js';

export interface RetentionTimer {
  /** Runs a sweep now (the CLI, tests) and resolves with its report; never overlaps a sweep in flight. */
  runOnce(): Promise<SweepReport | null>;
  stop(): Promise<void>;
}

/**
 * The local stack's schedule for the retention sweep (EventBridge's on AWS): one pass every
 * `intervalMs` (0: only when asked), one at a time. A failed pass is logged and retried at the
 * next tick; the sweep is idempotent.
 */
export function startRetentionTimer(options: { sweep: () => Promise<SweepReport>; intervalMs: number; log: (message: string, error: unknown) => void }): RetentionTimer {
  let stopped = false;
  let running: Promise<SweepReport | null> = Promise.resolve(null);
  const pass = (): Promise<SweepReport | null> => {
    running = running.then(async () => {
      if (stopped) return null;
      try {
        return await options.sweep();
      } catch (error) {
        options.log('retention sweep failed; the next one tries again', error);
        return null;
      }
    });
    return running;
  };
  const timer = options.intervalMs > 0 ? setInterval(() => void pass(), options.intervalMs) : null;
  // The schedule alone never keeps a process alive.
  timer?.unref();
  return {
    runOnce: pass,
    stop: async () => {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      await running;
    },
  };
}
