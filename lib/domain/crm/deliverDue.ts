import type { BlobStore } from '../ports/BlobStore.js';
import { ReceiverRefusedError } from './errors.js';
import type { DeliveryQueue, WebhookSender, WebhookSigner } from './ports.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retrySchedule.js';
import type { Delivery, DeliveryAttempt } from './schema.js';
import { findSubscription } from './subscriptions.js';

export interface DeliverDeps {
  queue: DeliveryQueue;
  /** Where subscriptions (URL, secret) are read at send time, so a deleted one stops its retries. */
  blobs: BlobStore;
  sign: WebhookSigner;
  /** Refuses receivers on internal addresses, checked on the address it connects to. */
  send: WebhookSender;
  clock: () => Date;
  random?: () => number;
  policy?: RetryPolicy;
  /** Per attempt; a receiver slower than this counts as failed and is retried. */
  timeoutMs?: number;
  /** Deliveries per pass. */
  batchSize?: number;
}

export interface DeliverSummary {
  delivered: number;
  retrying: number;
  dead: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * One pass of the worker: every due delivery gets one attempt. 2xx is delivered; any other
 * status, a timeout or a network error schedules a retry, until the retry window closes and the
 * message is dead-lettered. A receiver the policy refuses is dead at once. At-least-once: a receiver that processed a message but failed to
 * answer 2xx gets it again, with the same webhook-id.
 */
export async function deliverDue(deps: DeliverDeps): Promise<DeliverSummary> {
  const summary: DeliverSummary = { delivered: 0, retrying: 0, dead: 0 };
  const due = await deps.queue.due(deps.clock(), deps.batchSize ?? 20);
  await Promise.all(
    due.map(async (delivery) => {
      const next = await attemptDelivery(deps, delivery);
      await deps.queue.update(next);
      summary[next.status === 'pending' ? 'retrying' : next.status] += 1;
    }),
  );
  return summary;
}

/** One attempt at one delivery: the delivery as it stands afterwards (delivered, pending with its next attempt, or dead). */
export async function attemptDelivery(deps: Omit<DeliverDeps, 'queue' | 'batchSize'>, delivery: Delivery): Promise<Delivery> {
  const at = deps.clock();
  const firstAttemptAt = delivery.firstAttemptAt ?? at.toISOString();
  const subscription = await findSubscription(deps.blobs, delivery.tenantId, delivery.subscriptionId);
  if (subscription === null || !subscription.active) {
    return withAttempt(delivery, firstAttemptAt, { at: at.toISOString(), httpStatus: null, error: 'subscription deleted or inactive', outcome: 'dead' }, at);
  }

  let httpStatus: number | null = null;
  let error: string | null = null;
  try {
    ({ status: httpStatus } = await deps.send({
      url: subscription.url,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'aftercall-webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': deps.sign(subscription.secret, delivery.id, at, delivery.body),
      },
      body: delivery.body,
      timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    }));
  } catch (cause) {
    // Nothing was sent, and asking again would not change the answer: no retries to probe with.
    if (cause instanceof ReceiverRefusedError) {
      return withAttempt(delivery, firstAttemptAt, { at: at.toISOString(), httpStatus: null, error: `refused: ${cause.message}`, outcome: 'refused' }, at);
    }
    error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  }

  if (httpStatus !== null && httpStatus >= 200 && httpStatus < 300) {
    return withAttempt(delivery, firstAttemptAt, { at: at.toISOString(), httpStatus, error: null, outcome: 'delivered' }, at);
  }
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const giveUp = at.getTime() - Date.parse(firstAttemptAt) >= policy.giveUpAfterMs;
  const failure: DeliveryAttempt = { at: at.toISOString(), httpStatus, error: error ?? statusError(httpStatus), outcome: giveUp ? 'dead' : 'retry' };
  const failures = failuresInWindow(delivery, firstAttemptAt) + 1;
  const next = new Date(at.getTime() + retryDelayMs(policy, failures, deps.random ?? Math.random));
  return withAttempt(delivery, firstAttemptAt, failure, next);
}

function withAttempt(delivery: Delivery, firstAttemptAt: string, attempt: DeliveryAttempt, nextAttemptAt: Date): Delivery {
  const status = attempt.outcome === 'retry' ? 'pending' : attempt.outcome === 'refused' ? 'dead' : attempt.outcome;
  return { ...delivery, status, firstAttemptAt, nextAttemptAt: nextAttemptAt.toISOString(), attempts: [...delivery.attempts, attempt] };
}

/** Failures since the window opened (a replay opens a new window and starts the back-off again). */
const failuresInWindow = (delivery: Delivery, firstAttemptAt: string): number =>
  delivery.attempts.filter((a) => a.outcome !== 'delivered' && Date.parse(a.at) >= Date.parse(firstAttemptAt)).length;

// A redirect is not an acknowledgement; following it would send the payload (and our signature) elsewhere.
const statusError = (status: number | null): string => (status !== null && status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`);
