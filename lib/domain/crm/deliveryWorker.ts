import { startSerialPasses, type SerialPasses } from '../serialPasses.js';
import type { DeliverSummary } from './deliverDue.js';

export type DeliveryWorker = SerialPasses<DeliverSummary>;

/**
 * Polls the queue every `pollMs`, one pass at a time. Locally this runs inside the stack's
 * process; on AWS the same `deliverDue` runs in a Lambda fed by SQS instead.
 */
export function startDeliveryWorker(options: {
  deliver: () => Promise<DeliverSummary>;
  pollMs: number;
  log?: (message: string, error: unknown) => void;
}): DeliveryWorker {
  const log = options.log ?? console.error;
  return startSerialPasses({ pass: options.deliver, everyMs: options.pollMs, onError: (error) => log('webhook delivery pass failed', error) });
}
