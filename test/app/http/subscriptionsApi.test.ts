import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeResolver, PUBLIC_ADDRESS } from '../../support/fakeResolver.js';
import { startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

describe('CRM webhook subscriptions through the API (real API keys)', () => {
  let fixture: StackFixture;
  let admin: string;
  let member: string;
  let otherAdmin: string;
  const call = (key: string | null, method: string, path: string, body?: unknown) =>
    fetch(`${fixture.stack.httpUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    // The production default (no loopback receivers), with the CRM's name in a fake DNS.
    fixture = await startStackFixture({ http: true, port: 0, resolveHost: new FakeResolver({ 'crm.example.com': [PUBLIC_ADDRESS] }).resolve });
    admin = await fixture.apiKey({ role: 'admin' });
    member = await fixture.apiKey({ role: 'member' });
    otherAdmin = await fixture.apiKey({ tenantId: 'other-co', role: 'admin' });
  });
  afterAll(() => fixture.close());

  it('lets an admin subscribe (the secret is shown once), members read, and nobody without a key', async () => {
    const created = await call(admin, 'POST', '/subscriptions', { url: 'https://crm.example.com/crm', events: ['action_items.published'] });
    expect(created.status).toBe(201);
    const { subscription } = (await created.json()) as { subscription: { id: string; secret: string } };
    expect(subscription.secret).toMatch(/^whsec_/);

    const listed = (await (await call(member, 'GET', '/subscriptions')).json()) as { subscriptions: Record<string, unknown>[] };
    expect(listed.subscriptions.map((s) => s.id)).toEqual([subscription.id]);
    expect(JSON.stringify(listed)).not.toContain(subscription.secret);

    expect((await call(member, 'POST', '/subscriptions', { url: 'https://crm.example/hook', events: ['action_items.published'] })).status).toBe(403);
    expect((await call(null, 'GET', '/subscriptions')).status).toBe(401);
    expect((await call(admin, 'GET', '/deliveries')).status).toBe(200);
  });

  it("keeps tenants apart: another tenant's admin cannot see or delete the subscription", async () => {
    const [subscription] = ((await (await call(admin, 'GET', '/subscriptions')).json()) as { subscriptions: { id: string }[] }).subscriptions;
    expect(((await (await call(otherAdmin, 'GET', '/subscriptions')).json()) as { subscriptions: unknown[] }).subscriptions).toEqual([]);
    expect((await call(otherAdmin, 'DELETE', `/subscriptions/${subscription?.id ?? ''}`)).status).toBe(404);
    expect((await call(admin, 'DELETE', `/subscriptions/${subscription?.id ?? ''}`)).status).toBeLessThan(300);
  });

  it('rejects a plain-http URL', async () => {
    const response = await call(admin, 'POST', '/subscriptions', { url: 'http://crm.example/hook', events: ['action_items.published'] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/https/);
  });
});
