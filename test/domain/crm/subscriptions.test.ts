import { describe, expect, it } from 'vitest';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  subscriptionsPrefix,
} from '../../../lib/domain/crm/subscriptions.js';
import { Webhook } from 'standardwebhooks';
import { EXAMPLE_RECEIVERS, LOOPBACK_RECEIVERS } from '../../support/fakeResolver.js';
import { memoryBlobs } from '../../support/memoryBlobStore.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('webhook subscriptions', () => {
  it('creates one with a Standard Webhooks secret, stored under the tenant, and lists it without the secret', async () => {
    const blobs = memoryBlobs();
    const created = await createSubscription(blobs, 'acme', { url: 'https://crm.example.com/hooks' }, NOW, EXAMPLE_RECEIVERS);

    expect(created).toMatchObject({ tenantId: 'acme', url: 'https://crm.example.com/hooks', events: ['action_items.published'], active: true, createdAt: NOW.toISOString() });
    expect(created.secret).toMatch(/^whsec_/);
    expect(() => new Webhook(created.secret)).not.toThrow();
    expect(await blobs.list(subscriptionsPrefix('acme'))).toEqual([`_aftercall/tenants/acme/subscriptions/${created.id}.json`]);

    const listed = await listSubscriptions(blobs, 'acme');
    expect(listed).toEqual([{ id: created.id, tenantId: 'acme', url: created.url, events: created.events, createdAt: created.createdAt, active: true }]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(await getSubscription(blobs, 'acme', created.id)).toEqual(listed[0]);
  });

  it('gives every subscription its own id and secret', async () => {
    const blobs = memoryBlobs();
    const a = await createSubscription(blobs, 'acme', { url: 'https://a.example.com/' }, NOW, EXAMPLE_RECEIVERS);
    const b = await createSubscription(blobs, 'acme', { url: 'https://a.example.com/' }, NOW, EXAMPLE_RECEIVERS);
    expect(a.id).not.toBe(b.id);
    expect(a.secret).not.toBe(b.secret);
  });

  it('accepts plain http only on loopback, and loopback only with the local-development setting', async () => {
    const blobs = memoryBlobs();
    await expect(createSubscription(blobs, 'acme', { url: 'http://127.0.0.1:9000/hooks' }, NOW, LOOPBACK_RECEIVERS)).resolves.toBeDefined();
    await expect(createSubscription(blobs, 'acme', { url: 'http://localhost:9000/hooks' }, NOW, LOOPBACK_RECEIVERS)).resolves.toBeDefined();
    await expect(createSubscription(blobs, 'acme', { url: 'http://127.0.0.1:9000/hooks' }, NOW, EXAMPLE_RECEIVERS)).rejects.toMatchObject({ name: 'InvalidSubscriptionError' });
    await expect(createSubscription(blobs, 'acme', { url: 'http://crm.example.com/hooks' }, NOW, EXAMPLE_RECEIVERS)).rejects.toMatchObject({ name: 'InvalidSubscriptionError' });
    await expect(createSubscription(blobs, 'acme', { url: 'ftp://crm.example.com/' }, NOW, EXAMPLE_RECEIVERS)).rejects.toMatchObject({ name: 'InvalidSubscriptionError' });
    await expect(createSubscription(blobs, 'acme', { url: 'https://crm.example.com/', events: ['meeting.deleted' as never] }, NOW, EXAMPLE_RECEIVERS)).rejects.toMatchObject({ name: 'ZodError' });
    expect(await listSubscriptions(blobs, 'acme')).toHaveLength(2);
  });

  it("deletes, and treats another tenant's id as absent", async () => {
    const blobs = memoryBlobs();
    const created = await createSubscription(blobs, 'acme', { url: 'https://crm.example.com/hooks' }, NOW, EXAMPLE_RECEIVERS);

    await expect(getSubscription(blobs, 'other', created.id)).rejects.toMatchObject({ name: 'SubscriptionNotFoundError' });
    await expect(deleteSubscription(blobs, 'other', created.id)).rejects.toMatchObject({ name: 'SubscriptionNotFoundError' });
    expect(await listSubscriptions(blobs, 'other')).toEqual([]);

    await deleteSubscription(blobs, 'acme', created.id);
    expect(await listSubscriptions(blobs, 'acme')).toEqual([]);
    await expect(deleteSubscription(blobs, 'acme', created.id)).rejects.toMatchObject({ name: 'SubscriptionNotFoundError' });
    await expect(getSubscription(blobs, 'acme', '../../x')).rejects.toMatchObject({ name: 'SubscriptionNotFoundError' });
  });
});
