import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorResponse } from '../http/errorResponse.js';
import { liveRoutes } from '../http/liveRoutes.js';
import { attachLiveSockets, type LiveSocketOptions } from './attachLiveSockets.js';
import type { CaptionRelay } from './CaptionRelay.js';

export interface RelayServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The relay on its own (bin/relay.ts, a container behind a load balancer): `GET /healthz`, the
 * /api/live routes and the live WebSockets on one port. It needs no workflow, index or web UI.
 */
export async function startRelayServer(
  relay: CaptionRelay,
  options: { host: string; port: number; log?: (message: string, error: unknown) => void } & LiveSocketOptions,
): Promise<RelayServer> {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true, transcriber: relay.transcriberName }));
  app.route('/api', liveRoutes(relay));
  app.notFound((c) => c.json({ error: { status: 404, message: 'no such route' } }, 404));
  app.onError((error, c) => errorResponse(error, c, options.log));
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(started));
  });
  const sockets = attachLiveSockets(server as Server, relay, options);
  return {
    url: `http://${options.host}:${(server.address() as AddressInfo).port}`,
    async close() {
      sockets.close();
      await relay.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
