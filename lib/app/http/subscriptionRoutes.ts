import { Hono } from 'hono';
import { z } from 'zod';
import { replayDelivery } from '../../domain/crm/replayDelivery.js';
import type { DeliveryQueue } from '../../domain/crm/ports.js';
import type { ReceiverGuard } from '../../domain/crm/receiverPolicy.js';
import { DeliveryStatusSchema, type Delivery } from '../../domain/crm/schema.js';
import { createSubscription, deleteSubscription, listSubscriptions, NewSubscriptionSchema } from '../../domain/crm/subscriptions.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import type { ApiEnv, AuthContext } from './authContext.js';
import { HttpError } from './errorResponse.js';

export interface SubscriptionRoutesDeps {
  blobs: BlobStore;
  deliveries: DeliveryQueue;
  clock: () => Date;
  receivers: ReceiverGuard;
}

const DeliveriesQuery = z.object({ status: DeliveryStatusSchema.optional() });
const IdParam = z.string().min(1).max(64);

/**
 * CRM webhook subscriptions and their delivery log, mounted under /api. The tenant is the API
 * key's, never a parameter: another tenant's ids are simply not found.
 */
export function subscriptionRoutes(deps: SubscriptionRoutesDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/subscriptions', async (c) => {
    const auth = requireAdmin(c.get('auth'));
    const input = NewSubscriptionSchema.parse(await c.req.json().catch(() => ({})));
    const { schemaVersion: _version, ...subscription } = await createSubscription(deps.blobs, auth.tenantId, input, deps.clock(), deps.receivers);
    // The only response that carries the secret: the receiver needs it to verify signatures.
    return c.json({ subscription }, 201);
  });

  app.get('/subscriptions', async (c) => c.json({ subscriptions: await listSubscriptions(deps.blobs, c.get('auth').tenantId) }));

  app.delete('/subscriptions/:id', async (c) => {
    const auth = requireAdmin(c.get('auth'));
    await deleteSubscription(deps.blobs, auth.tenantId, IdParam.parse(c.req.param('id')));
    return c.body(null, 204);
  });

  app.get('/deliveries', async (c) => {
    const { status } = DeliveriesQuery.parse(c.req.query());
    const deliveries = await deps.deliveries.list(c.get('auth').tenantId, status);
    return c.json({ deliveries: deliveries.map(logView) });
  });

  app.post('/deliveries/:id/replay', async (c) => {
    const auth = requireAdmin(c.get('auth'));
    const delivery = await replayDelivery(deps.deliveries, auth.tenantId, IdParam.parse(c.req.param('id')), deps.clock());
    return c.json({ delivery: logView(delivery) }, 202);
  });

  return app;
}

function requireAdmin(auth: AuthContext): AuthContext {
  if (auth.role !== 'admin') throw new HttpError(403, 'this needs an admin API key');
  return auth;
}

/** The log entry: the message's state and every attempt, with the payload parsed back for reading. */
const logView = ({ body, schemaVersion: _version, ...delivery }: Delivery) => ({ ...delivery, payload: JSON.parse(body) as unknown });
