import WebSocket from 'ws';
import type { LiveEvent } from '../../domain/live/captionEvents.js';
import type { PcmWav } from '../../domain/live/pcmWav.js';

export interface StreamToRelayOptions {
  /** The app's or relay's base URL, e.g. http://127.0.0.1:3000. */
  url: string;
  apiKey: string;
  room: string;
  participant: string;
  /** 1 = real time; 2 = twice as fast. */
  speed: number;
  onEvent(event: LiveEvent): void;
  /** How often both sockets ping the relay (default 30 s): the captions socket sends nothing else. */
  pingIntervalMs?: number;
}

const CHUNK_MS = 100;
const PING_INTERVAL_MS = 30_000;

/** Pings the peer every interval while the socket is open, so proxies between never see it idle. */
export function keepAlive(ws: WebSocket, intervalMs: number): void {
  const timer = setInterval(() => {
    if (ws.readyState === ws.OPEN) ws.ping();
  }, intervalMs);
  timer.unref();
  ws.once('close', () => clearInterval(timer));
}

/**
 * Plays a recording into the relay as a participant would: 100 ms chunks at the recording's
 * own pace, while listening to the room's captions. The API key goes in the Authorization
 * header of both sockets, never in a URL. Resolves when the relay has ended the stream.
 */
export async function streamRecordingToRelay(wav: PcmWav, options: StreamToRelayOptions): Promise<{ code: number; reason: string }> {
  const base = options.url.replace(/^http/, 'ws').replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${options.apiKey}` };
  const room = encodeURIComponent(options.room);
  const captions = new WebSocket(`${base}/live/captions?room=${room}`, { headers });
  keepAlive(captions, options.pingIntervalMs ?? PING_INTERVAL_MS);
  captions.on('message', (data) => options.onEvent(JSON.parse(data.toString()) as LiveEvent));
  await opened(captions);
  const ingest = new WebSocket(`${base}/live/ingest?${new URLSearchParams({ room: options.room, participant: options.participant, sampleRate: String(wav.sampleRate) }).toString()}`, { headers });
  keepAlive(ingest, options.pingIntervalMs ?? PING_INTERVAL_MS);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ingest.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ingest.on('message', (data) => process.stderr.write(`relay: ${data.toString()}\n`));
  await opened(ingest);
  const chunkBytes = (wav.sampleRate * 2 * CHUNK_MS) / 1000;
  const started = Date.now();
  for (let at = 0, n = 0; at < wav.pcm.length && ingest.readyState === ingest.OPEN; at += chunkBytes, n += 1) {
    ingest.send(wav.pcm.subarray(at, at + chunkBytes));
    // Paced by the clock, not by sleeping a fixed time, so timer drift does not add up.
    const due = started + ((n + 1) * CHUNK_MS) / options.speed;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  }
  if (ingest.readyState === ingest.OPEN) ingest.send(JSON.stringify({ type: 'end' }));
  const result = await closed;
  await new Promise((resolve) => setTimeout(resolve, 200)); // the last captions are on their way
  captions.close();
  return result;
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the relay refused the connection (HTTP ${res.statusCode ?? 0}): check the API key and URL`)));
    ws.once('error', reject);
  });
}
