import { createHash } from 'node:crypto';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../lib/app/http/createHttpApp.js';
import { LivekitWebhookVerifier } from '../../lib/adapters/livekit/LivekitWebhookVerifier.js';
import type { ControlPlane } from '../../lib/app/ControlPlane.js';
import { BODY_LIMITS } from '../../lib/app/http/bodyLimits.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import type { WorkflowRunner } from '../../lib/domain/ports/WorkflowRunner.js';
import { callbackUrl } from '../../lib/domain/transcriptionCallback/callbackSignature.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { memoryBlobs } from '../support/memoryBlobStore.js';

const KEY = 'lk-raw-bytes-key';
const SECRET = 'lk-raw-bytes-secret-long-enough';
const CALLBACK_SECRET = 'callback-secret-for-raw-byte-tests';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const REPLACEMENT_CHARACTER = Buffer.from('\uFFFD', 'utf8');

/** An egress_ended webhook signed as LiveKit signs it: a JWT whose sha256 claim is the hash of the body's UTF-8 bytes. */
async function signedEgressEnded(bucket: string, key: string, roomName: string): Promise<{ body: Buffer; authorization: string }> {
  const body = Buffer.from(
    JSON.stringify({
      event: 'egress_ended',
      id: `EV_${createHash('sha256').update(key).digest('hex').slice(0, 12)}`,
      egressInfo: { egressId: 'EG_rawbytes', roomName, status: 'EGRESS_COMPLETE', fileResults: [{ filename: key, location: `s3://${bucket}/${key}` }] },
    }),
    'utf8',
  );
  const token = new AccessToken(KEY, SECRET);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await token.toJwt() };
}

/** The body with one invalid byte in place of U+FFFD: text decoding reads both as the same string. */
function withInvalidByteForReplacementCharacter(body: Buffer): Buffer {
  const at = body.indexOf(REPLACEMENT_CHARACTER);
  if (at < 0) throw new Error('the body has no U+FFFD to swap');
  return Buffer.concat([body.subarray(0, at), Buffer.from([0xff]), body.subarray(at + REPLACEMENT_CHARACTER.length)]);
}

describe('webhook signatures are checked over the raw bytes (through HTTP)', () => {
  let fixture: StackFixture;
  let base: string;
  let bucket: string;
  const postWebhook = (body: Uint8Array, authorization: string) =>
    fetch(`${base}/webhooks/livekit`, { method: 'POST', headers: { 'Content-Type': 'application/webhook+json', Authorization: authorization }, body });
  const started = async (key: string) => (await fixture.stack.runner.executionsOf(deriveMeetingId(fixture.tenantId, key))).length > 0;

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      watchBucket: false,
      env: { LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET, AFTERCALL_PUBLIC_URL: 'http://127.0.0.1:9/', AFTERCALL_CALLBACK_SECRET: CALLBACK_SECRET },
    });
    base = fixture.stack.httpUrl ?? '';
    bucket = fixture.stack.config.AFTERCALL_BUCKET;
  });
  afterAll(() => fixture.close());

  it('refuses a signed LiveKit webhook with a UTF-8 BOM prepended, and starts nothing', async () => {
    const genuine = await signedEgressEnded(bucket, 'rooms/bom.ogg', 'weekly');
    const response = await postWebhook(Buffer.concat([BOM, genuine.body]), genuine.authorization);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { status: 401, message: 'webhook body does not match its signature (sha256 claim)' } });
    expect(await started('rooms/bom.ogg')).toBe(false);
  });

  it('refuses a signed LiveKit webhook with one invalid byte swapped in, and starts nothing', async () => {
    const genuine = await signedEgressEnded(bucket, 'rooms/swapped.ogg', 'weekly \uFFFD sync');
    const response = await postWebhook(withInvalidByteForReplacementCharacter(genuine.body), genuine.authorization);
    expect(response.status).toBe(401);
    expect(await started('rooms/swapped.ogg')).toBe(false);
  });

  it('accepts the same webhook byte for byte as signed', async () => {
    const genuine = await signedEgressEnded(bucket, 'rooms/genuine.ogg', 'weekly \uFFFD sync');
    const response = await postWebhook(genuine.body, genuine.authorization);
    expect(response.status).toBe(202);
    expect(await started('rooms/genuine.ogg')).toBe(true);
  });

  it('refuses a Deepgram callback with a bad signature before parsing its body (401, not 400)', async () => {
    const params = { tenant: fixture.tenantId, meeting: 'mtg_0123456789abcdef01234567', run: 'mtg_0123456789abcdef01234567' };
    const signed = new URL(callbackUrl(base, CALLBACK_SECRET, params));
    const forged = new URL(signed);
    forged.searchParams.set('sig', 'f'.repeat(64));
    const notJson = '{"results": ';
    const post = (url: URL) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: notJson });

    const refused = await post(forged);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { status: 401, message: 'callback URL is not one this deployment signed' } });
    // With the signature this deployment made, the same body gets as far as parsing.
    const parsed = await post(signed);
    expect(parsed.status).toBe(400);
    expect(await parsed.json()).toEqual({ error: { status: 400, message: 'callback body is not valid JSON' } });
  });
});

