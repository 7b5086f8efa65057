import { DeliveryNotFoundError, DeliveryNotReplayableError } from './errors.js';
import type { DeliveryQueue } from './ports.js';
import type { Delivery } from './schema.js';

/**
 * Sends a dead or delivered message again, with the same webhook-id (receivers that already
 * have it dedupe) and a fresh 24-hour retry window.
 */
export async function replayDelivery(queue: DeliveryQueue, tenantId: string, id: string, now: Date): Promise<Delivery> {
  const delivery = await queue.get(tenantId, id);
  if (delivery === null) throw new DeliveryNotFoundError(`no delivery ${id}`);
  if (delivery.status === 'pending') throw new DeliveryNotReplayableError(`delivery ${id} is still pending; it is retried on its own`);
  const replayed: Delivery = { ...delivery, status: 'pending', firstAttemptAt: null, nextAttemptAt: now.toISOString() };
  await queue.update(replayed);
  return replayed;
}
