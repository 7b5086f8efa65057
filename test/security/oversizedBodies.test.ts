import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMITS } from '../../lib/app/http/bodyLimits.js';
import { callbackUrl } from '../../lib/domain/transcriptionCallback/callbackSignature.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { sendOversized } from '../support/oversizedRequest.js';

const MB = 1024 * 1024;
const CALLBACK_SECRET = 'callback-secret-for-body-limit-tests';
const MEETING = 'mtg_0123456789abcdef01234567';

/** Every route that reads a body, with what it accepts. */
const ROUTES = [
  { method: 'POST', path: '/webhooks/livekit', limit: BODY_LIMITS.livekitWebhook },
  { method: 'POST', path: 'callback', limit: BODY_LIMITS.deepgramCallback },
  { method: 'POST', path: `/api/meetings/${MEETING}/reprocess`, limit: BODY_LIMITS.api },
  { method: 'PUT', path: `/api/meetings/${MEETING}/speakers`, limit: BODY_LIMITS.api },
  { method: 'POST', path: '/api/subscriptions', limit: BODY_LIMITS.api },
  { method: 'POST', path: '/api/deliveries/some-delivery/replay', limit: BODY_LIMITS.api },
  { method: 'POST', path: '/api/live/tickets', limit: BODY_LIMITS.api },
] as const;

describe('request bodies over a route’s limit', () => {
  let fixture: StackFixture;
  let base: string;
  let adminKey: string;
  // A URL this deployment signed, as Deepgram would post to: the limit applies after the signature.
  const urlOf = (path: string) => (path === 'callback' ? callbackUrl(base, CALLBACK_SECRET, { tenant: 'demo', meeting: MEETING, run: MEETING }) : `${base}${path}`);

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      watchBucket: false,
      env: { AFTERCALL_PUBLIC_URL: 'http://127.0.0.1:9/', AFTERCALL_CALLBACK_SECRET: CALLBACK_SECRET },
    });
    base = fixture.stack.httpUrl ?? '';
    adminKey = await fixture.apiKey();
  });
  afterAll(() => fixture.close());

  it('answers 413 with a JSON error on every route, for a chunked body just over its limit', async () => {
    for (const route of ROUTES) {
      const response = await sendOversized(urlOf(route.path), { method: route.method, bytes: route.limit + 64 * 1024, headers: { Authorization: `Bearer ${adminKey}` } });
      expect({ route: route.path, status: response.status }).toEqual({ route: route.path, status: 413 });
      expect(JSON.parse(response.body)).toEqual({ error: { status: 413, message: expect.stringMatching(/^request body too large: this route accepts at most \d+ (KB|MB)$/) } });
    }
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    // The 600 MB post answered 500 after buffering; here nothing past the headers is needed.
    for (const route of ROUTES) {
      const response = await sendOversized(urlOf(route.path), { method: route.method, bytes: 64 * 1024, declaredLength: 600 * MB });
      expect({ route: route.path, status: response.status }).toEqual({ route: route.path, status: 413 });
    }
  });

  it('does not buffer six concurrent 200 MB uploads to the LiveKit webhook, nor one to the Deepgram callback', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const uploads = [
        ...Array.from({ length: 6 }, () => sendOversized(urlOf('/webhooks/livekit'), { bytes: 200 * MB })),
        sendOversized(urlOf('callback'), { bytes: 200 * MB }),
      ];
      const responses = await Promise.all(uploads);
      expect(responses.map((r) => r.status)).toEqual([413, 413, 413, 413, 413, 413, 413]);
      // The server stopped reading: no client got anywhere near its 200 MB through.
      for (const response of responses) expect(response.bytesSent).toBeLessThan(100 * MB);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    // Loose: the callback may hold up to its 32 MB limit; 6 × 200 MB buffered would be 1.2 GB.
    expect((peak - before) / MB).toBeLessThan(150);
  });

  it('still takes a body within the limit', async () => {
    const response = await fetch(`${base}/api/meetings/${MEETING}/reprocess`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: 'transcribe' }),
    });
    expect(response.status).toBe(404);
  });
});
