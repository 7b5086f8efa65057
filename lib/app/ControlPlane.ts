import type { AuditLog } from '../domain/audit/AuditLog.js';
import type { MeetingLinks } from '../domain/meetings/links.js';
import type { LivekitWebhookVerifier } from '../adapters/livekit/LivekitWebhookVerifier.js';
import type { DeliveryQueue } from '../domain/crm/ports.js';
import type { ReceiverGuard } from '../domain/crm/receiverPolicy.js';
import type { BlobStore } from '../domain/ports/BlobStore.js';
import type { CallbackDeps } from '../domain/transcriptionCallback/completeTranscriptionCallback.js';
import type { Answerer } from '../domain/ports/Answerer.js';
import type { Embedder } from '../domain/ports/Embedder.js';
import type { VectorIndex } from '../domain/ports/VectorIndex.js';
import type { WorkflowRunner } from '../domain/ports/WorkflowRunner.js';

/** What the HTTP API and the webhook intake use: the same ports the workflow's steps use. */
export interface ControlPlane {
  blobs: BlobStore;
  workflow: WorkflowRunner;
  embedder: Embedder;
  vectorIndex: VectorIndex;
  /** Answers questions about the archive (POST /api/ask); the extractive answerer also stands in when a model fails. */
  answerer: Answerer;
  clock: () => Date;
  /** How long a webhook waits for a recording not in the store yet (see StartMeetingDeps). */
  recordingWaitMs?: number;
  bucket: string;
  defaultTenant: string;
  /** CRM webhook deliveries; null where the deployment has no queue yet. */
  deliveries: DeliveryQueue | null;
  /** Which CRM receivers a subscription may name (the delivery worker applies the same guard). */
  receivers: ReceiverGuard;
  /** What a provider's transcription callback needs. */
  transcription: CallbackDeps;
  /** Each tenant's append-only audit log: routes record who did what (see AuditLog). */
  audit: AuditLog;
  /** Absolute links to meeting pages in API responses (AFTERCALL_WEB_URL); unset, links are app-relative. */
  links?: MeetingLinks;
  /** Null when no LiveKit key is configured: the LiveKit webhook then answers 503. The verifier names the signing key's tenant. */
  livekit: { verifier: LivekitWebhookVerifier } | null;
}
