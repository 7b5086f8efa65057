import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import type { Hono } from 'hono';
import { pinnedWebhookSender } from '../adapters/crm/pinnedWebhookSender.js';
import { standardWebhookSigner } from '../adapters/crm/standardWebhookSigner.js';
import { startTelemetry } from '../adapters/otel/startTelemetry.js';
import { createS3Client } from '../adapters/s3/createS3Client.js';
import { S3BlobStore } from '../adapters/s3/S3BlobStore.js';
import { loadProviderSecrets } from '../adapters/secretsmanager/providerSecrets.js';
import { BlobDeliveryLog } from '../adapters/sqs/BlobDeliveryLog.js';
import { createDeliveryConsumer } from '../adapters/sqs/consumeDeliveries.js';
import { SqsDeliveryQueue } from '../adapters/sqs/SqsDeliveryQueue.js';
import { SfnTaskTokens } from '../adapters/stepfunctions/SfnTaskTokens.js';
import { SfnWorkflowRunner } from '../adapters/stepfunctions/SfnWorkflowRunner.js';
import { createHttpApp } from '../app/http/createHttpApp.js';
import { lambdaLogger } from '../app/lambdaLogger.js';
import { CaptionRelay } from '../app/live/CaptionRelay.js';
import { createS3EventHandler, type S3EventOutcome } from '../app/s3EventHandler.js';
import type { StepHandler } from '../app/steps/stepHandler.js';
import { isTaskFunctionName, TASK_FUNCTION_NAMES, workflowStepHandler } from '../app/steps/workflowSteps.js';
import { ConfigError, loadConfig, requireSetting, type Config } from '../config/config.js';
import type { ErasureDeps } from '../domain/retention/eraseMeeting.js';
import { once } from '../platform/once.js';
import { assembleControlPlane } from './controlPlane.js';
import { receiverGuardFrom } from './receiverGuard.js';
import { chooseLiveTranscriber, liveTranslator } from './providers.js';
import { buildStepDeps, type BuiltStepDeps } from './stepDeps.js';

/*
 * The AWS plane's composition root: every Lambda (lambdas/) and the relay's container (bin/relay.ts)
 * get what they run from here, built on first use and kept for the container's life (a failure is
 * forgotten: the next invocation tries again). Configuration is read and checked first, so a bad
 * setting fails the cold start with the setting's name.
 */

/** The environment, with the provider keys from Secrets Manager merged in (they win over the environment). */
export const awsConfig = /* @__PURE__ */ once(async (): Promise<Config> => loadConfig(process.env, await loadProviderSecrets(process.env)));

/** The steps' ports: S3, the providers the secret has keys for, Step Functions' task tokens, the SQS delivery queue. */
export const awsStepDeps = /* @__PURE__ */ once(async (): Promise<BuiltStepDeps> => {
  const config = await awsConfig();
  // Lambda freezes the container between invocations: spans and metrics are exported at the end of each.
  const telemetry = await startTelemetry(config, { flushEachInvocation: true });
  const built = await buildStepDeps(config, { taskTokens: new SfnTaskTokens(new SFNClient({ region: config.AWS_REGION })), telemetry });
  // Publish enqueues CRM webhooks, and the API lists and replays them, on the stack's SQS queue.
  return { ...built, deliveries: sqsDeliveryQueue(config, built) };
});

/** The CRM delivery queue where the stack gave the function one (Publish, the API), else none. */
function sqsDeliveryQueue(config: Config, deps: Pick<BuiltStepDeps, 'blobs'>): SqsDeliveryQueue | null {
  const queueUrl = config.AFTERCALL_DELIVERY_QUEUE_URL;
  return queueUrl === undefined ? null : new SqsDeliveryQueue(new SQSClient({ region: config.AWS_REGION }), queueUrl, new BlobDeliveryLog(deps.blobs));
}

/** The post-call state machine every webhook and S3 event starts. */
const stepFunctionsRunner = (config: Config) =>
  new SfnWorkflowRunner(
    new SFNClient({ region: config.AWS_REGION }),
    requireSetting(config, 'AFTERCALL_STATE_MACHINE_ARN', 'the stack sets it on the functions that start runs (API, S3 events, retention sweep)'),
  );

const s3Blobs = (config: Config) => new S3BlobStore(createS3Client({ region: config.AWS_REGION, endpoint: config.AFTERCALL_S3_ENDPOINT }), config.AFTERCALL_BUCKET);

