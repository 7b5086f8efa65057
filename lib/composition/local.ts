import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { FileDeliveryQueue } from '../adapters/crm/FileDeliveryQueue.js';
import { pinnedWebhookSender } from '../adapters/crm/pinnedWebhookSender.js';
import { standardWebhookSigner } from '../adapters/crm/standardWebhookSigner.js';
import type { Telemetry } from '../adapters/otel/Telemetry.js';
import { startEmbeddedS3Server, type EmbeddedS3Server } from '../adapters/s3/embeddedS3Server.js';
import { LocalTaskTokens } from '../adapters/stepfunctions/LocalTaskTokens.js';
import { LocalWorkflowRunner, type LocalWorkflowRunnerOptions } from '../adapters/stepfunctions/LocalWorkflowRunner.js';
import { webBaseUrl, type Config } from '../config/config.js';
import { meetingLinks } from '../domain/meetings/links.js';
import { migrateApiKeyRecords } from '../domain/auth/migrateApiKeyRecords.js';
import type { HostResolver } from '../domain/crm/receiverPolicy.js';
import { deliverDue } from '../domain/crm/deliverDue.js';
import { startDeliveryWorker, type DeliveryWorker } from '../domain/crm/deliveryWorker.js';
import type { StepDeps } from '../domain/workflow/StepDeps.js';
import { transcriptionResultKeysFromS3Notification } from '../domain/intake/s3Notification.js';
import { startFromS3Notification } from '../domain/intake/startFromS3Notification.js';
import type { StartedMeeting } from '../domain/intake/startMeeting.js';
import { completeTranscriptionResult } from '../domain/transcriptionCallback/completeTranscriptionResult.js';
import { localFunctionArn, readPostCallDefinitionText, withFunctionArns } from '../stateMachine/postCallDefinition.js';
import { Hono } from 'hono';
import { stepHandlersByTaskState } from '../app/steps/taskStates.js';
import { buildStepDeps, type BuiltStepDeps } from './stepDeps.js';
import type { ControlPlane } from '../app/ControlPlane.js';
import { createHttpApp } from '../app/http/createHttpApp.js';
import { meetingLinkRoutes } from '../app/http/meetingLinkRoutes.js';
import { webUiRoutes } from '../app/http/webUiRoutes.js';
import { openPrivateDataDir } from '../app/privateDataDir.js';
import { attachLiveSockets } from '../app/live/attachLiveSockets.js';
import { CaptionRelay } from '../app/live/CaptionRelay.js';
import { assembleControlPlane } from './controlPlane.js';
import { chooseLiveTranscriber } from './providers.js';
import { sweepRetention } from '../domain/retention/sweepRetention.js';
import { startRetentionTimer, type RetentionTimer } from '../app/retentionTimer.js';

const DELIVERY_POLL_MS = 1_000;

export interface LocalStack {
  config: Config;
  dataDir: string;
  deps: BuiltStepDeps;
  plane: ControlPlane;
  runner: LocalWorkflowRunner;
  s3: EmbeddedS3Server;
  /** Set when started with http: the base URL of webhooks and API. */
  httpUrl: string | null;
  /** CRM webhooks: the queue under `<data>/deliveries` and the worker that sends from it. */
  deliveries: FileDeliveryQueue;
  deliveryWorker: DeliveryWorker;
  /** The retention sweep on a timer (AFTERCALL_SWEEP_INTERVAL_SECONDS); `runOnce()` sweeps now. */
  retention: RetentionTimer;
  /** The live caption relay, on the HTTP server's port; null without http. */
  live: CaptionRelay | null;
  /** Runs a crashed process left unfinished, started again at start-up. */
  recovered: string[];
  /** Meetings started by S3 events, as they start (for the CLI's progress and tests). */
  onMeetingStarted(listener: (meeting: StartedMeeting) => void): void;
  close(): Promise<void>;
}

export interface LocalStackOptions {
  http?: boolean;
  /** Overrides config.AFTERCALL_PORT; 0 picks a free port. */
  port?: number;
  retryIntervalOverrides?: LocalWorkflowRunnerOptions['retryIntervalOverrides'];
  onWorkflowEvent?: LocalWorkflowRunnerOptions['onEvent'];
  log?: (message: string, error: unknown) => void;
  /** Start a run when a recording lands in the bucket (default true); the bench starts runs itself. Provider results PUT into the bucket complete their transcription either way. */
  watchBucket?: boolean;
  /** Replaces ports of the composition root: how tests inject a failing provider or store. */
  depsOverrides?: (deps: BuiltStepDeps) => Partial<StepDeps>;
  /** How CRM receivers' host names are resolved, at subscription and at delivery (default getaddrinfo). */
  resolveHost?: HostResolver;
  /** A telemetry the caller started and shuts down (tests: in-memory exporters); unset, configuration decides. */
  telemetry?: Telemetry | null;
}

/**
 * The local plane's composition root. The whole stack on one machine, with no cloud account and no keys: an S3-compatible server
 * on loopback, the post-call ASL run by aws-local-stepfunctions over the Lambda handlers,
 * LanceDB on disk, and the HTTP server. Everything lives in one data folder.
 */
