import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueActionItemsPublished } from '../../lib/domain/crm/publishEvents.js';
import { CRM_SCHEMA_VERSION, type Subscription } from '../../lib/domain/crm/schema.js';
import { subscriptionsPrefix } from '../../lib/domain/crm/subscriptions.js';
import { putJson } from '../../lib/domain/jsonBlobs.js';
import { ACTION_ITEMS, meetingOf } from '../domain/crm/crmWorld.js';
import { WebhookReceiver } from '../domain/crm/webhookReceiver.js';
import { FakeResolver, PUBLIC_ADDRESS } from '../support/fakeResolver.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

/** A port on 127.0.0.1 that counts every TCP connection: what a port scan through webhooks would touch. */
class ConnectionCounter {
  connections = 0;
  private constructor(private readonly server: Server) {}
  static async start(): Promise<ConnectionCounter> {
    const server = createServer();
    const counter = new ConnectionCounter(server);
    server.on('connection', (socket) => {
      counter.connections += 1;
      socket.destroy();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return counter;
  }
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

interface DeliveryLogEntry {
  id: string;
  status: string;
  attempts: { outcome: string; httpStatus: number | null; error: string | null }[];
}

/** The stack's HTTP API with real API keys, as a tenant admin uses it. */
function apiOf(fixture: StackFixture) {
  return async (key: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${fixture.stack.httpUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}

/** What Publish does for a finished meeting of the tenant, then one pass of the delivery worker. */
async function publishAndDeliver(fixture: StackFixture, tenantId: string): Promise<void> {
  const { stack } = fixture;
  await enqueueActionItemsPublished({ blobs: stack.deps.blobs, deliveries: stack.deliveries, clock: stack.deps.clock }, meetingOf(tenantId), ACTION_ITEMS);
  await stack.deliveryWorker.runOnce();
}

describe('webhook subscriptions cannot reach internal addresses (default: loopback not allowed)', () => {
  const dns = new FakeResolver();
  let fixture: StackFixture;
  let api: ReturnType<typeof apiOf>;
  let scanned: ConnectionCounter;
  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0, resolveHost: dns.resolve });
    api = apiOf(fixture);
    scanned = await ConnectionCounter.start();
  });
  afterAll(async () => {
    await scanned.close();
    await fixture.close();
  });

  it('refuses every internal or non-https receiver at subscription with 400 and a reason, and stores nothing', async () => {
    dns.answer('intranet.example.com', ['10.1.2.3']);
    dns.answer('split.example.com', [PUBLIC_ADDRESS, '192.168.0.10']);
    dns.answer('v6.example.com', ['fd00:ec2::254']);
    const port = scanned.port;
    const attacks: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/hooks`, /https/],
      [`https://127.0.0.1:${port}/hooks`, /loopback.*AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS/],
      [`https://127.1:${port}/`, /127\.0\.0\.1 is a loopback address/],
      [`https://2130706433:${port}/`, /127\.0\.0\.1 is a loopback address/],
      [`https://0x7f.1:${port}/`, /loopback/],
      [`https://[::1]:${port}/`, /::1 is a loopback address/],
      [`https://[::ffff:127.0.0.1]:${port}/`, /loopback/],
      [`https://localhost:${port}/`, /this machine \(loopback\)/],
      [`https://anything.localhost:${port}/`, /loopback/],
      [`https://0.0.0.0:${port}/`, /unspecified/],
      ['https://[::]/', /unspecified/],
      ['https://169.254.169.254/latest/meta-data/', /link-local/],
      ['https://[fe80::1]/', /link-local/],
      ['https://[fd00:ec2::254]/latest/meta-data/', /private-network/],
      ['https://100.100.100.200/latest/meta-data/', /carrier-grade NAT/],
      ['https://10.0.0.1/', /private-network/],
      ['https://172.16.0.1/', /private-network/],
      ['https://192.168.1.1/', /private-network/],
      ['https://224.0.0.1/', /multicast/],
      ['https://255.255.255.255/', /broadcast/],
      ['https://[::7f00:1]/', /reserved/],
      ['https://[64:ff9b::7f00:1]/', /reserved/],
      ['https://metadata.google.internal/computeMetadata/v1/', /metadata/],
      ['https://metadata.google.internal./computeMetadata/v1/', /metadata/],
      ['https://instance-data/latest/', /metadata/],
      ['https://db.corp.internal/', /internal name/],
      ['https://jenkins/', /not a fully qualified/],
      ['https://intranet.example.com/hooks', /resolves to a private-network address/],
      ['https://split.example.com/hooks', /resolves to a private-network address/],
      ['https://v6.example.com/hooks', /resolves to a private-network address/],
      ['https://nowhere.example.com/hooks', /could not be resolved \(ENOTFOUND\)/],
      [`http://10.0.0.1/`, /https/],
      ['http://metadata.google.internal/computeMetadata/v1/', /https/],
      ['http://crm.example.com/hooks', /https/],
      ['ftp://crm.example.com/hooks', /https \(got ftp\)/],
      ['file:///etc/passwd', /https \(got file\)/],
      ['not a url', /not a valid absolute URL/],
    ];
    const admin = await fixture.apiKey({ role: 'admin' });
    const answers: Awaited<ReturnType<typeof api>>[] = [];
    for (const [url] of attacks) answers.push(await api(admin, 'POST', '/subscriptions', { url }));

    expect(answers.map((a) => a.status)).toEqual(attacks.map(() => 400));
    attacks.forEach(([url, reason], i) => expect(`${url} → ${String((answers[i]?.json.error as { message?: string }).message)}`).toMatch(reason));
    // What an internal name resolves to is never echoed back to the tenant.
    const byName = answers.filter((_, i) => /^https:\/\/(intranet|split|v6)\./.test(attacks[i]?.[0] ?? ''));
    expect(byName).toHaveLength(3);
    expect(JSON.stringify(byName)).not.toMatch(/10\.1\.2\.3|192\.168\.0\.10|fd00/);
    expect((await api(admin, 'GET', '/subscriptions')).json).toEqual({ subscriptions: [] });
    expect(scanned.connections).toBe(0);
  });

  it('refuses a DNS-rebinding receiver at delivery, after resolution: public at subscription, 127.0.0.1 when sent', async () => {
    const admin = await fixture.apiKey({ tenantId: 'rebind', role: 'admin' });
    dns.answer('crm.rebind.example', [PUBLIC_ADDRESS]);
    const created = await api(admin, 'POST', '/subscriptions', { url: `https://crm.rebind.example:${scanned.port}/hooks` });
    expect(created.status).toBe(201);

    // The attacker's DNS now points the name at this machine, and later at a mix.
    dns.answer('crm.rebind.example', ['127.0.0.1']);
    const lookupsBefore = dns.lookups.length;
    await publishAndDeliver(fixture, 'rebind');

    expect(dns.lookups.slice(lookupsBefore)).toEqual(['crm.rebind.example']);
    expect(scanned.connections).toBe(0);
    const log = (await api(admin, 'GET', '/deliveries')).json.deliveries as DeliveryLogEntry[];
    expect(log).toHaveLength(1);
    expect(log[0]?.status).toBe('dead');
    expect(log[0]?.attempts).toEqual([
      { at: expect.any(String), outcome: 'refused', httpStatus: null, error: expect.stringMatching(/^refused: the receiver host crm\.rebind\.example resolves to a loopback address/) },
    ]);

    // Refused is final: later passes send nothing and add no attempt.
    await fixture.stack.deliveryWorker.runOnce();
    expect(((await api(admin, 'GET', '/deliveries')).json.deliveries as DeliveryLogEntry[])[0]?.attempts).toHaveLength(1);
    expect(scanned.connections).toBe(0);
  });

  it.each([
    ['an IPv6 loopback answer', 'rebind-v6', ['::1']],
    ['an IPv4-mapped loopback answer', 'rebind-mapped', ['::ffff:127.0.0.1']],
    ['a public answer mixed with loopback', 'rebind-mixed', [PUBLIC_ADDRESS, '127.0.0.1']],
  ])('refuses rebinding to %s too', async (_label, tenantId, answer) => {
    const admin = await fixture.apiKey({ tenantId, role: 'admin' });
    dns.answer(`${tenantId}.example.com`, [PUBLIC_ADDRESS]);
    expect((await api(admin, 'POST', '/subscriptions', { url: `https://${tenantId}.example.com:${scanned.port}/hooks` })).status).toBe(201);
    dns.answer(`${tenantId}.example.com`, answer);

    await publishAndDeliver(fixture, tenantId);

    const log = (await api(admin, 'GET', '/deliveries')).json.deliveries as DeliveryLogEntry[];
    expect(log.map((d) => [d.status, d.attempts.map((a) => a.outcome)])).toEqual([['dead', ['refused']]]);
    expect(scanned.connections).toBe(0);
  });

  it('refuses at delivery a loopback subscription stored before these checks existed', async () => {
    const tenantId = 'legacy';
    const admin = await fixture.apiKey({ tenantId, role: 'admin' });
    const legacy: Subscription = {
      schemaVersion: CRM_SCHEMA_VERSION,
      id: 'sub_000000000000000000000001',
      tenantId,
      url: `http://127.0.0.1:${scanned.port}/hooks`,
      events: ['action_items.published'],
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      createdAt: new Date().toISOString(),
      active: true,
    };
    await putJson(fixture.stack.deps.blobs, `${subscriptionsPrefix(tenantId)}${legacy.id}.json`, legacy);

    await publishAndDeliver(fixture, tenantId);

    const log = (await api(admin, 'GET', '/deliveries')).json.deliveries as DeliveryLogEntry[];
    expect(log.map((d) => d.status)).toEqual(['dead']);
    expect(log[0]?.attempts[0]).toMatchObject({ outcome: 'refused', httpStatus: null, error: expect.stringMatching(/^refused: the receiver URL must use https/) });
    expect(scanned.connections).toBe(0);
  });
});

