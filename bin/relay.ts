#!/usr/bin/env -S npx tsx
import { awsCaptionRelay } from '../lib/composition/aws.js';
import { startRelayServer } from '../lib/app/live/startRelayServer.js';
import { ConfigError, loadConfig } from '../lib/config/config.js';

/**
 * The caption relay on its own, for a container service (ECS Fargate behind a load balancer
 * that passes WebSocket upgrades): `GET /healthz`, `/api/live/*`, `/live/ingest`, `/live/captions`.
 * API keys and saved live captions live in the same bucket as the rest (AFTERCALL_BUCKET; an
 * S3-compatible AFTERCALL_S3_ENDPOINT locally, with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY — for
 * the embedded server, the pair in <data folder>/s3-credentials.json). Deepgram live when DEEPGRAM_API_KEY is set,
 * else the offline speech-activity stand-in. Listen on all interfaces in a container with
 * AFTERCALL_HOST=0.0.0.0.
 */
// The container image may run Node 20 like local mode; the SDK's notice about its Node 22 plans is not the operator's concern.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const config = loadConfig();
  const { relay, close } = awsCaptionRelay(config);
  const server = await startRelayServer(relay, { host: config.AFTERCALL_HOST, port: config.PORT, pingIntervalMs: config.AFTERCALL_LIVE_PING_SECONDS * 1000 });
  process.stdout.write(`caption relay on ${server.url} (transcriber ${relay.transcriberName})\n`);
  // ECS stops a task with SIGTERM: end every stream, which saves each room's captions, then exit.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void server.close().finally(() => {
        close();
        process.exit(0);
      });
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error instanceof Error ? (error.stack ?? error.message) : error)}\n`);
  process.exit(1);
});
