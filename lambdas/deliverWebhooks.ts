import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { lambdaLogger as logger } from '../lib/app/lambdaLogger.js';
import { awsDeliveryConsumer, type DeliveryConsumer } from '../lib/composition/aws.js';

export type { DeliveryConsumer };

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

export const handler = createDeliveryHandler(awsDeliveryConsumer);
