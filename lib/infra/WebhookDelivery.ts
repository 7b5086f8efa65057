import { CfnOutput, Duration } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BUCKET_ACCESS, BUCKET_KEYS, grantBucketAccess } from './bucketAccess.js';
import { queueEncryption } from './queueEncryption.js';
import { StepFunctionLambda } from './StepFunctionLambda.js';

/** The object keys the consumer touches (see lib/domain/crm/subscriptions.ts and lib/adapters/sqs/BlobDeliveryLog.ts). */
export const SUBSCRIPTION_KEYS = BUCKET_KEYS.subscriptions.pattern;
export const DELIVERY_LOG_KEYS = BUCKET_KEYS.deliveries.pattern;

/**
 * Receives per message before SQS moves it to the dead-letter queue: a safety net for messages
 * that keep failing for other reasons (storage errors, crashes). The domain's 24-hour window gives
 * up first: its back-off (5 s doubling to an hourly cap, full jitter) makes about 60 attempts a day.
 */
export const MAX_RECEIVE_COUNT = 200;

const CONSUMER_TIMEOUT = Duration.seconds(60);
const RETENTION = Duration.days(14);

export interface WebhookDeliveryProps {
  bucket: Bucket;
  environment: Record<string, string>;
  /** The stack's customer-managed key, if any: both queues are encrypted with it. */
  encryptionKey?: IKey | undefined;
}

/**
 * CRM webhook delivery on AWS: an SQS queue (SSE, TLS only, 14-day retention) with a dead-letter
 * queue behind it, and the consumer Lambda that makes the attempts. The consumer may read
 * subscriptions, read and write the delivery log, consume its queue and send to the DLQ; nothing else.
 */
export class WebhookDelivery extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly consumer: StepFunctionLambda;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    const secure = { ...queueEncryption(props.encryptionKey), enforceSSL: true, retentionPeriod: RETENTION } as const;
    this.deadLetterQueue = new Queue(this, 'DeadLetters', secure);
    this.queue = new Queue(this, 'Queue', {
      ...secure,
      // Six times the function's timeout, as Lambda advises for SQS event sources.
      visibilityTimeout: Duration.seconds(CONSUMER_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    this.consumer = new StepFunctionLambda(this, 'Consumer', {
      entry: 'deliverWebhooks',
      memoryMb: 256,
      timeout: CONSUMER_TIMEOUT,
      environment: { ...props.environment, AFTERCALL_DELIVERY_QUEUE_URL: this.queue.queueUrl, AFTERCALL_DELIVERY_DLQ_URL: this.deadLetterQueue.queueUrl },
    });
    const fn = this.consumer.function;
    fn.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }));
    this.deadLetterQueue.grantSendMessages(fn);
    grantBucketAccess(props.bucket, fn, BUCKET_ACCESS.WebhookDelivery);

    new CfnOutput(this, 'DeadLetterQueueArn', { value: this.deadLetterQueue.queueArn, description: 'Deliveries that gave up: move them back with aws sqs start-message-move-task --source-arn <this>' });
  }

  /** Lets a function enqueue deliveries (Publish) or replay them (the API). */
  grantEnqueue(fn: NodejsFunction): void {
    this.queue.grantSendMessages(fn);
    fn.addEnvironment('AFTERCALL_DELIVERY_QUEUE_URL', this.queue.queueUrl);
  }
}
