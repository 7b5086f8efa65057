import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiEnv } from '../../../lib/app/http/authContext.js';
import { errorResponse } from '../../../lib/app/http/errorResponse.js';
import { subscriptionRoutes, type SubscriptionRoutesDeps } from '../../../lib/app/http/subscriptionRoutes.js';

/** The statuses the lead's error mapping gives the CRM errors (by name). */
export const CRM_ERROR_STATUS: Record<string, ContentfulStatusCode> = {
  SubscriptionNotFoundError: 404,
  DeliveryNotFoundError: 404,
  InvalidSubscriptionError: 400,
  DeliveryNotReplayableError: 409,
};

/**
 * The routes mounted under /api as the lead will, with a stand-in for the API-key middleware:
 * the caller's tenant and role come from test headers.
 */
export function testApi(deps: SubscriptionRoutesDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('/api/*', async (c, next) => {
    c.set('auth', { tenantId: c.req.header('x-tenant') ?? 'acme', role: c.req.header('x-role') === 'member' ? 'member' : 'admin', keyId: 'key_test' });
    await next();
  });
  app.route('/api', subscriptionRoutes(deps));
  app.onError((error, c) => {
    const status = CRM_ERROR_STATUS[error.name];
    if (status !== undefined) return c.json({ error: { status, message: error.message } }, status);
    return errorResponse(error, c, () => undefined);
  });
  return app;
}
