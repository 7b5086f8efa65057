import { ChangeMessageVisibilityCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { attemptDelivery, type DeliverDeps } from '../../domain/crm/deliverDue.js';
import type { Delivery } from '../../domain/crm/schema.js';
import type { BlobDeliveryLog } from './BlobDeliveryLog.js';
import { parseDeliveryMessage } from './deliveryMessage.js';

/** SQS caps a message's visibility timeout at 12 hours. */
const MAX_VISIBILITY_S = 12 * 60 * 60;

export interface DeliveryConsumerDeps {
  sqs: SQSClient;
  queueUrl: string;
  deadLetterQueueUrl: string;
  log: BlobDeliveryLog;
  /** How an attempt is made (signing, fetch, clock, back-off policy): the same worker as locally. */
  deliver: Omit<DeliverDeps, 'queue' | 'batchSize'>;
  onError?: (message: string, details: Record<string, unknown>) => void;
}

export type RecordOutcome = 'delivered' | 'retrying' | 'dead' | 'skipped' | 'failed';

/**
 * The SQS consumer of CRM deliveries, for an event source mapping with ReportBatchItemFailures.
 * Each message gets one attempt (lib/domain/crm/deliverDue, so the retry schedule and 24-hour
 * window are the local ones). A failed attempt reports the message as a batch item failure after
 * setting its visibility timeout to the back-off (exponential, full jitter): SQS redelivers it then.
 * A message whose window closed goes to the dead-letter queue; so does one that keeps failing
 * past the queue's maxReceiveCount (SQS moves it). A message from a redrive whose record is dead
 * is sent again with a new window, as a replay would.
 */
export function createDeliveryConsumer(deps: DeliveryConsumerDeps) {
  const onError = deps.onError ?? (() => undefined);

  const consume = async (record: SQSRecord): Promise<RecordOutcome> => {
    const pointer = parseDeliveryMessage(record.body);
    const delivery = pointer === null ? null : await deps.log.get(pointer.tenantId, pointer.id);
    if (delivery === null) {
      // Nothing to send, ever: keep the message where an operator can see it.
      onError('delivery message without a record: moved to the dead-letter queue', { messageId: record.messageId });
      await sendTo(deps.deadLetterQueueUrl, record.body);
      return 'dead';
    }
    // A duplicate of a message already handled (SQS delivers at least once).
    if (delivery.status === 'delivered') return 'skipped';
    const current: Delivery = delivery.status === 'dead' ? { ...delivery, status: 'pending', firstAttemptAt: null } : delivery;
    const next = await attemptDelivery(deps.deliver, current);
    await deps.log.put(next);
    if (next.status === 'delivered') return 'delivered';
    if (next.status === 'dead') {
      await sendTo(deps.deadLetterQueueUrl, record.body);
      return 'dead';
    }
    const waitS = Math.ceil((Date.parse(next.nextAttemptAt) - deps.deliver.clock().getTime()) / 1000);
    await deps.sqs.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: deps.queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: Math.min(MAX_VISIBILITY_S, Math.max(0, waitS)) }),
    );
    return 'retrying';
  };

  const sendTo = async (queueUrl: string, body: string): Promise<void> => {
    await deps.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
  };

  return async (event: SQSEvent): Promise<SQSBatchResponse & { outcomes: RecordOutcome[] }> => {
    const outcomes = await Promise.all(
      event.Records.map((record) =>
        consume(record).catch((error: unknown): RecordOutcome => {
          // Storage or SQS trouble: SQS redelivers after the queue's visibility timeout.
          onError('delivery message failed', { messageId: record.messageId, errorName: error instanceof Error ? error.name : 'Error', errorMessage: error instanceof Error ? error.message : String(error) });
          return 'failed';
        }),
      ),
    );
    const batchItemFailures = event.Records.filter((_, i) => outcomes[i] === 'retrying' || outcomes[i] === 'failed').map((record) => ({ itemIdentifier: record.messageId }));
    return { batchItemFailures, outcomes };
  };
}
