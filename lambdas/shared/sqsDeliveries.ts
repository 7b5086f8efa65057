import { SQSClient } from '@aws-sdk/client-sqs';
import { BlobDeliveryLog } from '../../lib/adapters/sqs/BlobDeliveryLog.js';
import { SqsDeliveryQueue } from '../../lib/adapters/sqs/SqsDeliveryQueue.js';
import type { Config } from '../../lib/config/config.js';
import type { BlobStore } from '../../lib/domain/ports/BlobStore.js';

/** The CRM delivery queue where the stack gave the function one (Publish, the API), else none. */
export function sqsDeliveryQueue(config: Config, blobs: BlobStore): SqsDeliveryQueue | null {
  const queueUrl = config.AFTERCALL_DELIVERY_QUEUE_URL;
  return queueUrl === undefined ? null : new SqsDeliveryQueue(new SQSClient({ region: config.AWS_REGION }), queueUrl, new BlobDeliveryLog(blobs));
}
