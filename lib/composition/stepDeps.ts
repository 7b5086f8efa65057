import { BlobAuditLog } from '../adapters/audit/BlobAuditLog.js';
import { createS3Client } from '../adapters/s3/createS3Client.js';
import { S3BlobStore } from '../adapters/s3/S3BlobStore.js';
import { recordingUrlSigner, resultUploadUrlSigner } from '../adapters/s3/presignRecordingUrl.js';
import type { S3Credentials } from '../adapters/s3/verifySigV4.js';
import { webBaseUrl, type Config } from '../config/config.js';
import { meetingLinks } from '../domain/meetings/links.js';
import type { AuditLog } from '../domain/audit/AuditLog.js';
import { DEFAULT_PRICES } from '../domain/usage/priceTable.js';
import type { Answerer } from '../domain/ports/Answerer.js';
import type { TaskTokens } from '../domain/ports/TaskTokens.js';
import type { StepDeps } from '../domain/workflow/StepDeps.js';
import { startTelemetry } from '../adapters/otel/startTelemetry.js';
import type { Telemetry } from '../adapters/otel/Telemetry.js';
import { tracedProviders } from './tracedProviders.js';
import { chooseProviders } from './providers.js';

export interface BuiltStepDeps extends StepDeps {
  /** Null when tracing is off: then no port is wrapped and no OpenTelemetry SDK is loaded. */
  telemetry: Telemetry | null;
  /** Not a step's: the API's ask route uses it. */
  answerer: Answerer;
  /** The audit log in the same bucket, on the S3 store itself (its conditional PUT), whatever wraps `blobs`. */
  audit: AuditLog;
  close(): Promise<void>;
}

/**
 * The composition root: picks an adapter for every port from configuration alone. Providers
 * that need keys (Deepgram, OpenAI, Pinecone) plug in here; without keys the embedded
 * defaults answer.
 */
export async function buildStepDeps(
  config: Config,
  options: {
    embeddedS3?: { endpoint: string; credentials: S3Credentials };
    taskTokens: TaskTokens;
    /** A telemetry started by the caller (which shuts it down); unset, one is started from configuration. */
    telemetry?: Telemetry | null;
  },
): Promise<BuiltStepDeps> {
  const telemetry = options.telemetry !== undefined ? options.telemetry : await startTelemetry(config);
  const ownsTelemetry = options.telemetry === undefined;
  const s3Options = options.embeddedS3 === undefined
    ? { region: config.AWS_REGION, endpoint: config.AFTERCALL_S3_ENDPOINT }
    : { region: config.AWS_REGION, ...options.embeddedS3 };
  const s3 = createS3Client(s3Options);
  const presigning = createS3Client({ ...s3Options, forPresigning: true });
  const s3Blobs = new S3BlobStore(s3, config.AFTERCALL_BUCKET);
  // Only a real S3 gives URLs a provider can fetch; an endpoint on loopback is not reachable from outside.
  const onAws = options.embeddedS3 === undefined && config.AFTERCALL_S3_ENDPOINT === undefined;
  const providers = await chooseProviders(config, {
    getBytes: (key) => s3Blobs.getBytes(key),
    ...(onAws ? { presignedUrl: recordingUrlSigner(s3, config.AFTERCALL_BUCKET) } : {}),
  });
  const traced = telemetry === null ? { blobs: s3Blobs, ...providers } : tracedProviders({ blobs: s3Blobs, ...providers }, telemetry, config);
  return {
    ...traced,
    telemetry,
    // On the S3 store itself, not a traced wrapper: the log needs its conditional PUT.
    audit: new BlobAuditLog(s3Blobs),
    taskTokens: options.taskTokens,
    callbacks:
      config.AFTERCALL_PUBLIC_URL !== undefined && config.AFTERCALL_CALLBACK_SECRET !== undefined
        ? {
            baseUrl: config.AFTERCALL_PUBLIC_URL,
            secret: config.AFTERCALL_CALLBACK_SECRET,
            // The provider PUTs its result beside the recording: no API Gateway or Lambda body limit applies.
            resultUploadUrl: resultUploadUrlSigner(presigning, config.AFTERCALL_BUCKET),
          }
        : null,
    clock: () => new Date(),
    links: meetingLinks(webBaseUrl(config)),
    prices: config.AFTERCALL_PRICES ?? DEFAULT_PRICES,
    limits: { maxRecordingBytes: config.AFTERCALL_MAX_RECORDING_BYTES, transcriptionWaitFloorSeconds: config.AFTERCALL_TRANSCRIPTION_WAIT_FLOOR_SECONDS },
    // The local stack plugs in its file queue; on AWS, productionDeps plugs in the SQS one.
    deliveries: null,
    close: async () => {
      await providers.vectorIndex.close?.();
      s3.destroy();
      presigning.destroy();
      if (ownsTelemetry) await telemetry?.shutdown();
    },
  };
}