export async function startLocalStack(config: Config, options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(config.AFTERCALL_DATA_DIR);
  const { s3Credentials } = await openPrivateDataDir(dataDir);
  const s3 = await startEmbeddedS3Server({ directory: join(dataDir, 's3'), buckets: [config.AFTERCALL_BUCKET], credentials: s3Credentials });
  const taskTokens = new LocalTaskTokens();
  const built = await buildStepDeps(config, {
    embeddedS3: { endpoint: s3.endpoint, credentials: s3.credentials },
    taskTokens,
    ...(options.telemetry === undefined ? {} : { telemetry: options.telemetry }),
  });
  const deliveries = await FileDeliveryQueue.open(join(dataDir, 'deliveries'));
  let httpUrl: string | null = null;
  // Links name the configured public URL, else this server's own address, known once it listens.
  const configuredWebUrl = webBaseUrl(config);
  const links = meetingLinks(() => configuredWebUrl ?? httpUrl);
  const deps: BuiltStepDeps = { ...built, deliveries, links, ...options.depsOverrides?.(built) };
  // Before anything can check a key: records of the first layout move to their id-and-hash names.
  await migrateApiKeyRecords(deps.blobs);
  const definitionText = readPostCallDefinitionText();
  const runner = new LocalWorkflowRunner({
    definition: withFunctionArns(definitionText, localFunctionArn),
    handlers: stepHandlersByTaskState(definitionText, async () => deps),
    executionsDir: join(dataDir, 'executions'),
    taskTokens,
    ...(options.retryIntervalOverrides === undefined ? {} : { retryIntervalOverrides: options.retryIntervalOverrides }),
    ...(options.onWorkflowEvent === undefined ? {} : { onEvent: options.onWorkflowEvent }),
    leaseMs: config.AFTERCALL_RUN_LEASE_SECONDS * 1_000,
  });
  const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
  const recovered = await runner.recoverInterrupted();
  runner.watchInterrupted(
    (names) => log(`started again ${names.length} run(s) a stopped runner left unfinished`, names),
    (error) => log('could not renew run leases or take over interrupted runs', error),
  );
  const plane: ControlPlane = {
    ...assembleControlPlane(config, deps, { workflow: runner, deliveries, livekitDevKeys: true, ...(options.resolveHost === undefined ? {} : { resolveHost: options.resolveHost }) }),
    links,
  };
  // One sender for the stack's life: its connection pools outlive a pass.
  const send = pinnedWebhookSender(plane.receivers);
  const deliveryWorker = startDeliveryWorker({
    deliver: () => deliverDue({ queue: deliveries, blobs: deps.blobs, sign: standardWebhookSigner, send, clock: deps.clock }),
    pollMs: DELIVERY_POLL_MS,
    log,
  });

  const retention = startRetentionTimer({
    sweep: () => sweepRetention({ blobs: deps.blobs, vectorIndex: deps.vectorIndex, workflow: runner, deliveries, clock: deps.clock, audit: deps.audit }),
    intervalMs: config.AFTERCALL_SWEEP_INTERVAL_SECONDS * 1_000,
    log,
  });

  // A recording dropped into the bucket starts the workflow, as an S3 notification does on AWS.
  const startedListeners: ((meeting: StartedMeeting) => void)[] = [];
  const pending = new Set<Promise<void>>();
  s3.onEvent((notification) => {
    const work = (async () => {
      // A provider's result PUT beside a recording completes its transcription, as the S3-event function does on AWS.
      for (const key of transcriptionResultKeysFromS3Notification(notification, { bucket: config.AFTERCALL_BUCKET })) {
        await completeTranscriptionResult(deps, key).catch((error: unknown) => log(`did not complete a transcription from ${key}`, error));
      }
      if (options.watchBucket === false) return;
      const started = await startFromS3Notification(plane, notification, { bucket: config.AFTERCALL_BUCKET, defaultTenant: config.AFTERCALL_DEFAULT_TENANT });
      for (const meeting of started) for (const listener of startedListeners) listener(meeting);
    })().catch((error: unknown) => log('could not start the workflow for an S3 event', error));
    pending.add(work);
    void work.finally(() => pending.delete(work));
  });

  let server: ServerType | null = null;
  let live: CaptionRelay | null = null;
  let liveSockets: { close(): void } | null = null;
  if (options.http === true) {
    live = new CaptionRelay({ blobs: deps.blobs, translator: deps.translator, log, transcriber: chooseLiveTranscriber(config), defaultTenant: config.AFTERCALL_DEFAULT_TENANT });
    // The web UI's static files and old meeting links: served here, on AWS by CloudFront.
    const webUi = new Hono().route('/', meetingLinkRoutes()).route('/', webUiRoutes());
    const app = createHttpApp(plane, { log, live, webUi, audioUrlSecret: config.AFTERCALL_AUDIO_URL_SECRET });
    const port = options.port ?? config.AFTERCALL_PORT;
    server = await new Promise<ServerType>((resolveServer) => {
      const started = serve({ fetch: app.fetch, hostname: config.AFTERCALL_HOST, port }, () => resolveServer(started));
    });
    httpUrl = `http://${config.AFTERCALL_HOST}:${(server.address() as AddressInfo).port}`;
    liveSockets = attachLiveSockets(server as Server, live, { pingIntervalMs: config.AFTERCALL_LIVE_PING_SECONDS * 1000 });
  }

  return {
    config,
    dataDir,
    deps,
    plane,
    runner,
    s3,
    httpUrl,
    deliveries,
    deliveryWorker,
    live,
    retention,
    recovered,
    onMeetingStarted: (listener) => startedListeners.push(listener),
    close: async () => {
      // Live streams end first: ending them saves each room's captions while the blob store is still up.
      liveSockets?.close();
      await live?.close();
      if (server !== null) await new Promise<void>((done) => server?.close(() => done()));
      await Promise.all(pending);
      await retention.stop();
      await runner.drain();
      runner.close();
      await deliveryWorker.stop();
      await deliveries.close();
      await deps.close();
      await s3.close();
    },
  };
}
