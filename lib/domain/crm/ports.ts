import type { Delivery, DeliveryStatus } from './schema.js';

/**
 * A durable queue of webhook deliveries. Locally a folder (FileDeliveryQueue); on AWS an SQS
 * queue feeding a Lambda. The worker (deliverDue) sees only this port.
 */
export interface DeliveryQueue {
  /** Idempotent by delivery id: a message already known, in any state, is left as it is. */
  enqueue(deliveries: readonly Delivery[]): Promise<void>;
  /** Pending deliveries whose nextAttemptAt has come, oldest first. */
  due(now: Date, limit: number): Promise<Delivery[]>;
  /** Stores the delivery after an attempt (its status and attempts already updated). */
  update(delivery: Delivery): Promise<void>;
  get(tenantId: string, id: string): Promise<Delivery | null>;
  list(tenantId: string, status?: DeliveryStatus): Promise<Delivery[]>;
  /** Forgets these deliveries of the tenant, payload and all (erasure): a message still queued for one is never sent. */
  remove(tenantId: string, ids: readonly string[]): Promise<void>;
  close?(): Promise<void>;
}

/** Signs a message the Standard Webhooks way; returns the `webhook-signature` header value. */
export type WebhookSigner = (secret: string, msgId: string, timestamp: Date, body: string) => string;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** A receiver slower than this fails the attempt. */
  timeoutMs: number;
}

/**
 * POSTs one webhook and resolves with the receiver's status (redirects are not followed: a 3xx is
 * just a status). Rejects with ReceiverRefusedError when the receiver may not be reached, before
 * any connection is made to it.
 */
export type WebhookSender = (request: WebhookRequest) => Promise<{ status: number }>;
