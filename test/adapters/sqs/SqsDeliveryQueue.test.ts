import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryQueueOperationError } from '../../../lib/adapters/sqs/SqsDeliveryQueue.js';
import { enqueueActionItemsPublished } from '../../../lib/domain/crm/publishEvents.js';
import { replayDelivery } from '../../../lib/domain/crm/replayDelivery.js';
import { DeliveryNotReplayableError } from '../../../lib/domain/crm/errors.js';
import { createSubscription } from '../../../lib/domain/crm/subscriptions.js';
import { meetingOf } from '../../domain/crm/crmWorld.js';
import { EXAMPLE_RECEIVERS } from '../../support/fakeResolver.js';
import { QUEUE, sqsWorld } from './sqsWorld.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('the SQS delivery queue, through @aws-sdk/client-sqs against SQS on loopback', () => {
  let world: Awaited<ReturnType<typeof sqsWorld>>;
  beforeEach(async () => {
    world = await sqsWorld();
    await createSubscription(world.blobs, 'acme', { url: 'https://crm.example.com/hooks' }, NOW, EXAMPLE_RECEIVERS);
  });
  afterEach(() => world.close());

  const publish = () => enqueueActionItemsPublished({ blobs: world.blobs, deliveries: world.queue, clock: () => NOW }, meetingOf('acme'), []);

  it('records the delivery in the blob store and sends SendMessage in AWS JSON 1.0 with a pointer, never the payload', async () => {
    const [delivery] = await publish();
    const sends = world.fake.requests.filter((r) => r.target === 'AmazonSQS.SendMessage');
    expect(sends).toHaveLength(1);
    expect(sends[0]?.contentType).toBe('application/x-amz-json-1.0');
    expect(sends[0]?.signed).toBe(true);
    expect(sends[0]?.input.QueueUrl).toBe(world.fake.queueUrl(QUEUE));
    expect(JSON.parse(String(sends[0]?.input.MessageBody))).toEqual({ tenantId: 'acme', id: delivery?.id });
    expect(await world.queue.get('acme', delivery?.id ?? '')).toEqual(delivery);
    expect(await world.queue.get('other', delivery?.id ?? '')).toBeNull();
    expect((await world.queue.list('acme')).map((d) => d.id)).toEqual([delivery?.id]);
    expect(await world.queue.list('acme', 'dead')).toEqual([]);
  });

  it('sends an enqueued delivery again only while it has never been attempted (its first send may have been lost)', async () => {
    const [delivery] = await publish();
    await publish();
    expect(world.fake.messages(QUEUE)).toHaveLength(2);
    await world.log.put({ ...(delivery ?? expect.fail()), status: 'delivered' });
    await publish();
    expect(world.fake.messages(QUEUE)).toHaveLength(2);
    expect((await world.queue.get('acme', delivery?.id ?? ''))?.status).toBe('delivered');
  });

  it('fails the enqueue when SQS does, and a retried Publish sends the recorded, never-attempted delivery', async () => {
    world.fake.failNext = 1;
    await expect(publish()).rejects.toThrow();
    expect(world.fake.messages(QUEUE)).toHaveLength(0);
    await publish();
    expect(world.fake.messages(QUEUE)).toHaveLength(1);
  });

  it('lets the SDK reject a SendMessage answer whose MD5OfMessageBody does not match', async () => {
    world.fake.wrongMd5 = true;
    await expect(publish()).rejects.toThrow(/InvalidChecksum/);
  });

  it('replays a dead delivery by sending it again with a fresh window; a pending one is refused', async () => {
    const [delivery] = await publish();
    const id = delivery?.id ?? '';
    await expect(replayDelivery(world.queue, 'acme', id, NOW)).rejects.toThrow(DeliveryNotReplayableError);
    await world.log.put({ ...(delivery ?? expect.fail()), status: 'dead', firstAttemptAt: NOW.toISOString() });
    world.fake.messages(QUEUE).splice(0);
    const replayed = await replayDelivery(world.queue, 'acme', id, NOW);
    expect(replayed).toMatchObject({ status: 'pending', firstAttemptAt: null });
    expect(world.fake.messages(QUEUE).map((m) => JSON.parse(m.body))).toEqual([{ tenantId: 'acme', id }]);
    expect((await world.queue.get('acme', id))?.status).toBe('pending');
  });

  it('has no due(): SQS pushes messages to the consumer', async () => {
    await expect(world.queue.due()).rejects.toThrow(DeliveryQueueOperationError);
  });
});
