import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSubscription } from '../../../lib/domain/crm/subscriptions.js';
import { replayDelivery } from '../../../lib/domain/crm/replayDelivery.js';
import { freePort } from '../../support/freePort.js';
import { ACTION_ITEMS, crmWorld, HOUR_MS, meetingOf } from './crmWorld.js';
import { WebhookReceiver } from './webhookReceiver.js';

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('delivering action_items.published webhooks', () => {
  let world: Awaited<ReturnType<typeof crmWorld>>;
  const receivers: WebhookReceiver[] = [];
  beforeEach(async () => {
    // Only Date is faked: sockets and timers are real, and the receiver's standardwebhooks
    // timestamp check reads the same moved clock as the sender.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00.000Z'));
    world = await crmWorld();
  });
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
    await world.close();
    vi.useRealTimers();
  });

  const subscribe = async (tenantId: string, receiver: WebhookReceiver) => {
    const subscription = await createSubscription(world.blobs, tenantId, { url: receiver.url }, world.clock(), world.receivers);
    receiver.secret = subscription.secret;
    return subscription;
  };

  it('signs with Standard Webhooks and sends the action items with citations and links', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    await subscribe('acme', receiver);
    const meeting = meetingOf('acme');

    const [delivery] = await world.publish(meeting);
    expect(await world.deliver()).toEqual({ delivered: 1, retrying: 0, dead: 0 });

    expect(receiver.rejected).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.id).toBe(delivery?.id);
    expect(receiver.requests[0]?.payload).toEqual({
      type: 'action_items.published',
      timestamp: '2026-11-22T10:00:00.000Z',
      data: {
        meetingId: meeting.meetingId,
        tenantId: 'acme',
        runId: 'run-1',
        title: 'standup',
        recordingKey: 'calls/standup.ogg',
        meetingUrl: `/meetings/${meeting.meetingId}`,
        actionItems: [
          { id: 'a1', text: ACTION_ITEMS[0]?.text, owner: 'Laura', dueDate: '2026-11-27', dueText: 'by Friday', startMs: 61_500, citations: ['u3', 'u4'], link: `/meetings/${meeting.meetingId}?t=61500` },
          { id: 'a2', text: ACTION_ITEMS[1]?.text, owner: null, dueDate: null, dueText: null, startMs: 240_000, citations: ['u9'], link: `/meetings/${meeting.meetingId}?t=240000` },
        ],
      },
    });
    expect((await world.queue.list('acme', 'delivered')).map((d) => d.id)).toEqual([delivery?.id]);
  });

  it('enqueues once per run and subscription, however often Publish runs', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    await subscribe('acme', receiver);
    const meeting = meetingOf('acme');

    await world.publish(meeting);
    await world.deliver();
    await world.publish(meeting); // a retried Publish, after the first delivery
    await world.deliver();

    expect(receiver.requests).toHaveLength(1);
    expect(await world.queue.list('acme')).toHaveLength(1);
  });

  it('keeps retrying a receiver that is down, then delivers each event exactly once', async () => {
    const receiver = new WebhookReceiver(await freePort()); // not listening yet: connection refused
    receivers.push(receiver);
    await subscribe('acme', receiver);
    await world.publish(meetingOf('acme', 'calls/one.ogg'));
    await world.publish(meetingOf('acme', 'calls/two.ogg'));

    for (let pass = 0; pass < 3; pass += 1) {
      expect(await world.deliver()).toMatchObject({ retrying: 2 });
      advance(HOUR_MS);
    }
    await receiver.listen();
    receiver.failWith = 503;
    for (let pass = 0; pass < 2; pass += 1) {
      expect(await world.deliver()).toMatchObject({ retrying: 2 });
      advance(HOUR_MS);
    }
    receiver.failWith = null;
    expect(await world.deliver()).toEqual({ delivered: 2, retrying: 0, dead: 0 });
    for (let pass = 0; pass < 3; pass += 1) {
      advance(HOUR_MS);
      expect(await world.deliver()).toEqual({ delivered: 0, retrying: 0, dead: 0 });
    }

    expect(receiver.requests).toHaveLength(2);
    expect(receiver.messages).toHaveLength(2);
    const [first] = await world.queue.list('acme', 'delivered');
    expect(first?.attempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'delivered']);
    expect(first?.attempts.slice(3).map((a) => a.httpStatus)).toEqual([503, 503, 204]);
  });

  it('backs off exponentially, capped at an hour, and waits before retrying', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    receiver.failWith = 500;
    await subscribe('acme', receiver);
    const [queued] = await world.publish(meetingOf('acme'));

    await world.deliver();
    expect(await world.deliver()).toEqual({ delivered: 0, retrying: 0, dead: 0 }); // not due yet
    const gaps: number[] = [];
    for (let pass = 0; pass < 12; pass += 1) {
      const before = await world.queue.get('acme', queued?.id ?? '');
      gaps.push(Date.parse(before?.nextAttemptAt ?? '') - Date.now());
      vi.setSystemTime(new Date(before?.nextAttemptAt ?? ''));
      await world.deliver();
    }
    expect(gaps.slice(0, 4)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(Math.max(...gaps)).toBe(HOUR_MS);
  });

  it('loses nothing when the worker restarts mid-retry', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    receiver.failWith = 503;
    await subscribe('acme', receiver);
    await world.publish(meetingOf('acme'));
    await world.deliver();
    await world.deliver();
    advance(HOUR_MS);
    await world.deliver();

    await world.reopen(); // a new process on the same data folder
    receiver.failWith = null;
    advance(HOUR_MS);
    expect(await world.deliver()).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect(receiver.messages).toHaveLength(1);
    expect((await world.queue.list('acme', 'delivered'))[0]?.attempts).toHaveLength(3);
  });

  it('dead-letters after 24 hours of failures, and a replay delivers it with the same webhook-id', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    receiver.failWith = 503;
    await subscribe('acme', receiver);
    const [queued] = await world.publish(meetingOf('acme'));

    for (let pass = 0; pass < 30 && (await world.queue.list('acme', 'dead')).length === 0; pass += 1) {
      await world.deliver();
      advance(HOUR_MS);
    }
    const [dead] = await world.queue.list('acme', 'dead');
    expect(dead?.id).toBe(queued?.id);
    expect(Date.parse(dead?.attempts.at(-1)?.at ?? '') - Date.parse(dead?.firstAttemptAt ?? '')).toBeGreaterThanOrEqual(24 * HOUR_MS);
    expect(await world.queue.list('acme', 'pending')).toEqual([]);
    advance(HOUR_MS);
    expect(await world.deliver()).toEqual({ delivered: 0, retrying: 0, dead: 0 });

    receiver.failWith = null;
    await replayDelivery(world.queue, 'acme', dead?.id ?? '', world.clock());
    expect(await world.deliver()).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect(receiver.requests.map((r) => r.id)).toEqual([queued?.id]);

    // A delivered message can be replayed too; the receiver sees the same id and dedupes.
    await replayDelivery(world.queue, 'acme', dead?.id ?? '', world.clock());
    await world.deliver();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.messages).toHaveLength(1);
  });

  it("never sends one tenant's events to another tenant's subscription", async () => {
    const receiverA = await WebhookReceiver.start();
    const receiverB = await WebhookReceiver.start();
    receivers.push(receiverA, receiverB);
    await subscribe('tenant-a', receiverA);
    await subscribe('tenant-b', receiverB);

    await world.publish(meetingOf('tenant-a'));
    await world.deliver();

    expect(receiverA.messages).toHaveLength(1);
    expect(receiverB.requests).toEqual([]);
    expect(await world.queue.list('tenant-b')).toEqual([]);
    const [delivery] = await world.queue.list('tenant-a');
    expect(await world.queue.get('tenant-b', delivery?.id ?? '')).toBeNull();
    await expect(replayDelivery(world.queue, 'tenant-b', delivery?.id ?? '', world.clock())).rejects.toMatchObject({ name: 'DeliveryNotFoundError' });
  });

  it('stops retrying a deleted subscription', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    receiver.failWith = 503;
    const subscription = await subscribe('acme', receiver);
    await world.publish(meetingOf('acme'));
    await world.deliver();
    const { deleteSubscription } = await import('../../../lib/domain/crm/subscriptions.js');
    await deleteSubscription(world.blobs, 'acme', subscription.id);
    advance(HOUR_MS);
    expect(await world.deliver()).toEqual({ delivered: 0, retrying: 0, dead: 1 });
  });
});
