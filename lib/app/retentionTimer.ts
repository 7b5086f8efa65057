import type { SweepReport } from '../domain/retention/sweepRetention.js';
import { startSerialPasses, type SerialPasses } from '../domain/serialPasses.js';

export type RetentionTimer = SerialPasses<SweepReport>;

/**
 * The local stack's schedule for the retention sweep (EventBridge's on AWS): one pass every
 * `intervalMs` (0: only when asked), one at a time. A failed pass is logged and retried at the
 * next tick; the sweep is idempotent.
 */
export function startRetentionTimer(options: { sweep: () => Promise<SweepReport>; intervalMs: number; log: (message: string, error: unknown) => void }): RetentionTimer {
  return startSerialPasses({ pass: options.sweep, everyMs: options.intervalMs, onError: (error) => options.log('retention sweep failed; the next one tries again', error) });
}
