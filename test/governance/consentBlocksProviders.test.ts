import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lib/adapters/s3/createS3Client.js';
import { signedEgressEndedWebhook } from '../../lib/adapters/livekit/signedEgressEndedWebhook.js';
import { silentWav } from '../../lib/bench/silentWav.js';
import { consentKey } from '../../lib/domain/consent/consentRecord.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { resultPrefixFor, tenantSettingsKey } from '../../lib/domain/meetings/resultKeys.js';
import { getMeeting } from '../../lib/domain/meetings/meetingView.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { startProviderFakes, type Fakes as ProviderFakes } from '../support/fakes/providerFakes.js';

// The LiveKit dev-server pair the local stack accepts by default.
async function livekitSigned(body: string): Promise<string> {
  const token = new AccessToken('devkey', 'secret');
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

describe('a tenant that requires consent', () => {
  let fakes: ProviderFakes;
  let fixture: StackFixture;
  let s3: S3Client;
  let admin: string;
  let member: string;
  const namespace = () => `tenant-${fixture.tenantId}`;
  const providerRequests = () => fakes.deepgram.requests.length + fakes.openai.requests.length;
  const api = (path: string, key: string, init: RequestInit = {}) =>
    fetch(`${fixture.stack.httpUrl}/api${path}`, { ...init, headers: { Authorization: `Bearer ${key}`, ...init.headers } });
  /** A PUT through the S3 API, as a customer or LiveKit egress uploads: user metadata travels as x-amz-meta-* headers. */
  const upload = (key: string, metadata: Record<string, string> = {}) =>
    s3.send(new PutObjectCommand({ Bucket: fixture.stack.config.AFTERCALL_BUCKET, Key: key, Body: silentWav(2), ContentType: 'audio/wav', Metadata: metadata }));
  /** The meeting as the catalog lists it once the bucket's event for it has been handled. */
  const listedState = async (key: string) => {
    const meetingId = deriveMeetingId(fixture.tenantId, key);
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const meeting = await getMeeting(fixture.stack.deps.blobs, fixture.tenantId, meetingId);
      if (meeting !== null) return meeting.state;
      await new Promise((done) => setTimeout(done, 25));
    }
    return null;
  };

  beforeAll(async () => {
    fakes = await startProviderFakes();
    fixture = await startStackFixture({ http: true, port: 0, env: fakes.env });
    s3 = createS3Client({ region: 'us-east-1', endpoint: fixture.stack.s3.endpoint, credentials: fixture.stack.s3.credentials });
    await fixture.stack.deps.blobs.put(tenantSettingsKey(fixture.tenantId), JSON.stringify({ schemaVersion: 1, requireConsent: true }), 'application/json');
    admin = await fixture.apiKey();
    member = await fixture.apiKey({ role: 'member' });
  });
  afterAll(async () => {
    s3.destroy();
    await fixture.close();
    await fakes.close();
  });

  it('holds a recording uploaded without consent: no provider is called, nothing is indexed, until an admin records consent', async () => {
    const key = 'calls/no-consent.wav';
    const meetingId = deriveMeetingId(fixture.tenantId, key);
    await upload(key);
    expect(await listedState(key)).toBe('awaiting_consent');
    // Give a wrongly started run every chance to reach a provider.
    await new Promise((done) => setTimeout(done, 500));

    expect(await fixture.stack.runner.executionsOf(meetingId)).toEqual([]);
    expect(providerRequests()).toBe(0);
    expect(fakes.pinecone.requests).toEqual([]);
    expect(fakes.pinecone.vectors(namespace())).toEqual([]);
    expect(await fixture.stack.deps.blobs.list(resultPrefixFor(key))).toEqual([]);

    const listed = (await (await api('/meetings', member)).json()) as { meetings: { meetingId: string; state: string }[] };
    expect(listed.meetings.find((m) => m.meetingId === meetingId)?.state).toBe('awaiting_consent');
    // Nothing else starts it either: a rerun is refused while consent is missing.
    const rerun = await api(`/meetings/${meetingId}/reprocess`, admin, { method: 'POST' });
    expect(rerun.status).toBe(409);
    expect(await fixture.stack.runner.executionsOf(meetingId)).toEqual([]);
    // Recording consent is an admin's act.
    expect((await api(`/meetings/${meetingId}/consent`, member, { method: 'POST' })).status).toBe(403);
    expect(providerRequests()).toBe(0);

    const granted = await api(`/meetings/${meetingId}/consent`, admin, { method: 'POST' });
    expect(granted.status).toBe(200);
    const body = (await granted.json()) as { runId: string | null; consent: { source: string; recordedBy: string } };
    expect(body.consent.source).toBe('api');
    expect(admin).toContain(body.consent.recordedBy);
    expect(body.runId).not.toBeNull();
    const audit = await fixture.stack.deps.audit.read(fixture.tenantId, { action: 'consent.record', limit: 10 });
    expect(audit.entries.map((e) => [e.target.id, e.actor.type])).toEqual([[meetingId, 'apiKey']]);

    const meeting = await fixture.waitFor(meetingId);
    expect(meeting.state).toBe('ready');
    expect(fakes.deepgram.requests.length).toBeGreaterThan(0);
    expect(fakes.pinecone.vectors(namespace()).filter((v) => v.metadata?.meetingId === meetingId).length).toBe(meeting.manifest?.counts.indexedDocuments);
    // Asked again, consent is already there and nothing more starts.
    const again = (await (await api(`/meetings/${meetingId}/consent`, admin, { method: 'POST' })).json()) as { runId: string | null };
    expect(again.runId).toBeNull();
  });

  it('runs at once a recording whose upload carries x-amz-meta-aftercall-consent: granted', async () => {
    const key = 'calls/with-consent.wav';
    const before = fakes.deepgram.requests.length;
    await upload(key, { 'aftercall-consent': 'granted' });
    const meeting = await fixture.waitFor(deriveMeetingId(fixture.tenantId, key));
    expect(meeting.state).toBe('ready');
    expect(fakes.deepgram.requests.length).toBe(before + 1);
    const record = JSON.parse((await fixture.stack.deps.blobs.getText(consentKey(fixture.tenantId, meeting.meetingId))) ?? 'null') as { source: string };
    expect(record.source).toBe('recording-metadata');
  });

  it('holds a recording announced by a signed LiveKit egress_ended webhook without consent metadata', async () => {
    const key = 'rooms/egress-no-consent.wav';
    await upload(key, { 'aftercall-consent': 'no' });
    const before = providerRequests();
    const webhook = await signedEgressEndedWebhook({ apiKey: 'devkey', apiSecret: 'secret', bucket: fixture.stack.config.AFTERCALL_BUCKET, key, roomName: 'weekly' });
    const response = await fetch(`${fixture.stack.httpUrl}/webhooks/livekit`, { method: 'POST', headers: { Authorization: webhook.authorization }, body: webhook.body });
    expect(response.status).toBe(202);
    const meetingId = deriveMeetingId(fixture.tenantId, key);
    expect(await response.json()).toEqual({ meetings: [{ meetingId, alreadyStarted: false, awaitingConsent: true }] });
    expect(await listedState(key)).toBe('awaiting_consent');
    expect(await fixture.stack.runner.executionsOf(meetingId)).toEqual([]);
    expect(providerRequests()).toBe(before);
  });

  it("starts a track-egress room whose signed room_finished webhook carries consent in the room's metadata", async () => {
    const folder = 'rooms/standup/RM_consent1/tracks/';
    for (const identity of ['laura', 'david']) await upload(`${folder}${identity}-TR_${identity}1.wav`);
    const unconsented = JSON.stringify({ event: 'room_finished', id: 'EV_c0', room: { sid: 'RM_consent1', name: 'standup', metadata: '{"topic":"standup"}' } });
    const held = await fetch(`${fixture.stack.httpUrl}/webhooks/livekit`, { method: 'POST', headers: { Authorization: await livekitSigned(unconsented) }, body: unconsented });
    const meetingId = deriveMeetingId(fixture.tenantId, folder);
    expect(await held.json()).toEqual({ meetings: [{ meetingId, alreadyStarted: false, awaitingConsent: true }] });
    expect(await fixture.stack.runner.executionsOf(meetingId)).toEqual([]);

    const consented = JSON.stringify({ event: 'room_finished', id: 'EV_c1', room: { sid: 'RM_consent1', name: 'standup', metadata: '{"aftercallConsent":"granted"}' } });
    const response = await fetch(`${fixture.stack.httpUrl}/webhooks/livekit`, { method: 'POST', headers: { Authorization: await livekitSigned(consented) }, body: consented });
    expect(await response.json()).toEqual({ meetings: [{ meetingId, alreadyStarted: false }] });
    const meeting = await fixture.waitFor(meetingId);
    expect(meeting.state).toBe('ready');
    const record = JSON.parse((await fixture.stack.deps.blobs.getText(consentKey(fixture.tenantId, meetingId))) ?? 'null') as { source: string };
    expect(record.source).toBe('livekit-room-metadata');
  });

  it('forgets a waiting meeting whose recording was deleted before consent came', async () => {
    const key = 'calls/deleted-while-waiting.wav';
    await upload(key);
    expect(await listedState(key)).toBe('awaiting_consent');
    await fixture.stack.deps.blobs.delete([key]);
    const meetingId = deriveMeetingId(fixture.tenantId, key);
    const response = await api(`/meetings/${meetingId}/consent`, admin, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await getMeeting(fixture.stack.deps.blobs, fixture.tenantId, meetingId)).toBeNull();
    expect(await fixture.stack.runner.executionsOf(meetingId)).toEqual([]);
  });
});
