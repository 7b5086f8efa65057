import { SFNClient } from '@aws-sdk/client-sfn';
import { LivekitWebhookVerifier } from '../../lib/adapters/livekit/LivekitWebhookVerifier.js';
import { tracedWorkflowRunner } from '../../lib/adapters/otel/tracedWorkflowRunner.js';
import { SfnWorkflowRunner } from '../../lib/adapters/stepfunctions/SfnWorkflowRunner.js';
import type { ControlPlane } from '../../lib/app/ControlPlane.js';
import { livekitSigners } from '../../lib/app/livekitSigners.js';
import type { BuiltStepDeps } from '../../lib/app/buildStepDeps.js';
import { receiverGuardFrom } from '../../lib/app/receiverGuard.js';
import { requireSetting, type Config } from '../../lib/config/config.js';

/** The stack sets this: the post-call state machine every webhook starts. */
export const stateMachineArnFrom = (config: Config): string =>
  requireSetting(config, 'AFTERCALL_STATE_MACHINE_ARN', 'the stack sets it on the functions that start runs (API, S3 events, retention sweep)');

/**
 * The control plane as it runs on Lambda: the steps' ports, with the workflow on Step
 * Functions, and CRM deliveries on the stack's SQS queue (their log in the bucket), so the
 * subscription and delivery routes work as locally.
 */
export function awsControlPlane(config: Config, deps: BuiltStepDeps, stateMachineArn: string): ControlPlane {
  const signers = livekitSigners(config, { devDefault: false });
  const workflow = new SfnWorkflowRunner(new SFNClient({ region: config.AWS_REGION }), stateMachineArn);
  return {
    blobs: deps.blobs,
    // With tracing on, each execution starts in the span that roots its trace (its input carries the traceparent).
    workflow: deps.telemetry === null ? workflow : tracedWorkflowRunner(workflow, deps.telemetry),
    embedder: deps.embedder,
    vectorIndex: deps.vectorIndex,
    answerer: deps.answerer,
    clock: deps.clock,
    recordingWaitMs: config.AFTERCALL_RECORDING_WAIT_SECONDS * 1_000,
    bucket: config.AFTERCALL_BUCKET,
    defaultTenant: config.AFTERCALL_DEFAULT_TENANT,
    deliveries: deps.deliveries,
    receivers: receiverGuardFrom(config),
    transcription: deps,
    // Unlike local mode there is no dev-key fallback: without keys in the secret, the webhook answers 503.
    livekit: signers.length > 0 ? { verifier: new LivekitWebhookVerifier(signers) } : null,
    audit: deps.audit,
    ...(deps.links === undefined ? {} : { links: deps.links }),
  };
}
