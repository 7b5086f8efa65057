import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIO_URL_KEY_KEY } from '../../../lib/domain/auth/audioUrlKey.js';
import { signAudioParams } from '../../../lib/domain/auth/audioUrlSignature.js';
import { MAX_OPEN_RANGE_BYTES } from '../../../lib/app/http/audioResponse.js';
import { createHttpApp } from '../../../lib/app/http/createHttpApp.js';
import { deriveMeetingId } from '../../../lib/domain/meetings/meetingId.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

/** Signed audio URLs: issued to a key holder, then usable by an <audio src> with no key at all. */
describe('signed audio URLs', () => {
  let fixture: StackFixture;
  let base: string;
  let audio: Buffer;
  let kickoff: string;
  let standup: string;
  let acmeMeeting: string;
  let demoKey: string;
  let acmeKey: string;

  const issue = async (meetingId: string, key = demoKey) => {
    const response = await fetch(`${base}/api/meetings/${meetingId}/audio-url`, { headers: { Authorization: `Bearer ${key}` } });
    return { status: response.status, body: (await response.json()) as { url: string; expiresAt: string; error?: { message: string } } };
  };
  /** Fetched as a browser's media element would: no Authorization header. */
  const play = async (url: string, range?: string) => {
    const response = await fetch(`${base}${url}`, range === undefined ? {} : { headers: { Range: range } });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, message: () => (JSON.parse(bytes.toString('utf8')) as { error: { message: string } }).error.message };
  };
  const withParam = (url: string, name: string, value: string) => {
    const parsed = new URL(url, base);
    parsed.searchParams.set(name, value);
    return `${parsed.pathname}${parsed.search}`;
  };

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    base = fixture.stack.httpUrl ?? '';
    audio = await sampleBytes('recordings/kickoff-es2002a.ogg');
    const vtt = await sampleBytes('recordings/kickoff-es2002a.vtt');
    kickoff = (await fixture.process('recordings/kickoff.ogg', audio, { ext: 'vtt', text: vtt })).meetingId;
    standup = (await fixture.process('recordings/standup.ogg', audio, { ext: 'vtt', text: vtt })).meetingId;
    // Under tenants/acme/: acme's meeting (the fixture's process() waits for the default tenant's).
    await fixture.stack.deps.blobs.put('tenants/acme/recordings/kickoff.vtt', vtt, 'text/vtt');
    await fixture.stack.deps.blobs.put('tenants/acme/recordings/kickoff.ogg', audio, 'audio/ogg');
    acmeMeeting = deriveMeetingId('acme', 'tenants/acme/recordings/kickoff.ogg');
    for (let attempt = 0; attempt < 200 && (await fixture.stack.runner.executionsOf(acmeMeeting)).length === 0; attempt += 1) await new Promise((done) => setTimeout(done, 25));
    await Promise.all((await fixture.stack.runner.executionsOf(acmeMeeting)).map((name) => fixture.stack.runner.wait(name)));
    demoKey = await fixture.apiKey({ role: 'member' });
    acmeKey = await fixture.apiKey({ tenantId: 'acme', role: 'member' });
  }, 120_000);
  afterAll(() => fixture?.close());

  it('issues a 15-minute URL that holds no key and streams the recording by ranges', async () => {
    const { status, body } = await issue(kickoff);
    expect(status).toBe(200);
    expect(body.url).toMatch(new RegExp(`^/api/meetings/${kickoff}/audio\\?tenant=demo&expires=\\d+&sig=[\\w-]{43}$`));
    expect(body.url).not.toContain(demoKey.split('_').slice(2).join('_'));
    const minutes = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    const part = await play(body.url, 'bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${audio.length}`);
    expect(part.headers.get('content-type')).toBe('audio/ogg');
    expect(part.bytes.equals(audio.subarray(100, 200))).toBe(true);
    const whole = await play(body.url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.bytes.length).toBe(audio.length);
  });

  it('answers an open-ended range of a long recording a piece at a time, so a player streams it', async () => {
    // Not audio at all, so intake fails; the recording is still the meeting's, and playable bytes.
    const long = Buffer.alloc(MAX_OPEN_RANGE_BYTES + 1_000_000, 7);
    const failed = await fixture.process('recordings/long.ogg', long);
    const { body } = await issue(failed.meetingId);
    const first = await play(body.url, 'bytes=0-');
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-${MAX_OPEN_RANGE_BYTES - 1}/${long.length}`);
    expect(first.bytes.length).toBe(MAX_OPEN_RANGE_BYTES);
    const rest = await play(body.url, `bytes=${MAX_OPEN_RANGE_BYTES}-`);
    expect(rest.headers.get('content-range')).toBe(`bytes ${MAX_OPEN_RANGE_BYTES}-${long.length - 1}/${long.length}`);
  });

  it('still serves the recording to a key in the Authorization header, and nothing to no key at all', async () => {
    const response = await fetch(`${base}/api/meetings/${kickoff}/audio`, { headers: { Authorization: `Bearer ${demoKey}`, Range: 'bytes=0-9' } });
    expect(response.status).toBe(206);
    expect((await play(`/api/meetings/${kickoff}/audio`)).status).toBe(401);
  });

  it('refuses an expired URL with 403 and says so', async () => {
    const secret = (await fixture.stack.deps.blobs.getText(AUDIO_URL_KEY_KEY))?.trim() ?? '';
    const { expiresAt: _, ...old } = signAudioParams(secret, 'demo', kickoff, new Date(Date.now() - 16 * 60_000));
    const response = await play(`/api/meetings/${kickoff}/audio?${new URLSearchParams(old).toString()}`, 'bytes=0-9');
    expect(response.status).toBe(403);
    expect(response.message()).toMatch(/expired audio link/);
  });

  it.each([
    ['an altered signature', (url: string) => withParam(url, 'sig', `${new URL(url, 'http://x').searchParams.get('sig')!.slice(0, -2)}AA`)],
    ['a later expiry', (url: string) => withParam(url, 'expires', String(Math.floor(Date.now() / 1000) + 86_400))],
    ['another tenant', (url: string) => withParam(url, 'tenant', 'acme')],
    ['another meeting', (url: string) => url.replace(kickoff, standup)],
  ])('refuses a URL with %s with 403 and a clear JSON message', async (_, alter) => {
    const { body } = await issue(kickoff);
    const response = await play(alter(body.url), 'bytes=0-9');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.message()).toMatch(/invalid audio link: its signature does not match this meeting/);
  });

  it("never plays another tenant's meeting: a URL issued to acme does not open demo's, nor acme's with demo's name", async () => {
    const { body } = await issue(acmeMeeting, acmeKey);
    expect((await play(body.url, 'bytes=0-9')).status).toBe(206);
    expect((await play(body.url.replace(acmeMeeting, kickoff), 'bytes=0-9')).status).toBe(403);
    expect((await play(withParam(body.url, 'tenant', 'demo'), 'bytes=0-9')).status).toBe(403);
    // And a key is never issued a URL for another tenant's meeting.
    expect((await issue(acmeMeeting)).status).toBe(404);
  });

  it('refuses an incomplete signed URL with 403', async () => {
    const response = await play(`/api/meetings/${kickoff}/audio?sig=abc`);
    expect(response.status).toBe(403);
    expect(response.message()).toMatch(/needs tenant, expires and sig/);
  });

  it('describes the audio-url route in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/meetings/{id}/audio-url');
  });

  it('signs with the configured secret (AFTERCALL_AUDIO_URL_SECRET) when there is one, not the key kept in the bucket', async () => {
    const secret = 'a-configured-audio-url-secret-of-40-chars';
    const app = createHttpApp(fixture.stack.plane, { audioUrlSecret: secret });
    const urlSignedWith = (key: string) => {
      const { tenant, expires, sig } = signAudioParams(key, 'demo', kickoff, new Date());
      return `/api/meetings/${kickoff}/audio?${new URLSearchParams({ tenant, expires, sig }).toString()}`;
    };
    expect((await app.request(urlSignedWith(secret), { headers: { Range: 'bytes=0-9' } })).status).toBe(206);
    expect((await app.request(urlSignedWith('some-other-secret-that-is-long-enough-too'))).status).toBe(403);
    const issued = (await (await app.request(`/api/meetings/${kickoff}/audio-url`, { headers: { Authorization: `Bearer ${demoKey}` } })).json()) as { url: string };
    expect((await app.request(issued.url, { headers: { Range: 'bytes=0-9' } })).status).toBe(206);
    expect((await play(issued.url, 'bytes=0-9')).status).toBe(403);
  });
});