describe('with AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS=true (local development)', () => {
  let fixture: StackFixture;
  let api: ReturnType<typeof apiOf>;
  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0, env: { AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS: 'true' } });
    api = apiOf(fixture);
  });
  afterAll(() => fixture.close());

  it('delivers to a loopback receiver, verified, over plain http', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const admin = await fixture.apiKey({ tenantId: 'devloop', role: 'admin' });
      const created = await api(admin, 'POST', '/subscriptions', { url: receiver.url });
      expect(created.status).toBe(201);
      receiver.secret = (created.json.subscription as { secret: string }).secret;

      await publishAndDeliver(fixture, 'devloop');

      expect(receiver.rejected).toEqual([]);
      expect(receiver.messages).toHaveLength(1);
      expect(((await api(admin, 'GET', '/deliveries')).json.deliveries as DeliveryLogEntry[]).map((d) => d.status)).toEqual(['delivered']);
    } finally {
      await receiver.close();
    }
  });

  it('still refuses private, link-local and metadata receivers, and plain http off loopback', async () => {
    const admin = await fixture.apiKey({ tenantId: 'devloop', role: 'admin' });
    for (const url of ['http://10.0.0.1/', 'https://169.254.169.254/latest/meta-data/', 'https://metadata.google.internal/', 'https://[fd00:ec2::254]/', 'http://0.0.0.0:9/']) {
      const answer = await api(admin, 'POST', '/subscriptions', { url });
      expect([url, answer.status]).toEqual([url, 400]);
    }
  });

  it('does not follow a redirect: the receiver it points at gets nothing', async () => {
    const target = await ConnectionCounter.start();
    const redirector = await WebhookReceiver.start();
    try {
      redirector.failWith = 307;
      const admin = await fixture.apiKey({ tenantId: 'redirected', role: 'admin' });
      expect((await api(admin, 'POST', '/subscriptions', { url: redirector.url })).status).toBe(201);
      redirector.redirectTo = `http://127.0.0.1:${target.port}/hooks`;

      await publishAndDeliver(fixture, 'redirected');

      expect(target.connections).toBe(0);
      const [delivery] = (await api(admin, 'GET', '/deliveries')).json.deliveries as DeliveryLogEntry[];
      expect(delivery?.attempts).toEqual([expect.objectContaining({ outcome: 'retry', httpStatus: 307, error: 'HTTP 307: redirects are not followed' })]);
    } finally {
      await redirector.close();
      await target.close();
    }
  });
});
