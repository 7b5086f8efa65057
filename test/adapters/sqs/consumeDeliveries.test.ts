import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueActionItemsPublished } from '../../../lib/domain/crm/publishEvents.js';
import { createSubscription } from '../../../lib/domain/crm/subscriptions.js';
import { FakeResolver, PUBLIC_ADDRESS, publicReceivers } from '../../support/fakeResolver.js';
import { freePort } from '../../support/freePort.js';
import { HOUR_MS, meetingOf } from '../../domain/crm/crmWorld.js';
import { WebhookReceiver } from '../../domain/crm/webhookReceiver.js';
import { DLQ, QUEUE, sqsRecord, sqsWorld } from './sqsWorld.js';

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('the SQS consumer of CRM deliveries (partial batch responses)', () => {
  let world: Awaited<ReturnType<typeof sqsWorld>>;
  const receivers: WebhookReceiver[] = [];
  const errors: string[] = [];
  beforeEach(async () => {
    // Only Date is faked: the receiver's timestamp check reads the same clock as the sender.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00.000Z'));
    world = await sqsWorld();
  });
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
    errors.splice(0);
    await world.close();
    vi.useRealTimers();
  });

  const consumer = () => world.consumer((message) => errors.push(message));

  /** A tenant subscribed to a receiver, and one published meeting: one message in the queue. */
  const published = async (tenantId: string, receiver: { url: string; secret: string }) => {
    const subscription = await createSubscription(world.blobs, tenantId, { url: receiver.url }, new Date(), world.receivers);
    receiver.secret = subscription.secret;
    const [delivery] = await enqueueActionItemsPublished({ blobs: world.blobs, deliveries: world.queue, clock: () => new Date() }, meetingOf(tenantId), []);
    return delivery ?? expect.fail('nothing enqueued');
  };
  const started = async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    return receiver;
  };

  it('delivers signed, records the attempt, and reports only the failed message of a batch; the failed one waits out its back-off', async () => {
    const up = await started();
    const good = await published('acme', up);
    // A CRM that is down: nothing listens on its port.
    const down = { url: `http://127.0.0.1:${await freePort()}/hooks`, secret: '' };
    const bad = await published('globex', down);
    const event = world.receive();
    const failingMessage = event.Records.find((r) => r.body.includes('globex'));

    const result = await consumer()(event);

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: failingMessage?.messageId }]);
    expect(up.messages.map((m) => m.id)).toEqual([good.id]);
    expect((await world.log.get('acme', good.id))?.status).toBe('delivered');
    const retried = await world.log.get('globex', bad.id);
    expect(retried?.status).toBe('pending');
    expect(retried?.attempts).toEqual([expect.objectContaining({ outcome: 'retry', httpStatus: null, error: expect.stringMatching(/fetch failed|ECONNREFUSED/) })]);
    // First back-off: base 5 s (jitter at its ceiling), set on that message's receipt only.
    expect(world.fake.visibility).toEqual([{ receiptHandle: failingMessage?.receiptHandle, seconds: 5 }]);
    expect(world.fake.messages(DLQ)).toEqual([]);
  });

  it('backs off exponentially while the CRM answers 503, then delivers once it is back, with the same webhook-id', async () => {
    const crm = await started();
    crm.failWith = 503;
    const delivery = await published('acme', crm);
    const [message] = world.fake.messages(QUEUE).splice(0);
    const record = sqsRecord(message ?? expect.fail(), world.fake.queueUrl(QUEUE));
    const consume = consumer();
    for (let i = 0; i < 4; i += 1) {
      expect((await consume({ Records: [record] })).batchItemFailures).toHaveLength(1);
      advance((world.fake.visibility.at(-1)?.seconds ?? 0) * 1000);
    }
    expect(world.fake.visibility.map((v) => v.seconds)).toEqual([5, 10, 20, 40]);
    crm.failWith = null;
    expect(await consume({ Records: [record] })).toMatchObject({ batchItemFailures: [], outcomes: ['delivered'] });
    expect(crm.messages.map((m) => m.id)).toEqual([delivery.id]);
    expect((await world.log.get('acme', delivery.id))?.attempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry', 'retry', 'delivered']);
  });

  it('gives up after a day: the record is dead and the message moves to the dead-letter queue', async () => {
    const down = { url: `http://127.0.0.1:${await freePort()}/hooks`, secret: '' };
    const delivery = await published('acme', down);
    const [message] = world.fake.messages(QUEUE).splice(0);
    const record = sqsRecord(message ?? expect.fail(), world.fake.queueUrl(QUEUE));
    await consumer()({ Records: [record] });
    advance(25 * HOUR_MS);
    const result = await consumer()({ Records: [record] });
    expect(result).toMatchObject({ batchItemFailures: [], outcomes: ['dead'] });
    expect((await world.log.get('acme', delivery.id))?.status).toBe('dead');
    expect(world.fake.messages(DLQ).map((m) => m.body)).toEqual([record.body]);
  });

  it('sends a redriven message whose record is dead again, with a new window; a duplicate of a delivered one is dropped', async () => {
    const crm = await started();
    const delivery = await published('acme', crm);
    await world.log.put({ ...delivery, status: 'dead', firstAttemptAt: new Date(Date.now() - 25 * HOUR_MS).toISOString() });
    const event = world.receive();
    expect(await consumer()(event)).toMatchObject({ batchItemFailures: [], outcomes: ['delivered'] });
    expect(await consumer()(event)).toMatchObject({ batchItemFailures: [], outcomes: ['skipped'] });
    expect(crm.requests).toHaveLength(1);
  });

  it('dead-letters at once a delivery whose receiver now resolves to loopback (DNS rebinding): no retry, nothing sent', async () => {
    const crm = await started();
    const dns = new FakeResolver({ 'crm.rebind.example': [PUBLIC_ADDRESS] });
    const receivers = publicReceivers(dns);
    const subscription = await createSubscription(world.blobs, 'acme', { url: `https://crm.rebind.example:${crm.port}/hooks` }, new Date(), receivers);
    const [delivery] = await enqueueActionItemsPublished({ blobs: world.blobs, deliveries: world.queue, clock: () => new Date() }, meetingOf('acme'), []);
    dns.answer('crm.rebind.example', ['127.0.0.1']);
    const event = world.receive();

    expect(await world.consumer((message) => errors.push(message), receivers)(event)).toMatchObject({ batchItemFailures: [], outcomes: ['dead'] });

    expect(subscription.url).toContain('crm.rebind.example');
    expect(crm.requests).toEqual([]);
    expect(crm.rejected).toEqual([]);
    expect((await world.log.get('acme', delivery?.id ?? ''))?.attempts).toEqual([expect.objectContaining({ outcome: 'refused', error: expect.stringMatching(/^refused: .*loopback/) })]);
    expect(world.fake.messages(DLQ).map((m) => m.body)).toEqual(event.Records.map((r) => r.body));
    expect(world.fake.visibility).toEqual([]);
  });

  it('dead-letters a message that points at no record, and retries one whose record cannot be read', async () => {
    const bogus = sqsRecord({ messageId: 'm-1', body: '{"hello":"world"}' }, world.fake.queueUrl(QUEUE));
    expect(await consumer()({ Records: [bogus] })).toMatchObject({ batchItemFailures: [], outcomes: ['dead'] });
    expect(world.fake.messages(DLQ).map((m) => m.body)).toEqual([bogus.body]);

    const crm = await started();
    const delivery = await published('acme', crm);
    const event = world.receive();
    await world.blobs.put([...world.blobs.objects.keys()].find((key) => key.endsWith(`${delivery.id}.json`)) ?? '', '{not json', 'application/json');
    expect(await consumer()(event)).toMatchObject({ batchItemFailures: [{ itemIdentifier: event.Records[0]?.messageId }], outcomes: ['failed'] });
    expect(errors).toContain('delivery message failed');
  });
});