describe('webhook signatures and limits on AWS (API Gateway → the API Lambda’s app)', () => {
  const BUCKET = 'aftercall-recordings';
  const runs: string[] = [];
  const workflow: WorkflowRunner = {
    start: async (run) => {
      runs.push(run.input.meeting.recordingKey);
      return { executionName: run.name, alreadyStarted: false };
    },
    isRunning: async () => false,
  };
  // The fields the webhook route touches; the rest of the plane is exercised by the local tests above.
  const plane = {
    blobs: memoryBlobs(),
    workflow,
    clock: () => new Date('2026-11-29T10:00:00Z'),
    bucket: BUCKET,
    defaultTenant: 'demo',
    deliveries: null,
    livekit: { verifier: new LivekitWebhookVerifier([{ tenantId: 'demo', apiKey: KEY, apiSecret: SECRET }]) },
  } as unknown as ControlPlane;
  const lambda = handle(createHttpApp(plane, { log: () => {} }));

  /** An HTTP API (payload 2.0) event; API Gateway base64-encodes bodies it does not take for text. */
  const eventOf = (body: Buffer, authorization: string): LambdaEvent => ({
    version: '2.0',
    routeKey: '$default',
    rawPath: '/webhooks/livekit',
    rawQueryString: '',
    headers: { 'content-type': 'application/webhook+json', 'content-length': String(body.length), authorization, host: 'api.example.com' },
    body: body.toString('base64'),
    isBase64Encoded: true,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      authentication: null,
      authorizer: {},
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method: 'POST', path: '/webhooks/livekit', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Go-http-client/2.0' },
      requestId: 'req',
      routeKey: '$default',
      stage: '$default',
      time: '29/Nov/2026:10:00:00 +0000',
      timeEpoch: 1795946400000,
    },
  });

  it('refuses the BOM-prepended and the byte-swapped webhook, and takes the genuine bytes', async () => {
    const bom = await signedEgressEnded(BUCKET, 'rooms/aws-bom.ogg', 'weekly');
    expect((await lambda(eventOf(Buffer.concat([BOM, bom.body]), bom.authorization))).statusCode).toBe(401);
    const swapped = await signedEgressEnded(BUCKET, 'rooms/aws-swapped.ogg', 'weekly \uFFFD sync');
    expect((await lambda(eventOf(withInvalidByteForReplacementCharacter(swapped.body), swapped.authorization))).statusCode).toBe(401);
    expect(runs).toEqual([]);
    expect((await lambda(eventOf(swapped.body, swapped.authorization))).statusCode).toBe(202);
    expect(runs).toEqual(['rooms/aws-swapped.ogg']);
  });

  it('answers 413 for a webhook body over the limit', async () => {
    const response = await lambda(eventOf(Buffer.alloc(BODY_LIMITS.livekitWebhook + 1, 0x20), 'not-even-a-jwt'));
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ error: { status: 413, message: 'request body too large: this route accepts at most 64 KB' } });
  });
});
