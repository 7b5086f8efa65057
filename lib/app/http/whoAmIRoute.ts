import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiEnv } from './authContext.js';
import { apiRoute, AUTH_ERRORS, json, routeGroup } from './routeGroup.js';

const WhoAmISchema = z.object({
  keyId: z.string().meta({ description: "the key's public id (never its secret)" }),
  role: z.enum(['member', 'admin']).meta({ description: 'what the key may do: admins also manage keys, share links, subscriptions and the audit log' }),
});

const getCurrentKey = apiRoute({
  operationId: 'getCurrentKey',
  method: 'get',
  path: '/me',
  summary: "the caller's key: its public id and role",
  responses: { 200: json(WhoAmISchema, 'the key'), ...AUTH_ERRORS },
});

export const whoAmIOperations = [getCurrentKey];

/**
 * `GET /api/me`: who the caller's key is. The web UI asks once, so it shows only the controls
 * the key may use instead of asking an admin route and being refused (a 403 in the console).
 */
export function whoAmIRoute(): OpenAPIHono<ApiEnv> {
  const app = routeGroup();
  app.openapi(
    getCurrentKey,
    (c) => {
      const { keyId, role } = c.get('auth');
      return c.json({ keyId, role }, 200);
    },
  );
  return app;
}
