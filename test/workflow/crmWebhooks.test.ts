import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultFiles, resultKey } from '../../lib/domain/meetings/resultKeys.js';
import { ActionItemsSchema } from '../../lib/domain/understanding/schema.js';
import { findJson } from '../../lib/domain/jsonBlobs.js';
import { testApi } from '../domain/crm/testApi.js';
import { WebhookReceiver } from '../domain/crm/webhookReceiver.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

describe('CRM webhooks from a processed meeting', () => {
  let fixture: StackFixture;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    // The receiver listens on 127.0.0.1: the local-development setting allows it.
    fixture = await startStackFixture({ env: { AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS: 'true' } });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await fixture.close();
  });

  it('sends one verified action_items.published with the meeting’s action items and citations', async () => {
    const { stack } = fixture;
    const api = testApi({ blobs: stack.deps.blobs, deliveries: stack.deliveries, clock: stack.deps.clock, receivers: stack.plane.receivers });
    const created = await api.request('/api/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': fixture.tenantId },
      body: JSON.stringify({ url: receiver.url }),
    });
    expect(created.status).toBe(201);
    receiver.secret = ((await created.json()) as { subscription: { secret: string } }).subscription.secret;

    const text = (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8');
    const meeting = await fixture.process('recordings/x.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text });
    expect(meeting.state).toBe('ready');
    // The worker polls by itself; a pass now makes the test independent of its interval.
    await stack.deliveryWorker.runOnce();

    expect(receiver.rejected).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
    const stored = await findJson(stack.deps.blobs, resultKey(meeting.resultPrefix, resultFiles.actionItems), ActionItemsSchema);
    expect(stored?.items.length).toBeGreaterThan(0);
    expect(receiver.requests[0]?.payload).toMatchObject({
      type: 'action_items.published',
      data: {
        meetingId: meeting.meetingId,
        tenantId: fixture.tenantId,
        recordingKey: 'recordings/x.ogg',
        meetingUrl: `/meetings/${meeting.meetingId}`,
        actionItems: stored?.items.map((item) => ({
          id: item.id,
          text: item.text,
          owner: item.owner,
          citations: item.utteranceIds,
          link: `/meetings/${meeting.meetingId}?t=${item.startMs}`,
        })),
      },
    });
    const log = (await (await api.request('/api/deliveries?status=delivered', { headers: { 'x-tenant': fixture.tenantId } })).json()) as { deliveries: { id: string }[] };
    expect(log.deliveries.map((d) => d.id)).toEqual([receiver.requests[0]?.id]);
  });
});
