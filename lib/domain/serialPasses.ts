export interface SerialPasses<T> {
  /** Runs a pass now (tests, the CLI, after an enqueue) and resolves with its result; null when it failed or the passes stopped. */
  runOnce(): Promise<T | null>;
  /** Stops the schedule and waits for the pass in flight. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` again `everyMs` after the previous one ended (0: only when asked), never two at
 * once: a caller during a pass waits for it, then runs its own. A failed pass is reported and the
 * next one tries again. The schedule alone never keeps a process alive (a CLI command exits when
 * its work is done). Locally the stack's background work runs this way; on AWS, Lambdas do.
 */
export function startSerialPasses<T>(options: { pass: () => Promise<T>; everyMs: number; onError: (error: unknown) => void }): SerialPasses<T> {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<T | null> = Promise.resolve(null);

  const pass = (): Promise<T | null> => {
    running = running.then(async () => {
      if (stopped) return null;
      try {
        return await options.pass();
      } catch (error) {
        options.onError(error);
        return null;
      }
    });
    return running;
  };
  const schedule = (): void => {
    if (stopped || options.everyMs <= 0) return;
    timer = setTimeout(() => {
      void pass().finally(schedule);
    }, options.everyMs);
    timer.unref();
  };
  schedule();

  return {
    runOnce: pass,
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
  };
}
