import { Hono } from 'hono';
import type { ControlPlane } from '../../lib/app/ControlPlane.js';
import { apiRoutes } from '../../lib/app/http/apiRoutes.js';
import { callbackRoutes } from '../../lib/app/http/callbackRoutes.js';
import { errorResponse } from '../../lib/app/http/errorResponse.js';
import { webhookRoutes } from '../../lib/app/http/webhookRoutes.js';

/**
 * The HTTP app behind API Gateway: the same routes as local mode's server, without the web
 * UI (its static files are not bundled into the Lambda; on AWS they belong on CloudFront).
 */
export function createApiApp(plane: ControlPlane, log: (message: string, error: unknown) => void, options: { audioUrlSecret?: string | undefined } = {}): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/webhooks', webhookRoutes(plane));
  app.route('/callbacks', callbackRoutes(plane));
  app.route('/api', apiRoutes(plane, options));
  app.notFound((c) => c.json({ error: { status: 404, message: 'no such route' } }, 404));
  app.onError((error, c) => errorResponse(error, c, log));
  return app;
}
