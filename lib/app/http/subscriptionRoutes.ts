import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { replayDelivery } from '../../domain/crm/replayDelivery.js';
import type { DeliveryQueue } from '../../domain/crm/ports.js';
import type { ReceiverGuard } from '../../domain/crm/receiverPolicy.js';
import { DeliverySchema, DeliveryStatusSchema, SubscriptionSchema, type Delivery } from '../../domain/crm/schema.js';
import { createSubscription, deleteSubscription, listSubscriptions, NewSubscriptionSchema } from '../../domain/crm/subscriptions.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import type { ApiEnv, AuthContext } from './authContext.js';
import { HttpError } from './errorResponse.js';
import { ADMIN_ERRORS, apiRoute, AUTH_ERRORS, failure, json, routeGroup } from './routeGroup.js';

export interface SubscriptionRoutesDeps {
  blobs: BlobStore;
  deliveries: DeliveryQueue;
  clock: () => Date;
  receivers: ReceiverGuard;
}

const DeliveriesQuery = z.object({ status: DeliveryStatusSchema.optional() });
const IdParam = z.string().min(1).max(64);
const IdParams = z.object({ id: z.string().meta({ description: 'sub_… or msg_…' }) });

const SubscriptionView = SubscriptionSchema.omit({ schemaVersion: true, secret: true }).meta({ id: 'Subscription' });
const DeliveryLogEntry = DeliverySchema.omit({ schemaVersion: true, body: true })
  .extend({ payload: z.unknown().meta({ description: 'the event as sent, parsed back for reading' }) })
  .meta({ id: 'Delivery' });

const createSubscriptionRoute = apiRoute({
  operationId: 'createSubscription',
  method: 'post',
  path: '/subscriptions',
  summary: 'admin: send action items (and other events) to a CRM by signed webhook (Standard Webhooks); the only answer that carries the secret',
  request: { body: { content: { 'application/json': { schema: NewSubscriptionSchema } }, required: false } },
  responses: {
    201: json(z.object({ subscription: SubscriptionView.extend({ secret: z.string().meta({ description: 'whsec_…: the receiver verifies signatures with it; shown once' }) }) }), 'created'),
    400: failure('a bad URL or event, or a receiver address that is not allowed'),
    ...ADMIN_ERRORS,
  },
});

const listSubscriptionsRoute = apiRoute({
  operationId: 'listSubscriptions',
  method: 'get',
  path: '/subscriptions',
  summary: "the tenant's webhook subscriptions, without their secrets",
  responses: { 200: json(z.object({ subscriptions: z.array(SubscriptionView) }), 'the subscriptions'), ...AUTH_ERRORS },
});

const deleteSubscriptionRoute = apiRoute({
  operationId: 'deleteSubscription',
  method: 'delete',
  path: '/subscriptions/{id}',
  summary: 'admin: stop sending to a subscription',
  request: { params: IdParams },
  responses: { 204: { description: 'deleted' }, 400: failure('a malformed id'), 404: failure('no such subscription in this tenant'), ...ADMIN_ERRORS },
});

const listDeliveriesRoute = apiRoute({
  operationId: 'listDeliveries',
  method: 'get',
  path: '/deliveries',
  summary: 'the webhook delivery log: every message with its state and attempts',
  request: { query: DeliveriesQuery },
  responses: { 200: json(z.object({ deliveries: z.array(DeliveryLogEntry) }), 'the log'), 400: failure('a bad status'), ...AUTH_ERRORS },
});

const replayDeliveryRoute = apiRoute({
  operationId: 'replayDelivery',
  method: 'post',
  path: '/deliveries/{id}/replay',
  summary: 'admin: send a message again (same webhook-id, so receivers can dedupe), with a fresh retry window',
  request: { params: IdParams },
  responses: { 202: json(z.object({ delivery: DeliveryLogEntry }), 'queued again'), 404: failure('no such message in this tenant'), ...ADMIN_ERRORS },
});

export const subscriptionOperations = [createSubscriptionRoute, listSubscriptionsRoute, deleteSubscriptionRoute, listDeliveriesRoute, replayDeliveryRoute];

/**
 * CRM webhook subscriptions and their delivery log, mounted under /api. The tenant is the API
 * key's, never a parameter: another tenant's ids are simply not found.
 */
export function subscriptionRoutes(deps: SubscriptionRoutesDeps): OpenAPIHono<ApiEnv> {
  const app = routeGroup();

  app.openapi(createSubscriptionRoute, async (c) => {
    const auth = requireAdmin(c.get('auth'));
    const input = NewSubscriptionSchema.parse(await c.req.json().catch(() => ({})));
    const { schemaVersion: _version, ...subscription } = await createSubscription(deps.blobs, auth.tenantId, input, deps.clock(), deps.receivers);
    // The only response that carries the secret: the receiver needs it to verify signatures.
    return c.json({ subscription }, 201);
  });

  app.openapi(listSubscriptionsRoute, async (c) => c.json({ subscriptions: await listSubscriptions(deps.blobs, c.get('auth').tenantId) }, 200));

  app.openapi(deleteSubscriptionRoute, async (c) => {
    const auth = requireAdmin(c.get('auth'));
    await deleteSubscription(deps.blobs, auth.tenantId, IdParam.parse(c.req.param('id')));
    return c.body(null, 204);
  });

  app.openapi(listDeliveriesRoute, async (c) => {
    const { status } = DeliveriesQuery.parse(c.req.query());
    const deliveries = await deps.deliveries.list(c.get('auth').tenantId, status);
    return c.json({ deliveries: deliveries.map(logView) }, 200);
  });

  app.openapi(replayDeliveryRoute, async (c) => {
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
