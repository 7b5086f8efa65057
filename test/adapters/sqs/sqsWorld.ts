import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { pinnedWebhookSender } from '../../../lib/adapters/crm/pinnedWebhookSender.js';
import { standardWebhookSigner } from '../../../lib/adapters/crm/standardWebhookSigner.js';
import { BlobDeliveryLog } from '../../../lib/adapters/sqs/BlobDeliveryLog.js';
import { createDeliveryConsumer } from '../../../lib/adapters/sqs/consumeDeliveries.js';
import { SqsDeliveryQueue } from '../../../lib/adapters/sqs/SqsDeliveryQueue.js';
import type { ReceiverGuard } from '../../../lib/domain/crm/receiverPolicy.js';
import { LOOPBACK_RECEIVERS } from '../../support/fakeResolver.js';
import { memoryBlobs } from '../../support/memoryBlobStore.js';
import { FakeSqsServer, type QueuedMessage } from './fakeSqsServer.js';

export const QUEUE = 'aftercall-deliveries';
export const DLQ = 'aftercall-deliveries-dlq';

/** The real SQS client against the fake on loopback; no retries, so a failure shows at once. */
export async function sqsWorld() {
  const fake = await FakeSqsServer.start([QUEUE, DLQ]);
  const sqs = new SQSClient({ region: 'us-east-1', endpoint: fake.endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
  const blobs = memoryBlobs();
  const log = new BlobDeliveryLog(blobs);
  return {
    fake,
    sqs,
    blobs,
    log,
    /** Receivers on loopback allowed (the local-development setting): the test CRMs listen on 127.0.0.1. */
    receivers: LOOPBACK_RECEIVERS,
    queue: new SqsDeliveryQueue(sqs, fake.queueUrl(QUEUE), log),
    /** The consumer as the Lambda builds it; every back-off at its ceiling, so visibility timeouts are predictable. */
    consumer: (onError: (message: string, details: Record<string, unknown>) => void, receivers: ReceiverGuard = LOOPBACK_RECEIVERS) =>
      createDeliveryConsumer({
        sqs,
        queueUrl: fake.queueUrl(QUEUE),
        deadLetterQueueUrl: fake.queueUrl(DLQ),
        log,
        deliver: { blobs, sign: standardWebhookSigner, send: pinnedWebhookSender(receivers), clock: () => new Date(), random: () => 1, timeoutMs: 2_000 },
        onError,
      }),
    /** Takes the messages waiting in the main queue as one Lambda event (each receive counted once). */
    receive(): SQSEvent {
      const taken = fake.messages(QUEUE).splice(0);
      return { Records: taken.map((message) => sqsRecord(message, fake.queueUrl(QUEUE))) };
    },
    async close(): Promise<void> {
      sqs.destroy();
      await fake.close();
    },
  };
}

export function sqsRecord(message: QueuedMessage, queueUrl: string): SQSEvent['Records'][number] {
  return {
    messageId: message.messageId,
    receiptHandle: `rh-${message.messageId}`,
    body: message.body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: String(Date.now()) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:123456789012:${queueUrl.split('/').at(-1) ?? ''}`,
    awsRegion: 'us-east-1',
  };
}
