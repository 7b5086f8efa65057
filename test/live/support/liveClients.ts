import WebSocket from 'ws';
import type { LiveEvent } from '../../../lib/domain/live/captionEvents.js';

export interface Closed {
  code: number;
  reason: string;
}

export interface LiveClient {
  ws: WebSocket;
  /** Every JSON message received: caption events for a subscriber, error messages for an ingest client. */
  messages: unknown[];
  opened: Promise<void>;
  closed: Promise<Closed>;
}

/** A WebSocket to the relay that records what it hears and how it ends. An HTTP refusal closes with the status as code. */
export function connectLive(url: string, headers: Record<string, string> = {}): LiveClient {
  const ws = new WebSocket(url, { headers });
  const messages: unknown[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode ?? 0}`)));
    ws.once('error', reject);
  });
  const closed = new Promise<Closed>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.once('unexpected-response', (_req, res) => resolve({ code: res.statusCode ?? 0, reason: 'http' }));
  });
  opened.catch(() => undefined);
  return { ws, messages, opened, closed };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export function ingestUrl(base: string, params: Record<string, string>): string {
  return `${base.replace(/^http/, 'ws')}/live/ingest?${new URLSearchParams({ sampleRate: '16000', ...params }).toString()}`;
}

export function captionsUrl(base: string, params: Record<string, string>): string {
  return `${base.replace(/^http/, 'ws')}/live/captions?${new URLSearchParams(params).toString()}`;
}

/** Sends the chunks, `paceMs` apart (0: as fast as the socket takes them), then asks the relay to end the stream. */
export async function streamChunks(ws: WebSocket, chunks: readonly Uint8Array[], options: { paceMs?: number; end?: boolean } = {}): Promise<void> {
  for (const chunk of chunks) {
    if (ws.readyState !== ws.OPEN) return;
    await new Promise<void>((resolve) => ws.send(chunk, () => resolve()));
    if ((options.paceMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, options.paceMs));
  }
  if (options.end !== false && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'end' }));
}

export const events = (client: LiveClient): LiveEvent[] => client.messages as LiveEvent[];
export const finals = (client: LiveClient, participant?: string) =>
  events(client).filter((event) => event.type === 'caption' && event.kind === 'final' && (participant === undefined || event.participant === participant));

/** Reads an SSE response body into events until `until` is satisfied or the stream ends. */
export async function readSse(response: Response, until: (events: LiveEvent[]) => boolean): Promise<LiveEvent[]> {
  const seen: LiveEvent[] = [];
  const reader = response.body?.getReader();
  if (reader === undefined) return seen;
  const decoder = new TextDecoder();
  let buffer = '';
  while (!until(seen)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (data !== undefined) seen.push(JSON.parse(data.slice(6)) as LiveEvent);
    }
  }
  await reader.cancel();
  return seen;
}
