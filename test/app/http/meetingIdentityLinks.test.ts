import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../lib/adapters/s3/createS3Client.js';
import { deriveMeetingId } from '../../../lib/domain/meetings/meetingId.js';
import { testApi } from '../../domain/crm/testApi.js';
import { WebhookReceiver } from '../../domain/crm/webhookReceiver.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

const WEB_URL = 'https://notes.example.com';

interface ListedMeeting {
  meetingId: string;
  title: string;
  titleSource: string;
  url: string;
  durationMs: number | null;
  participants: string[];
  talkTime: { speaker: string; ms: number; share: number }[];
  summaryPreview: string | null;
}

/**
 * A meeting's identity (title from the recording's metadata, else its first chapter; length,
 * participants, talk time, summary preview), the list's filters, and absolute links under
 * AFTERCALL_WEB_URL — in the API's answers and in the CRM event a receiver gets.
 */
describe('meeting identity and absolute links', () => {
  let fixture: StackFixture;
  let receiver: WebhookReceiver;
  let s3: S3Client;
  let key: string;
  const ids = { weekly: deriveMeetingId('demo', 'calls/2026-11-02/rec-8812.ogg'), kickoff: deriveMeetingId('demo', 'calls/2026-11-03/rec-8813.ogg') };
  const api = async (path: string) => {
    const response = await fetch(`${fixture.stack.httpUrl}/api${path}`, { headers: { Authorization: `Bearer ${key}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const listed = async (query: string) => ((await api(`/meetings?${query}`)).body.meetings as ListedMeeting[]).map((m) => m.meetingId).sort();

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0, env: { AFTERCALL_WEB_URL: WEB_URL, AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS: 'true' } });
    receiver = await WebhookReceiver.start();
    const { stack } = fixture;
    const subscriptions = testApi({ blobs: stack.deps.blobs, deliveries: stack.deliveries, clock: stack.deps.clock, receivers: stack.plane.receivers });
    const created = await subscriptions.request('/api/subscriptions', { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': fixture.tenantId }, body: JSON.stringify({ url: receiver.url }) });
    receiver.secret = ((await created.json()) as { subscription: { secret: string } }).subscription.secret;
    key = await fixture.apiKey({ role: 'member' });
    s3 = createS3Client({ region: 'us-east-1', endpoint: stack.s3.endpoint, credentials: stack.s3.credentials });

    // Prepare: one recording titled by its uploader's metadata (as LiveKit egress's S3 upload can set), one with none.
    const put = async (recordingKey: string, sample: string, metadata?: Record<string, string>) => {
      await stack.deps.blobs.put(recordingKey.replace(/\.ogg$/, '.vtt'), await sampleBytes(`recordings/${sample}.vtt`), 'text/vtt');
      await s3.send(new PutObjectCommand({ Bucket: stack.config.AFTERCALL_BUCKET, Key: recordingKey, Body: await sampleBytes(`recordings/${sample}.ogg`), ContentType: 'audio/ogg', ...(metadata === undefined ? {} : { Metadata: metadata }) }));
    };
    await put('calls/2026-11-02/rec-8812.ogg', 'standup-is1008b', { title: 'Weekly sync', room: 'weekly-sync' });
    await put('calls/2026-11-03/rec-8813.ogg', 'kickoff-es2002a');
    expect((await fixture.waitFor(ids.weekly)).state).toBe('ready');
    expect((await fixture.waitFor(ids.kickoff)).state).toBe('ready');
  }, 120_000);

  afterAll(async () => {
    s3?.destroy();
    await receiver?.close();
    await fixture?.close();
  });

  it('names each meeting from its metadata, else its first chapter, never its file name, with length, participants, talk time and summary preview', async () => {
    const { status, body } = await api('/meetings');
    expect(status).toBe(200);
    const meetings = body.meetings as ListedMeeting[];
    const weekly = meetings.find((m) => m.meetingId === ids.weekly);
    const kickoff = meetings.find((m) => m.meetingId === ids.kickoff);
    expect(weekly).toMatchObject({ title: 'Weekly sync', titleSource: 'metadata', room: 'weekly-sync', url: `${WEB_URL}/#/meetings/${ids.weekly}` });
    expect(kickoff?.titleSource).toBe('chapter');
    expect(kickoff?.title).not.toMatch(/rec-8813/);
    for (const meeting of [weekly, kickoff]) {
      expect(meeting?.durationMs).toBeGreaterThan(60_000);
      expect(meeting?.participants.length).toBeGreaterThan(1);
      // Talk time: one entry per participant, most first, shares summing to one.
      expect(meeting?.talkTime.map((t) => t.speaker)).toEqual(meeting?.participants);
      expect(meeting?.talkTime.reduce((sum, t) => sum + t.share, 0)).toBeCloseTo(1, 6);
      expect(meeting?.summaryPreview?.length).toBeGreaterThan(20);
      expect(meeting?.summaryPreview?.length).toBeLessThanOrEqual(221);
    }
    const one = await api(`/meetings/${ids.weekly}`);
    expect(one.body.meeting).toMatchObject({ title: 'Weekly sync', url: `${WEB_URL}/#/meetings/${ids.weekly}`, talkTime: weekly?.talkTime, progress: null });
  });

  it('filters the list by text, room, participant and date on the server, and refuses a bad filter', async () => {
    const weekly = (await api(`/meetings/${ids.weekly}`)).body.meeting as ListedMeeting;
    expect(await listed('q=weekly%20SYNC')).toEqual([ids.weekly]);
    expect(await listed('room=weekly-sync')).toEqual([ids.weekly]);
    expect(await listed(`participant=${encodeURIComponent(weekly.participants[0] ?? '')}`)).toContain(ids.weekly);
    expect(await listed('q=nothing-like-this')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await listed(`from=${today}&to=${today}`)).toEqual([ids.weekly, ids.kickoff].sort());
    expect(await listed('to=2001-01-01')).toEqual([]);
    expect((await api('/meetings?from=yesterday')).status).toBe(400);
    expect((await api('/meetings?title=x')).status).toBe(400);
  });

  it('links action items to their moment with absolute URLs', async () => {
    const { body } = await api('/action-items');
    const items = body.actionItems as { meetingId: string; startMs: number; link: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.link).toBe(`${WEB_URL}/#/meetings/${item.meetingId}?t=${item.startMs}`);
  });

  it('sends the CRM event with the meeting title and absolute links to the meeting and each moment', async () => {
    await fixture.stack.deliveryWorker.runOnce();
    expect(receiver.rejected).toEqual([]);
    const event = receiver.requests.map((r) => r.payload as { type: string; data: { meetingId: string; title: string; meetingUrl: string; actionItems: { startMs: number; link: string }[] } }).find((p) => p.type === 'action_items.published' && p.data.meetingId === ids.weekly);
    expect(event?.data.title).toBe('Weekly sync');
    expect(event?.data.meetingUrl).toBe(`${WEB_URL}/#/meetings/${ids.weekly}`);
    expect(event?.data.actionItems.length).toBeGreaterThan(0);
    for (const item of event?.data.actionItems ?? []) expect(item.link).toBe(`${WEB_URL}/#/meetings/${ids.weekly}?t=${item.startMs}`);
  });

  it("redirects the app-relative links of older events to the meeting's page", async () => {
    const response = await fetch(`${fixture.stack.httpUrl}/meetings/${ids.weekly}?t=5000`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/#/meetings/${ids.weekly}?t=5000`);
    expect((await fetch(`${fixture.stack.httpUrl}/meetings/not-an-id`, { redirect: 'manual' })).status).toBe(404);
  });
});
