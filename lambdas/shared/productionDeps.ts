import { SFNClient } from '@aws-sdk/client-sfn';
import { startTelemetry } from '../../lib/adapters/otel/startTelemetry.js';
import { SfnTaskTokens } from '../../lib/adapters/stepfunctions/SfnTaskTokens.js';
import { buildStepDeps, type BuiltStepDeps } from '../../lib/app/buildStepDeps.js';
import { loadConfig, type Config } from '../../lib/config/config.js';
import { once } from '../../lib/platform/once.js';
import { loadProviderSecrets } from './secrets.js';
import { sqsDeliveryQueue } from './sqsDeliveries.js';

/**
 * The environment, with the provider keys from Secrets Manager merged in (they win over the
 * environment). Kept for the container's life, but not a failure: the next invocation tries again.
 */
export const productionConfig = once(async (): Promise<Config> => loadConfig(process.env, await loadProviderSecrets(process.env)));

/** Built on the first invocation and kept for the life of the Lambda container. */
export const productionDeps = once(async (): Promise<BuiltStepDeps> => {
  const config = await productionConfig();
  // Lambda freezes the container between invocations: spans and metrics are exported at the end of each.
  const telemetry = await startTelemetry(config, { flushEachInvocation: true });
  const built = await buildStepDeps(config, { taskTokens: new SfnTaskTokens(new SFNClient({ region: config.AWS_REGION })), telemetry });
  // Publish enqueues CRM webhooks, and the API lists and replays them, on the stack's SQS queue.
  return { ...built, deliveries: sqsDeliveryQueue(config, built.blobs) };
});
