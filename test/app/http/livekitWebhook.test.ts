import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedEgressEndedWebhook } from '../../../lib/adapters/livekit/signedEgressEndedWebhook.js';
import { deriveMeetingId } from '../../../lib/domain/meetings/meetingId.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

const KEY = 'lk-test-key';
const SECRET = 'lk-test-secret-that-is-long-enough';

describe('POST /webhooks/livekit', () => {
  let fixture: StackFixture;
  let url: string;
  const post = (body: string, authorization?: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/webhook+json', ...(authorization === undefined ? {} : { Authorization: authorization }) },
      body,
    });
  const webhookFor = (key: string, secret = SECRET) =>
    signedEgressEndedWebhook({ apiKey: KEY, apiSecret: secret, bucket: fixture.stack.config.AFTERCALL_BUCKET, key, roomName: 'weekly' });

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0, env: { LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET } });
    url = `${fixture.stack.httpUrl}/webhooks/livekit`;
    // Put the recording where egress would, keyed so that the bucket's own event does not start it first.
    await fixture.stack.deps.blobs.put('rooms/weekly.vtt', await sampleBytes('recordings/standup-is1008b.vtt'), 'text/vtt');
  });
  afterAll(() => fixture.close());

  it('rejects an unsigned webhook with 401 and starts nothing', async () => {
    const { body } = await webhookFor('rooms/unsigned.ogg');
    const response = await post(body);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { status: 401, message: expect.stringContaining('missing Authorization') } });
    expect(await fixture.stack.runner.executionsOf(deriveMeetingId(fixture.tenantId, 'rooms/unsigned.ogg'))).toEqual([]);
  });

  it('rejects a webhook signed with another secret, or whose body was changed after signing', async () => {
    const forged = await webhookFor('rooms/forged.ogg', 'some-other-secret-entirely-wrong');
    expect((await post(forged.body, forged.authorization)).status).toBe(401);
    const genuine = await webhookFor('rooms/tampered.ogg');
    const tampered = genuine.body.replace('rooms/tampered.ogg', 'rooms/evil.ogg');
    expect((await post(tampered, genuine.authorization)).status).toBe(401);
    expect(await fixture.stack.runner.executionsOf(deriveMeetingId(fixture.tenantId, 'rooms/evil.ogg'))).toEqual([]);
  });

  it('answers malformed JSON with 400, even when signed', async () => {
    const signed = await signedBodyOf('{"event": "egress_ended", ');
    const response = await post(signed.body, signed.authorization);
    expect(response.status).toBe(400);
    expect((await response.json()) as unknown).toEqual({ error: { status: 400, message: 'webhook body is not valid JSON' } });
  });

  it('starts the workflow for a completed egress, once, however often it is delivered', async () => {
    const { body, authorization } = await webhookFor('rooms/weekly.ogg');
    const meetingId = deriveMeetingId(fixture.tenantId, 'rooms/weekly.ogg');
    // The webhook can arrive before the bucket event; the recording must be there when intake looks.
    await fixture.stack.deps.blobs.put('rooms/weekly.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), 'audio/ogg');
    const first = await post(body, authorization);
    expect(first.status).toBe(202);
    const second = await post(body, authorization);
    expect(second.status).toBe(202);
    expect(await second.json()).toEqual({ meetings: [{ meetingId, alreadyStarted: true }] });
    expect((await fixture.waitFor(meetingId)).state).toBe('ready');
  });

  it('acknowledges events that finish no recording without starting anything', async () => {
    const signed = await signedBodyOf(JSON.stringify({ event: 'participant_joined', room: { name: 'weekly' } }));
    const response = await post(signed.body, signed.authorization);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ignored: 'event "participant_joined" does not finish a recording' });
  });
});

/** Signs an arbitrary body the way LiveKit does (sha256 claim over the raw bytes). */
async function signedBodyOf(body: string): Promise<{ body: string; authorization: string }> {
  const { AccessToken } = await import('livekit-server-sdk');
  const { createHash } = await import('node:crypto');
  const token = new AccessToken(KEY, SECRET);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await token.toJwt() };
}
