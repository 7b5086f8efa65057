import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { z } from 'zod';
import { LiveInputError } from '../../domain/live/errors.js';
import { pumpSubscription } from '../../domain/live/pumpSubscription.js';
import { CaptionRelay, LiveRequestError, type LiveCaller } from './CaptionRelay.js';
import { CLOSE, closeWithError } from './closeCodes.js';
import { IngestControlSchema, IngestQuerySchema, SubscribeQuerySchema } from './liveParams.js';

export const INGEST_PATH = '/live/ingest';
export const CAPTIONS_PATH = '/live/captions';
/** Audio messages are small; anything bigger is refused by ws before it is buffered. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/**
 * How often the relay pings every socket (AFTERCALL_LIVE_PING_SECONDS). A caption socket can be
 * quiet for minutes (nobody speaks); proxies on the way (CloudFront, the load balancer) close
 * connections that carry nothing, and a ping and its pong are traffic both ways. A socket that has
 * not answered the previous ping is dead and is closed, which frees its room slot.
 */
export const DEFAULT_PING_INTERVAL_MS = 30_000;

export interface LiveSocketOptions {
  pingIntervalMs?: number;
}

/**
 * The relay's WebSockets on an existing HTTP server, through its `upgrade` event (`noServer`),
 * so they share the port of the API. The caller is authenticated before the upgrade (401
 * without a valid API key or ticket); everything after it is told over the socket.
 */
export function attachLiveSockets(server: Server, relay: CaptionRelay, options: LiveSocketOptions = {}): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const awaitingPong = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (awaitingPong.has(ws)) {
        ws.terminate();
        continue;
      }
      awaitingPong.add(ws);
      ws.ping();
    }
  }, options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS);
  heartbeat.unref();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const purpose = url.pathname === INGEST_PATH ? 'ingest' : url.pathname === CAPTIONS_PATH ? 'subscribe' : null;
    if (purpose === null) return refuse(socket, 404, 'no such WebSocket route');
    const request = { authorization: req.headers.authorization, ticket: url.searchParams.get('ticket') ?? undefined, purpose, room: url.searchParams.get('room') ?? '' } as const;
    relay
      .authenticate(request)
      .then((caller) => {
        if (caller === null) return refuse(socket, 401, 'send "Authorization: Bearer <API key>" or a ticket from POST /api/live/tickets');
        wss.handleUpgrade(req, socket, head, (ws) => {
          ws.on('pong', () => awaitingPong.delete(ws));
          return purpose === 'ingest' ? ingest(ws, caller, url.searchParams) : subscribe(ws, caller, url.searchParams);
        });
      })
      .catch(() => refuse(socket, 500, 'internal error'));
  };
  server.on('upgrade', onUpgrade);

  async function ingest(ws: WebSocket, caller: LiveCaller, params: URLSearchParams): Promise<void> {
    const query = IngestQuerySchema.safeParse(Object.fromEntries(params));
    if (!query.success) return closeWithError(ws, CLOSE.badRequest, describeIssues(query.error));
    // Audio may arrive while the provider connection opens: it waits in order behind it.
    const early: [RawData, boolean][] = [];
    let handle: (data: RawData, isBinary: boolean) => void = (data, isBinary) => early.push([data, isBinary]);
    ws.on('message', (data, isBinary) => handle(data, isBinary));
    let started: Awaited<ReturnType<CaptionRelay['startIngest']>>;
    try {
      started = await relay.startIngest(caller, query.data, (error) => closeWithError(ws, CLOSE.providerFailed, error.message));
    } catch (error) {
      if (error instanceof LiveRequestError) return closeWithError(ws, error.message.includes('already streaming') ? CLOSE.conflict : CLOSE.badRequest, error.message);
      return closeWithError(ws, CLOSE.providerFailed, 'the speech-to-text provider could not be reached');
    }
    const { stream, stop } = started;
    ws.on('close', () => void stop());
    handle = (data, isBinary) => {
      try {
        if (isBinary) return stream.send(toBytes(data));
        const control = IngestControlSchema.safeParse(parseJson(toBytes(data)));
        if (!control.success) throw new LiveInputError('text messages must be {"type":"end"} or {"type":"keepalive"}; audio goes in binary messages');
        if (control.data.type === 'end') void stop().then(() => ws.close(CLOSE.normal, 'stream ended'));
      } catch (error) {
        // Only this client's connection ends; the room and everyone else in it carry on.
        if (error instanceof LiveInputError) return closeWithError(ws, CLOSE.invalidAudio, error.message);
        relay.logError('live: an ingest message failed', error);
        closeWithError(ws, CLOSE.providerFailed, 'internal error');
      }
    };
    for (const [data, isBinary] of early.splice(0)) handle(data, isBinary);
    if (ws.readyState !== ws.OPEN) void stop();
  }

  function subscribe(ws: WebSocket, caller: LiveCaller, params: URLSearchParams): void {
    const query = SubscribeQuerySchema.safeParse(Object.fromEntries(params));
    if (!query.success) return closeWithError(ws, CLOSE.badRequest, describeIssues(query.error));
    const { queue, unsubscribe } = relay.hub.subscribe(caller.tenantId, query.data.room);
    ws.on('close', unsubscribe);
    const send = (delivery: { event: unknown }) =>
      new Promise<void>((resolve) => {
        if (ws.readyState !== ws.OPEN) return resolve();
        ws.send(JSON.stringify(delivery.event), () => resolve());
      });
    void pumpSubscription(queue, send, relay.onDelivered).then(() => {
      // The queue closes itself when the subscriber is too far behind.
      if (ws.readyState === ws.OPEN) closeWithError(ws, CLOSE.tooSlow, 'this subscriber fell too far behind; reconnect to continue from now');
    });
  }

  return {
    close() {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

const describeIssues = (error: z.ZodError): string => error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ');

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { status, message } });
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Error'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}
