import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { SpeechActivityTranscriber } from '../../lib/adapters/offline/SpeechActivityTranscriber.js';
import { CaptionRelay } from '../../lib/app/live/CaptionRelay.js';
import { startRelayServer, type RelayServer } from '../../lib/app/live/startRelayServer.js';
import { streamRecordingToRelay } from '../../lib/app/live/streamRecordingToRelay.js';
import { createApiKey } from '../../lib/domain/auth/apiKeys.js';
import { memoryBlobs } from '../support/memoryBlobStore.js';
import { bearer, captionsUrl, connectLive, ingestUrl } from './support/liveClients.js';

// Short, but with room for a pong to come back on a busy machine before the next ping checks for it.
const PING_MS = 200;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function relayWithKey(pingIntervalMs: number): Promise<{ server: RelayServer; key: string }> {
  const blobs = memoryBlobs();
  const { key } = await createApiKey(blobs, { tenantId: 'acme', role: 'member', name: 'ping test' });
  const relay = new CaptionRelay({ blobs, transcriber: new SpeechActivityTranscriber(), translator: null, defaultTenant: 'demo', log: () => undefined });
  const server = await startRelayServer(relay, { host: '127.0.0.1', port: 0, pingIntervalMs });
  cleanups.push(() => server.close());
  return { server, key };
}

const countPings = (ws: WebSocket): { count: () => number } => {
  let pings = 0;
  ws.on('ping', () => (pings += 1));
  return { count: () => pings };
};

describe('the caption relay keeps quiet sockets alive (CloudFront and the load balancer drop idle connections)', () => {
  it('pings a caption subscriber and an ingest client at the configured interval while nothing else is sent', async () => {
    const { server, key } = await relayWithKey(PING_MS);
    const subscriber = connectLive(captionsUrl(server.url, { room: 'quiet' }), bearer(key));
    const ingest = connectLive(ingestUrl(server.url, { room: 'quiet', participant: 'ann' }), bearer(key));
    const pings = [countPings(subscriber.ws), countPings(ingest.ws)];
    await Promise.all([subscriber.opened, ingest.opened]);

    const started = Date.now();
    await expect.poll(() => Math.min(...pings.map((p) => p.count())), { timeout: 5_000, interval: 20 }).toBeGreaterThanOrEqual(3);
    // Three pings at 200 ms come after about 600 ms: the interval configured, not the 30 s default.
    expect(Date.now() - started).toBeLessThan(4_000);
    // The ws client answers each ping, so the relay keeps both sockets open.
    expect(subscriber.ws.readyState).toBe(WebSocket.OPEN);
    expect(ingest.ws.readyState).toBe(WebSocket.OPEN);
    subscriber.ws.close();
    ingest.ws.close();
  });

  it('closes a socket whose peer stopped answering pings (a vanished client frees its slot)', async () => {
    const { server, key } = await relayWithKey(PING_MS);
    // autoPong off: this client hears pings but never answers, as a peer that went away would.
    const ws = new WebSocket(captionsUrl(server.url, { room: 'gone' }), { headers: bearer(key), autoPong: false });
    const pings = countPings(ws);
    await once(ws, 'open');
    const [code] = (await once(ws, 'close')) as [number];
    expect(pings.count()).toBeGreaterThanOrEqual(1);
    // Terminated, not closed with a reason: the peer is presumed gone.
    expect(code).toBe(1006);
  });

  it('waits the configured interval before pinging (a 30 s relay sends none in 800 ms)', async () => {
    const { server, key } = await relayWithKey(30_000);
    const subscriber = connectLive(captionsUrl(server.url, { room: 'default' }), bearer(key));
    const pings = countPings(subscriber.ws);
    await subscriber.opened;
    await new Promise((resolve) => setTimeout(resolve, 4 * PING_MS));
    expect(pings.count()).toBe(0);
    subscriber.ws.close();
  });
});

describe('aftercall live (the CLI client) pings the relay too', () => {
  it('pings on both its ingest and its captions socket at the configured interval', async () => {
    // A stand-in relay that only counts pings per route and ends the ingest stream when asked.
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(wss, 'listening');
    cleanups.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    const pingsByPath = new Map<string, number>();
    wss.on('connection', (ws, req) => {
      const path = new URL(req.url ?? '/', 'http://relay').pathname;
      ws.on('ping', () => pingsByPath.set(path, (pingsByPath.get(path) ?? 0) + 1));
      ws.on('message', (data, isBinary) => {
        if (!isBinary && JSON.parse(data.toString()).type === 'end') ws.close(1000, 'stream ended');
      });
    });
    const url = `http://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    // 1.5 s of silence at real-time pace: long enough for several 200 ms pings.
    const wav = { sampleRate: 16_000, pcm: new Uint8Array(16_000 * 2 * 1.5) };

    const closed = await streamRecordingToRelay(wav, { url, apiKey: 'ak_test', room: 'standup', participant: 'cli', speed: 1, onEvent: () => undefined, pingIntervalMs: PING_MS });

    expect(closed.code).toBe(1000);
    expect(pingsByPath.get('/live/ingest') ?? 0).toBeGreaterThanOrEqual(4);
    expect(pingsByPath.get('/live/captions') ?? 0).toBeGreaterThanOrEqual(4);
  });
});