/** The step this function runs (the stack sets AFTERCALL_STEP on each step's function). */
export function awsStepHandler(): StepHandler<unknown> {
  const handler = once(async () => {
    const name = requireSetting(loadConfig(), 'AFTERCALL_STEP', 'the stack sets it on each workflow step\'s function');
    if (!isTaskFunctionName(name)) throw new ConfigError(`invalid configuration:\n  AFTERCALL_STEP: one of ${TASK_FUNCTION_NAMES.join(', ')}`);
    return workflowStepHandler(name, awsStepDeps);
  });
  return async (event: unknown, context: Context) => (await handler())(event, context);
}

/** API Gateway's app: the same HTTP app as locally, on Step Functions and the SQS queue, without the web UI (CloudFront serves it). */
export const awsHttpApp = /* @__PURE__ */ once(async (): Promise<Hono> => {
  const [config, deps] = await Promise.all([awsConfig(), awsStepDeps()]);
  const plane = assembleControlPlane(config, deps, { workflow: stepFunctionsRunner(config), deliveries: deps.deliveries, livekitDevKeys: false });
  // Lambda sends stderr to the function's log group.
  return createHttpApp(plane, { log: (message, error) => console.error(message, error), audioUrlSecret: config.AFTERCALL_AUDIO_URL_SECRET });
});

/**
 * S3 events: starting runs needs no provider keys (no secret read); completing a transcription
 * builds the steps' ports (with the provider secret: the transcriber maps the result) only when a
 * result arrives.
 */
export const awsS3EventHandler = /* @__PURE__ */ once(async (): Promise<(event: unknown) => Promise<S3EventOutcome>> => {
  const config = loadConfig();
  return createS3EventHandler(
    { blobs: s3Blobs(config), workflow: stepFunctionsRunner(config), clock: () => new Date() },
    { bucket: config.AFTERCALL_BUCKET, defaultTenant: config.AFTERCALL_DEFAULT_TENANT, completion: awsStepDeps },
  );
});

export type DeliveryConsumer = ReturnType<typeof createDeliveryConsumer>;

/** SQS → CRM webhooks: the consumer over the stack's queue and its dead-letter queue. */
export const awsDeliveryConsumer = /* @__PURE__ */ once(async (): Promise<DeliveryConsumer> => {
  const config = loadConfig();
  const blobs = s3Blobs(config);
  return createDeliveryConsumer({
    sqs: new SQSClient({ region: config.AWS_REGION }),
    queueUrl: requireSetting(config, 'AFTERCALL_DELIVERY_QUEUE_URL', 'the stack sets it on the delivery function'),
    deadLetterQueueUrl: requireSetting(config, 'AFTERCALL_DELIVERY_DLQ_URL', 'the stack sets it on the delivery function'),
    log: new BlobDeliveryLog(blobs),
    deliver: { blobs, sign: standardWebhookSigner, send: pinnedWebhookSender(receiverGuardFrom(config)), clock: () => new Date() },
    onError: (message, details) => lambdaLogger().error(message, details),
  });
});

/** What the retention sweep erases through: the bucket, the vector index, Step Functions (is a run going?) and the delivery log. */
export const awsSweepDeps = /* @__PURE__ */ once(async (): Promise<ErasureDeps> => {
  const [config, deps] = await Promise.all([awsConfig(), awsStepDeps()]);
  return {
    blobs: deps.blobs,
    vectorIndex: deps.vectorIndex,
    workflow: stepFunctionsRunner(config),
    // The delivery log in the bucket: erasing a delivery removes its record (SQS holds only pointers).
    deliveries: new BlobDeliveryLog(deps.blobs),
    clock: deps.clock,
    audit: deps.audit,
  };
});

/** The caption relay in its container: the bucket for API keys and saved captions, Deepgram live by key, the language model for the second track. */
export function awsCaptionRelay(config: Config): { relay: CaptionRelay; close(): void } {
  const s3 = createS3Client({ region: config.AWS_REGION, endpoint: config.AFTERCALL_S3_ENDPOINT });
  const relay = new CaptionRelay({
    blobs: new S3BlobStore(s3, config.AFTERCALL_BUCKET),
    translator: liveTranslator(config),
    transcriber: chooseLiveTranscriber(config),
    defaultTenant: config.AFTERCALL_DEFAULT_TENANT,
  });
  return { relay, close: () => s3.destroy() };
}
