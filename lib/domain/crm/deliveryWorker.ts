import type { DeliverSummary } from './deliverDue.js';

export interface DeliveryWorker {
  /** Runs a pass now (tests, or after an enqueue) and resolves when it is done. */
  runOnce(): Promise<DeliverSummary | null>;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

/**
 * Polls the queue every `pollMs`, one pass at a time. Locally this runs inside the stack's
 * process; on AWS the same `deliverDue` runs in a Lambda fed by SQS instead.
 */
export function startDeliveryWorker(options: {
  deliver: () => Promise<DeliverSummary>;
  pollMs: number;
  log?: (message: string, error: unknown) => void;
}): DeliveryWorker {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<DeliverSummary | null> = Promise.resolve(null);

  const pass = (): Promise<DeliverSummary | null> => {
    // Passes never overlap: a second caller waits for the one in flight, then runs its own.
    running = running.then(async () => {
      if (stopped) return null;
      try {
        return await options.deliver();
      } catch (error) {
        (options.log ?? console.error)('webhook delivery pass failed', error);
        return null;
      }
    });
    return running;
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      void pass().finally(schedule);
    }, options.pollMs);
    // Polling alone never keeps a process alive: a CLI command exits when its work is done.
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
