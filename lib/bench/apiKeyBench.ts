import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createS3Client } from '../adapters/s3/createS3Client.js';
import { startEmbeddedS3Server } from '../adapters/s3/embeddedS3Server.js';
import { S3BlobStore } from '../adapters/s3/S3BlobStore.js';
import type { ApiEnv } from '../app/http/authContext.js';
import { errorResponse } from '../app/http/errorResponse.js';
import { requireApiKey } from '../app/http/requireApiKey.js';
import { createApiKey } from '../domain/auth/apiKeys.js';
import { percentile } from './percentile.js';

export interface Timing {
  p50Ms: number;
  p95Ms: number;
}

export interface ApiKeyBench {
  requests: number;
  /** A key id that does not exist, any secret: 401. */
  unknownId: Timing;
  /** The id of a key in use (in the server's cache), a guessed secret: 401. */
  knownIdWrongSecret: Timing;
  /** The whole key: 200, from the cache. */
  validKey: Timing;
}

/**
 * The API key check over HTTP, against the embedded S3 store: what a guess with an unknown key
 * id and one with a known id cost. They should cost the same (no timing oracle).
 */
export async function benchApiKeyCheck(dataDir: string, requests = 300): Promise<ApiKeyBench> {
  const s3 = await startEmbeddedS3Server({ directory: join(dataDir, 'api-key-bench-s3'), buckets: ['api-key-bench'] });
  const client = createS3Client({ region: 'us-east-1', endpoint: s3.endpoint, credentials: s3.credentials });
  const blobs = new S3BlobStore(client, 'api-key-bench');
  const app = new Hono<ApiEnv>();
  app.use('*', requireApiKey(blobs));
  app.get('/whoami', (c) => c.json({ keyId: c.get('auth').keyId }));
  app.onError((error, c) => errorResponse(error, c, () => undefined));
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/whoami`;
  try {
    const { key } = await createApiKey(blobs, { tenantId: 'bench', role: 'member', name: 'bench' });
    const knownId = key.split('_')[1] ?? '';
    const guess = () => randomBytes(32).toString('base64url');
    const kinds = {
      unknownId: () => `ak_${randomBytes(6).toString('hex')}_${guess()}`,
      knownIdWrongSecret: () => `ak_${knownId}_${guess()}`,
      validKey: () => key,
    };
    const timings: Record<keyof typeof kinds, number[]> = { unknownId: [], knownIdWrongSecret: [], validKey: [] };
    const call = async (bearer: string) => {
      const t = performance.now();
      const response = await fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });
      await response.arrayBuffer();
      return performance.now() - t;
    };
    // Warm up (connections, the key in the server's cache), then interleave the kinds so drift hits all alike.
    for (const make of Object.values(kinds)) for (let i = 0; i < 20; i += 1) await call(make());
    for (let i = 0; i < requests; i += 1) {
      for (const [kind, make] of Object.entries(kinds) as [keyof typeof kinds, () => string][]) timings[kind].push(await call(make()));
    }
    const summary = (values: number[]): Timing => {
      const sorted = [...values].sort((a, b) => a - b);
      return { p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
    };
    return { requests, unknownId: summary(timings.unknownId), knownIdWrongSecret: summary(timings.knownIdWrongSecret), validKey: summary(timings.validKey) };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    client.destroy();
    await s3.close();
  }
}
