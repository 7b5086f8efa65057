import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryQueue } from '../../domain/crm/ports.js';
import { DeliverySchema, type Delivery, type DeliveryStatus } from '../../domain/crm/schema.js';
import type { BlobDeliveryLog } from './BlobDeliveryLog.js';
import { deliveryMessageBody } from './deliveryMessage.js';
import { InternalError } from '../../domain/errors.js';

/** `due` has no meaning on SQS: the queue pushes due messages to the consumer Lambda. */
export class DeliveryQueueOperationError extends InternalError {
  override readonly name = 'DeliveryQueueOperationError';
}

/**
 * The CRM delivery queue on AWS. The record of each delivery (status, attempts) lives in the
 * blob store (BlobDeliveryLog); SQS carries a pointer to it and times the attempts: the consumer
 * (lambdas/deliverWebhooks.ts) makes one attempt per receive and backs off with the message's
 * visibility timeout. Enqueue and replay send messages; the API lists from the log.
 */
export class SqsDeliveryQueue implements DeliveryQueue {
  constructor(
    private readonly sqs: SQSClient,
    readonly queueUrl: string,
    private readonly log: BlobDeliveryLog,
  ) {}

  /**
   * Idempotent by delivery id: a known delivery is not sent again, except one that was recorded
   * but never attempted (its send may have failed before a retried Publish came back); sending
   * that twice costs at most one extra attempt, which receivers dedupe by webhook-id.
   */
  async enqueue(deliveries: readonly Delivery[]): Promise<void> {
    for (const delivery of deliveries) {
      const parsed = DeliverySchema.parse(delivery);
      const known = await this.log.get(parsed.tenantId, parsed.id);
      if (known !== null && (known.status !== 'pending' || known.attempts.length > 0)) continue;
      // The record first: a message whose record does not exist yet would be dropped by the consumer.
      if (known === null) await this.log.put(parsed);
      await this.send(parsed);
    }
  }

  due(): Promise<Delivery[]> {
    return Promise.reject(new DeliveryQueueOperationError('SQS pushes due deliveries to the consumer Lambda; nothing polls this queue'));
  }

  /** Stores the delivery; a pending one (a replay) is sent again with a fresh retry window. */
  async update(delivery: Delivery): Promise<void> {
    await this.log.put(delivery);
    if (delivery.status === 'pending') await this.send(delivery);
  }

  get(tenantId: string, id: string): Promise<Delivery | null> {
    return this.log.get(tenantId, id);
  }

  list(tenantId: string, status?: DeliveryStatus): Promise<Delivery[]> {
    return this.log.list(tenantId, status);
  }

  remove(tenantId: string, ids: readonly string[]): Promise<void> {
    return this.log.remove(tenantId, ids);
  }

  private async send(delivery: Delivery): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: deliveryMessageBody(delivery) }));
  }
}
