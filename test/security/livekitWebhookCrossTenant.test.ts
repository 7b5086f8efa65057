import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedEgressEndedWebhook } from '../../lib/adapters/livekit/signedEgressEndedWebhook.js';
import { silentWav } from '../../lib/bench/silentWav.js';
import { CliInputError, processRecording } from '../../lib/cli/processRecording.js';
import { TenantMismatchError } from '../../lib/domain/intake/recordingTenant.js';
import { startMeeting } from '../../lib/domain/intake/startMeeting.js';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { catalogKey, resultPrefixFor } from '../../lib/domain/meetings/resultKeys.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { makeTempDir } from '../support/tempDir.js';

// Two LiveKit projects: the default tenant's ("demo") and alpha's, each with its own key pair.
const DEFAULT_PAIR = { apiKey: 'APIdefault', apiSecret: 'default-secret-long-enough-to-sign-0001' };
const ALPHA_PAIR = { apiKey: 'APIalpha', apiSecret: 'alpha-secret-long-enough-to-sign-00000002' };
const ALPHA_KEY = 'tenants/alpha/calls/board.ogg';

describe('attack: a LiveKit webhook names a recording of another tenant', () => {
  let fixture: StackFixture;
  let alphaMeeting: string;
  let demoAdmin: string;
  let alphaAdmin: string;

  const api = (path: string, key: string, init: RequestInit = {}) =>
    fetch(`${fixture.stack.httpUrl}/api${path}`, { ...init, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' } });
  const webhook = (body: string, authorization: string) =>
    fetch(`${fixture.stack.httpUrl}/webhooks/livekit`, { method: 'POST', headers: { 'Content-Type': 'application/webhook+json', Authorization: authorization }, body });
  const egressEnded = (pair: typeof DEFAULT_PAIR, key: string) =>
    signedEgressEndedWebhook({ ...pair, bucket: fixture.stack.config.AFTERCALL_BUCKET, key, roomName: 'board' });
  /** Any body, signed as LiveKit signs (sha256 claim over the raw bytes). */
  const signed = async (pair: typeof DEFAULT_PAIR, body: string) => {
    const token = new AccessToken(pair.apiKey, pair.apiSecret);
    token.sha256 = createHash('sha256').update(body).digest('base64');
    return { body, authorization: await token.toJwt() };
  };
  /** What alpha's admin sees of alpha's meeting: must not change whatever the attacks do. */
  const alphaView = async () => {
    const response = await api(`/meetings/${alphaMeeting}`, alphaAdmin);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { meeting: { state: string; manifest: unknown } };
    return { state: body.meeting.state, manifest: body.meeting.manifest, results: (await fixture.stack.deps.blobs.list(resultPrefixFor(ALPHA_KEY))).sort() };
  };

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      env: { LIVEKIT_API_KEY: DEFAULT_PAIR.apiKey, LIVEKIT_API_SECRET: DEFAULT_PAIR.apiSecret, LIVEKIT_TENANT_KEYS: JSON.stringify({ alpha: ALPHA_PAIR }) },
    });
    const vtt = (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8');
    const meeting = await fixture.process(ALPHA_KEY, await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: vtt });
    alphaMeeting = meeting.meetingId;
    expect(meeting.state).toBe('ready');
    demoAdmin = await fixture.apiKey();
    alphaAdmin = await fixture.apiKey({ tenantId: 'alpha' });
  });
  afterAll(() => fixture.close());

  it("refuses a webhook signed with the default tenant's key for alpha's recording: the default tenant gets no meeting, audio or transcript of it", async () => {
    const before = await alphaView();
    const attack = await egressEnded(DEFAULT_PAIR, ALPHA_KEY);
    const response = await webhook(attack.body, attack.authorization);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('belongs to tenant alpha');

    const crossed = deriveMeetingId(fixture.tenantId, ALPHA_KEY);
    expect(await fixture.stack.runner.describe(crossed)).toBeNull();
    expect(await fixture.stack.deps.blobs.head(catalogKey(fixture.tenantId, crossed))).toBeNull();
    const listed = (await (await api('/meetings', demoAdmin)).json()) as { meetings: { recordingKey: string }[] };
    expect(listed.meetings.map((m) => m.recordingKey)).not.toContain(ALPHA_KEY);
    for (const path of [`/meetings/${crossed}`, `/meetings/${crossed}/audio`, `/meetings/${crossed}/transcript`]) expect((await api(path, demoAdmin)).status).toBe(404);
    expect((await api(`/meetings/${crossed}`, demoAdmin, { method: 'DELETE' })).status).toBe(404);
    expect(await alphaView()).toEqual(before);
  });

  it("lets alpha's own key announce alpha's recording (the same meeting), and refuses it for the default tenant's or another tenant's keys", async () => {
    const own = await egressEnded(ALPHA_PAIR, ALPHA_KEY);
    const ok = await webhook(own.body, own.authorization);
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ meetings: [{ meetingId: alphaMeeting, alreadyStarted: true }] });

    await fixture.stack.deps.blobs.put('tenants/beta/calls/x.ogg', silentWav(1), 'audio/wav');
    for (const key of ['calls/demo-only.ogg', 'tenants/beta/calls/x.ogg', 'tenants/demo/calls/y.ogg']) {
      const attack = await egressEnded(ALPHA_PAIR, key);
      expect((await webhook(attack.body, attack.authorization)).status).toBe(403);
      expect(await fixture.stack.runner.describe(deriveMeetingId('alpha', key))).toBeNull();
    }
  });

  it('refuses a whole egress whose files span two tenants, starting none of them', async () => {
    const ownKey = 'tenants/alpha/calls/mixed.ogg';
    const body = JSON.stringify({
      event: 'egress_ended',
      egressInfo: {
        egressId: 'EG_mixed',
        roomName: 'board',
        status: 'EGRESS_COMPLETE',
        fileResults: [ownKey, 'calls/victim.ogg'].map((key) => ({ filename: key, location: `s3://${fixture.stack.config.AFTERCALL_BUCKET}/${key}` })),
      },
    });
    const attack = await signed(ALPHA_PAIR, body);
    expect((await webhook(attack.body, attack.authorization)).status).toBe(403);
    for (const [tenant, key] of [['alpha', ownKey], ['alpha', 'calls/victim.ogg'], [fixture.tenantId, 'calls/victim.ogg']] as const) {
      expect(await fixture.stack.runner.describe(deriveMeetingId(tenant, key))).toBeNull();
    }
  });

  it("looks for a finished room's tracks only under the signing tenant's prefix", async () => {
    // The default tenant's room was recorded as tracks; alpha announces a room of the same name and sid.
    const folder = 'rooms/standup/RM_victim/tracks/';
    await fixture.stack.deps.blobs.put(`${folder}laura-TR_1.ogg`, silentWav(1), 'audio/wav');
    const attack = await signed(ALPHA_PAIR, JSON.stringify({ event: 'room_finished', room: { sid: 'RM_victim', name: 'standup' } }));
    const response = await webhook(attack.body, attack.authorization);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ignored: 'room has no participant tracks under tenants/alpha/rooms/standup/RM_victim/tracks/' });
    expect(await fixture.stack.runner.describe(deriveMeetingId('alpha', folder))).toBeNull();
  });

  it('gives no access through a catalog entry the earlier bug filed under the wrong tenant', async () => {
    const before = await alphaView();
    // What the old intake wrote: alpha's recording in the default tenant's catalog, pointing at alpha's results.
    const crossed = deriveMeetingId(fixture.tenantId, ALPHA_KEY);
    const entry = { schemaVersion: 1, tenantId: fixture.tenantId, meetingId: crossed, recordingKey: ALPHA_KEY, resultPrefix: resultPrefixFor(ALPHA_KEY), title: 'board', recordedAt: '2026-11-01T00:00:00.000Z', createdAt: '2026-11-01T00:00:00.000Z' };
    await fixture.stack.deps.blobs.put(catalogKey(fixture.tenantId, crossed), JSON.stringify(entry), 'application/json');

    const listed = (await (await api('/meetings', demoAdmin)).json()) as { meetings: { meetingId: string }[] };
    expect(listed.meetings.map((m) => m.meetingId)).not.toContain(crossed);
    for (const path of [`/meetings/${crossed}`, `/meetings/${crossed}/audio`, `/meetings/${crossed}/transcript`, `/meetings/${crossed}/audio-url`]) {
      expect((await api(path, demoAdmin)).status).toBe(404);
    }
    expect((await api(`/meetings/${crossed}/reprocess`, demoAdmin, { method: 'POST', body: JSON.stringify({ from: 'transcribe' }) })).status).toBe(404);
    expect((await api(`/meetings/${crossed}`, demoAdmin, { method: 'DELETE' })).status).toBe(404);
    expect(await alphaView()).toEqual(before);
  });

  it('holds on the other intake paths: S3 event, CLI, and any direct start', async () => {
    // S3: alpha's recording was filed under alpha only (beforeAll put it through the bucket).
    expect(await fixture.stack.runner.describe(deriveMeetingId(fixture.tenantId, ALPHA_KEY))).toBeNull();

    const dir = await makeTempDir();
    try {
      const file = join(dir.path, 'plan.wav');
      await writeFile(file, silentWav(1));
      await expect(processRecording(fixture.stack, { recordingPath: file, key: 'tenants/alpha/calls/plan.wav', tenantId: fixture.tenantId })).rejects.toThrow(CliInputError);
      await expect(processRecording(fixture.stack, { recordingPath: file, key: 'calls/plan.wav', tenantId: 'alpha' })).rejects.toThrow(CliInputError);
      expect(await fixture.stack.deps.blobs.head('tenants/alpha/calls/plan.wav')).toBeNull();
      // --tenant alone puts the recording in the tenant's folder, where the rule gives it to that tenant.
      const started = await processRecording(fixture.stack, { recordingPath: file, tenantId: 'alpha' });
      expect(started).toMatchObject({ tenantId: 'alpha', meetingId: deriveMeetingId('alpha', 'tenants/alpha/recordings/plan.wav') });
      await fixture.waitFor(started.meetingId, started.executionName, 'alpha');
    } finally {
      await dir.remove();
    }

    const event = { tenantId: fixture.tenantId, recordingKey: ALPHA_KEY, recordedAt: new Date().toISOString(), trigger: 'api' as const };
    await expect(startMeeting(fixture.stack.plane, event)).rejects.toThrow(TenantMismatchError);
  });
});
