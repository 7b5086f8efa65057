import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultFiles, resultKey } from '../../lib/domain/meetings/resultKeys.js';
import { DecisionsSchema, type Decision } from '../../lib/domain/understanding/schema.js';
import { findJson } from '../../lib/domain/jsonBlobs.js';
import { testApi } from '../domain/crm/testApi.js';
import { WebhookReceiver } from '../domain/crm/webhookReceiver.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { DESIGN_REVIEW_VTT as VTT } from '../support/designReviewVtt.js';


describe('decisions as a result of their own', () => {
  let fixture: StackFixture;
  let receiver: WebhookReceiver;
  let apiKey: string;
  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0, env: { AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS: 'true' } });
    receiver = await WebhookReceiver.start();
    apiKey = await fixture.apiKey({ role: 'member' });
  });
  afterAll(async () => {
    await receiver.close();
    await fixture.close();
  });

  it('writes decisions.json citing utterances, serves it in the meeting view, and sends decisions.published to the subscriptions that ask', async () => {
    const { stack } = fixture;
    const crm = testApi({ blobs: stack.deps.blobs, deliveries: stack.deliveries, clock: stack.deps.clock, receivers: stack.plane.receivers });
    const subscribe = async (events: string[] | undefined) => {
      const created = await crm.request('/api/subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tenant': fixture.tenantId },
        body: JSON.stringify({ url: receiver.url, ...(events === undefined ? {} : { events }) }),
      });
      expect(created.status).toBe(201);
      return ((await created.json()) as { subscription: { secret: string } }).subscription.secret;
    };
    // Decisions are opt-in: a subscription with the default events gets only action items (see crmWebhooks.test.ts).
    receiver.secret = await subscribe(['action_items.published', 'decisions.published']);

    const meeting = await fixture.process('design/review.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: VTT });
    expect(meeting.state).toBe('ready');

    // Stored beside the other results, grounded in the transcript.
    const stored = await findJson(stack.deps.blobs, resultKey(meeting.resultPrefix, resultFiles.decisions), DecisionsSchema);
    expect(stored?.decisions.map((d) => ({ text: d.text, utteranceIds: d.utteranceIds }))).toEqual([
      // Two sentences a turn apart are one decision, worded by the stronger one.
      { text: "We'll stick to the plastic case then.", utteranceIds: ['u1', 'u2'] },
      { text: "About the buttons: we decided on the yellow buttons, right?", utteranceIds: ['u7'] },
    ]);
    expect(stored?.decisions.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(meeting.manifest?.counts.decisions).toBe(2);
    expect(meeting.manifest?.files.map((f) => f.name)).toContain('decisions.json');

    // The API's meeting view carries them, and the request's owner is the one asked.
    const response = await fetch(`${stack.httpUrl}/api/meetings/${meeting.meetingId}`, { headers: { Authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(200);
    const view = (await response.json()) as { decisions: { decisions: Decision[] }; actionItems: { items: { owner: string | null; dueDate: string | null }[] }; unreadable: string[] };
    expect(view.decisions).toEqual(stored);
    expect(view.actionItems.items).toEqual([expect.objectContaining({ owner: 'David', dueText: 'by Friday' })]);
    expect(view.unreadable).toEqual([]);

    // The CRM event: the subscriber that asked gets it, signed, with citations and links.
    await stack.deliveryWorker.runOnce();
    expect(receiver.rejected).toEqual([]);
    const types = receiver.requests.map((r) => (r.payload as { type: string }).type).sort();
    expect(types).toEqual(['action_items.published', 'decisions.published']);
    const event = receiver.requests.find((r) => (r.payload as { type: string }).type === 'decisions.published')?.payload;
    expect(event).toEqual({
      type: 'decisions.published',
      timestamp: expect.any(String),
      data: {
        meetingId: meeting.meetingId,
        tenantId: fixture.tenantId,
        runId: expect.any(String),
        // The meeting's title (its first chapter's, with no room or metadata), and absolute links under the server's own address.
        title: meeting.title,
        recordingKey: 'design/review.ogg',
        meetingUrl: `${stack.httpUrl}/#/meetings/${meeting.meetingId}`,
        decisions: stored?.decisions.map((d) => ({ id: d.id, text: d.text, startMs: d.startMs, citations: d.utteranceIds, link: `${stack.httpUrl}/#/meetings/${meeting.meetingId}?t=${d.startMs}` })),
        generatedBy: { engine: 'aftercall-extractive', model: 'aftercall-extractive', version: expect.any(String), aiGenerated: true, label: 'AI-generated — may be inaccurate' },
      },
    });
  });

  it('shows a meeting without decisions.json (understood before decisions existed) as null, and a corrupt one as unreadable', async () => {
    const { stack } = fixture;
    const meeting = await fixture.process('design/older.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: VTT });
    const key = resultKey(meeting.resultPrefix, resultFiles.decisions);
    const read = async () =>
      (await (await fetch(`${stack.httpUrl}/api/meetings/${meeting.meetingId}`, { headers: { Authorization: `Bearer ${apiKey}` } })).json()) as { decisions: unknown; unreadable: string[] };

    await stack.deps.blobs.delete([key]);
    expect(await read()).toMatchObject({ decisions: null, unreadable: [] });

    await stack.deps.blobs.put(key, '{"schemaVersion":1,"decisions":"nope"}', 'application/json');
    expect(await read()).toMatchObject({ decisions: null, unreadable: ['decisions.json'] });
  });
});
