import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { FileDeliveryQueue } from '../../../lib/adapters/crm/FileDeliveryQueue.js';
import { enqueueActionItemsPublished } from '../../../lib/domain/crm/publishEvents.js';
import { makeTempDir } from '../../support/tempDir.js';
import { ACTION_ITEMS, meetingOf } from '../../domain/crm/crmWorld.js';
import { memoryBlobs } from '../../support/memoryBlobStore.js';
import { testApi } from '../../domain/crm/testApi.js';
import { EXAMPLE_RECEIVERS } from '../../support/fakeResolver.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('the subscription and delivery API', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let queue: FileDeliveryQueue;
  const blobs = memoryBlobs();
  let app: ReturnType<typeof testApi>;
  beforeEach(async () => {
    dir = await makeTempDir();
    queue = await FileDeliveryQueue.open(dir.path);
    app = testApi({ blobs, deliveries: queue, clock: () => NOW, receivers: EXAMPLE_RECEIVERS });
  });
  afterEach(() => dir.remove());

  const call = (method: string, path: string, options: { tenant?: string; role?: string; body?: unknown } = {}) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-tenant': options.tenant ?? 'acme', 'x-role': options.role ?? 'admin' },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });

  it('creates a subscription (secret shown once), lists it without the secret, and deletes it', async () => {
    const created = await call('POST', '/api/subscriptions', { body: { url: 'https://crm.example.com/hooks' } });
    expect(created.status).toBe(201);
    const { subscription } = (await created.json()) as { subscription: { id: string; secret: string } };
    expect(() => new Webhook(subscription.secret)).not.toThrow();

    const listed = await (await call('GET', '/api/subscriptions', { role: 'member' })).json();
    expect(listed).toEqual({ subscriptions: [{ id: subscription.id, tenantId: 'acme', url: 'https://crm.example.com/hooks', events: ['action_items.published'], createdAt: NOW.toISOString(), active: true }] });

    expect((await call('DELETE', `/api/subscriptions/${subscription.id}`, { tenant: 'other' })).status).toBe(404);
    expect((await call('DELETE', `/api/subscriptions/${subscription.id}`)).status).toBe(204);
    expect(await (await call('GET', '/api/subscriptions')).json()).toEqual({ subscriptions: [] });
  });

  it('refuses members, bad URLs and bad bodies with the error shape', async () => {
    const member = await call('POST', '/api/subscriptions', { role: 'member', body: { url: 'https://crm.example.com/' } });
    expect(member.status).toBe(403);
    const plainHttp = await call('POST', '/api/subscriptions', { body: { url: 'http://crm.example.com/' } });
    expect(plainHttp.status).toBe(400);
    expect(await plainHttp.json()).toMatchObject({ error: { status: 400 } });
    expect((await call('POST', '/api/subscriptions', { body: { events: [] } })).status).toBe(400);
    expect((await call('GET', '/api/deliveries?status=lost')).status).toBe(400);
  });

  it("shows the tenant's delivery log and replays a delivered message; other tenants get 404", async () => {
    const created = await call('POST', '/api/subscriptions', { body: { url: 'https://crm.example.com/hooks' } });
    const { subscription } = (await created.json()) as { subscription: { id: string } };
    const [queued] = await enqueueActionItemsPublished({ blobs, deliveries: queue, clock: () => NOW }, meetingOf('acme'), ACTION_ITEMS);
    const id = queued?.id ?? '';

    const log = (await (await call('GET', '/api/deliveries?status=pending')).json()) as { deliveries: { id: string; subscriptionId: string; payload: { type: string } }[] };
    expect(log.deliveries.map((d) => [d.id, d.subscriptionId, d.payload.type])).toEqual([[id, subscription.id, 'action_items.published']]);
    expect(await (await call('GET', '/api/deliveries', { tenant: 'other' })).json()).toEqual({ deliveries: [] });

    expect((await call('POST', `/api/deliveries/${id}/replay`)).status).toBe(409); // still pending
    await queue.update({ ...(queued ?? (undefined as never)), status: 'delivered', attempts: [{ at: NOW.toISOString(), httpStatus: 200, error: null, outcome: 'delivered' }] });
    expect((await call('POST', `/api/deliveries/${id}/replay`, { tenant: 'other' })).status).toBe(404);
    expect((await call('POST', `/api/deliveries/${id}/replay`, { role: 'member' })).status).toBe(403);
    const replayed = await call('POST', `/api/deliveries/${id}/replay`);
    expect(replayed.status).toBe(202);
    expect(await replayed.json()).toMatchObject({ delivery: { id, status: 'pending' } });
    expect((await call('POST', '/api/deliveries/msg_nope/replay')).status).toBe(404);
  });
});
