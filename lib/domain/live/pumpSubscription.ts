import type { Delivery } from './captionEvents.js';
import type { SubscriberQueue } from './SubscriberQueue.js';

/**
 * Moves a subscriber's events to its connection one at a time, waiting for each write: while a
 * slow connection's writes are pending, new events wait in the bounded queue (which drops old
 * interim captions), never in an unbounded socket buffer. Resolves when the queue is closed.
 */
export async function pumpSubscription(
  queue: SubscriberQueue,
  send: (delivery: Delivery) => Promise<void>,
  onDelivered?: (delivery: Delivery) => void,
): Promise<void> {
  for (;;) {
    const delivery = await queue.next();
    if (delivery === null) return;
    await send(delivery);
    onDelivered?.(delivery);
  }
}
