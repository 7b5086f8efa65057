import { Hono } from 'hono';
import type { ControlPlane } from '../ControlPlane.js';
import type { CaptionRelay } from '../live/CaptionRelay.js';
import { apiRoutes } from './apiRoutes.js';
import { callbackRoutes } from './callbackRoutes.js';
import { errorResponse } from './errorResponse.js';
import { liveRoutes } from './liveRoutes.js';
import { meetingLinkRoutes } from './meetingLinkRoutes.js';
import { webhookRoutes } from './webhookRoutes.js';
import { webUiRoutes } from './webUiRoutes.js';

/** Local mode's one HTTP server: webhook intake, the API and the web UI. */
export function createHttpApp(plane: ControlPlane, options: { log?: (message: string, error: unknown) => void; live?: CaptionRelay; audioUrlSecret?: string | undefined } = {}): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/webhooks', webhookRoutes(plane));
  app.route('/callbacks', callbackRoutes(plane));
  // Before /api: the live routes authenticate themselves (an API key, or a ticket for SSE).
  if (options.live !== undefined) app.route('/api/live', liveRoutes(options.live));
  app.route('/api', apiRoutes(plane, { audioUrlSecret: options.audioUrlSecret }));
  // The web UI's static assets; anything else falls through to the JSON 404.
  app.route('/', meetingLinkRoutes());
  app.route('/', webUiRoutes());
  app.notFound((c) => c.json({ error: { status: 404, message: 'no such route' } }, 404));
  app.onError((error, c) => errorResponse(error, c, options.log));
  return app;
}
