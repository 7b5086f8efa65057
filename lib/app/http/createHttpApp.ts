import { Hono } from 'hono';
import type { ControlPlane } from '../ControlPlane.js';
import type { CaptionRelay } from '../live/CaptionRelay.js';
import { apiRoutes } from './apiRoutes.js';
import { callbackRoutes } from './callbackRoutes.js';
import { errorResponse } from './errorResponse.js';
import { liveRoutes } from './liveRoutes.js';
import { webhookRoutes } from './webhookRoutes.js';

/**
 * The one HTTP app, locally and behind API Gateway: webhook intake, provider callbacks and the
 * API; locally also the live routes and the web UI (on AWS the relay and CloudFront serve those).
 */
export function createHttpApp(
  plane: ControlPlane,
  options: { log?: (message: string, error: unknown) => void; live?: CaptionRelay; webUi?: Hono; audioUrlSecret?: string | undefined } = {},
): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/webhooks', webhookRoutes(plane));
  app.route('/callbacks', callbackRoutes(plane));
  // Before /api: the live routes authenticate themselves (an API key, or a ticket for SSE).
  if (options.live !== undefined) app.route('/api', liveRoutes(options.live));
  app.route('/api', apiRoutes(plane, { audioUrlSecret: options.audioUrlSecret }));
  // The web UI's static assets; anything else falls through to the JSON 404.
  if (options.webUi !== undefined) app.route('/', options.webUi);
  app.notFound((c) => c.json({ error: { status: 404, message: 'no such route' } }, 404));
  app.onError((error, c) => errorResponse(error, c, options.log));
  return app;
}
