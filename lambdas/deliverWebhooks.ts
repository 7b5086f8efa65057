import { SQSClient } from '@aws-sdk/client-sqs';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { pinnedWebhookSender } from '../lib/adapters/crm/pinnedWebhookSender.js';
import { standardWebhookSigner } from '../lib/adapters/crm/standardWebhookSigner.js';
import { createS3Client } from '../lib/adapters/s3/createS3Client.js';
import { S3BlobStore } from '../lib/adapters/s3/S3BlobStore.js';
import { BlobDeliveryLog } from '../lib/adapters/sqs/BlobDeliveryLog.js';
import { createDeliveryConsumer } from '../lib/adapters/sqs/consumeDeliveries.js';
import { receiverGuardFrom } from '../lib/app/receiverGuard.js';
import { loadConfig, requireSetting } from '../lib/config/config.js';
import { once } from '../lib/platform/once.js';
import { lambdaLogger as logger } from './shared/logger.js';

export type DeliveryConsumer = ReturnType<typeof createDeliveryConsumer>;

/**
 * SQS → CRM webhooks: one attempt per message, the failed ones reported as batch item failures
 * (the event source mapping has ReportBatchItemFailures) so only they come back, after their
 * back-off. A short handler: the consumer does the work; this logs what happened.
 */
export function createDeliveryHandler(getConsumer: () => Promise<DeliveryConsumer>) {
  return middy<SQSEvent, SQSBatchResponse, Error, Context>()
    .use(injectLambdaContext(logger(), { resetKeys: true }))
    .handler(async (event) => {
      const { batchItemFailures, outcomes } = await (await getConsumer())(event);
      const counts = Object.fromEntries([...new Set(outcomes)].map((outcome) => [outcome, outcomes.filter((o) => o === outcome).length]));
      logger().info('webhook deliveries attempted', { messages: outcomes.length, ...counts });
      return { batchItemFailures };
    });
}

const productionConsumer = once(async (): Promise<DeliveryConsumer> => {
  const config = loadConfig();
  const queueUrl = requireSetting(config, 'AFTERCALL_DELIVERY_QUEUE_URL', 'the stack sets it on the delivery function');
  const deadLetterQueueUrl = requireSetting(config, 'AFTERCALL_DELIVERY_DLQ_URL', 'the stack sets it on the delivery function');
  const blobs = new S3BlobStore(createS3Client({ region: config.AWS_REGION }), config.AFTERCALL_BUCKET);
  return createDeliveryConsumer({
    sqs: new SQSClient({ region: config.AWS_REGION }),
    queueUrl,
    deadLetterQueueUrl,
    log: new BlobDeliveryLog(blobs),
    deliver: { blobs, sign: standardWebhookSigner, send: pinnedWebhookSender(receiverGuardFrom(config)), clock: () => new Date() },
    onError: (message, details) => logger().error(message, details),
  });
});

export const handler = createDeliveryHandler(productionConsumer);
