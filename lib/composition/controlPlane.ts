import { LivekitWebhookVerifier } from '../adapters/livekit/LivekitWebhookVerifier.js';
import { tracedWorkflowRunner } from '../adapters/otel/tracedWorkflowRunner.js';
import type { ControlPlane } from '../app/ControlPlane.js';
import type { Config } from '../config/config.js';
import type { DeliveryQueue } from '../domain/crm/ports.js';
import type { HostResolver } from '../domain/crm/receiverPolicy.js';
import type { WorkflowRunner } from '../domain/ports/WorkflowRunner.js';
import { livekitSigners } from './livekitSigners.js';
import { receiverGuardFrom } from './receiverGuard.js';
import type { BuiltStepDeps } from './stepDeps.js';

/**
 * The control plane (webhook intake and the HTTP API) over the steps' ports, the same on both
 * planes; each root brings its workflow runner and its CRM delivery queue.
 */
export function assembleControlPlane(
  config: Config,
  deps: BuiltStepDeps,
  parts: {
    workflow: WorkflowRunner;
    deliveries: DeliveryQueue | null;
    /** Locally, LiveKit's dev key pair is accepted when no pair is configured; never on AWS. */
    livekitDevKeys: boolean;
    /** How CRM receivers' host names are resolved (default getaddrinfo; tests pass their own). */
    resolveHost?: HostResolver;
  },
): ControlPlane {
  const signers = livekitSigners(config, { devDefault: parts.livekitDevKeys });
  return {
    blobs: deps.blobs,
    // With tracing on, each run starts in the span that roots its trace (its input carries the traceparent).
    workflow: deps.telemetry === null ? parts.workflow : tracedWorkflowRunner(parts.workflow, deps.telemetry),
    embedder: deps.embedder,
    vectorIndex: deps.vectorIndex,
    answerer: deps.answerer,
    clock: deps.clock,
    recordingWaitMs: config.AFTERCALL_RECORDING_WAIT_SECONDS * 1_000,
    bucket: config.AFTERCALL_BUCKET,
    defaultTenant: config.AFTERCALL_DEFAULT_TENANT,
    deliveries: parts.deliveries,
    receivers: receiverGuardFrom(config, parts.resolveHost),
    transcription: deps,
    // Without a key pair (on AWS: none in the secret) the LiveKit webhook answers 503.
    livekit: signers.length > 0 ? { verifier: new LivekitWebhookVerifier(signers) } : null,
    audit: deps.audit,
    ...(deps.links === undefined ? {} : { links: deps.links }),
  };
}
