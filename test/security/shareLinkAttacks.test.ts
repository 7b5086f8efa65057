import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_LINKS_PREFIX } from '../../lib/domain/share/shareLinkSchema.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { readRecorder, type RecordedRead } from '../support/readRecorder.js';

const DAY_MS = 86_400_000;
const REFUSED = { error: { status: 401, message: 'this share link does not open anything: it is invalid, expired or revoked' } };
const TOKEN_RECORD = /^_aftercall\/share-links\/tokens\/[0-9a-f]{16}\/[0-9a-f]{64}\.json$/;

interface Created {
  token: string;
  path: string;
  link: { linkId: string; meetingId: string; expiresAt: string; revokedAt: string | null; createdBy: string };
}

/**
 * Attacks on share links (a read-only link to one meeting, for someone without a key), through
 * the HTTP API of the local stack: an expired or revoked link, a link to meeting A used on meeting
 * B or on any other route, tampered and guessed tokens, another tenant's admin, a token where logs
 * keep it, and what the store's calls tell a guesser. Each must fail; the link itself must work,
 * so the refusals are not a link that never opened anything.
 */
describe('share link attacks through the HTTP API', () => {
  let fixture: StackFixture;
  let base: string;
  let recorder: ReturnType<typeof readRecorder>;
  let clockOffsetMs = 0;
  let failCatalogReads = false;
  const logged: string[] = [];
  let admin: string;
  let member: string;
  let otherAdmin: string;
  let meetingA: string;
  let meetingB: string;
  let meetingOther: string;

  const call = (path: string, token: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
  const share = async (meetingId: string, key = admin, body: unknown = { expiresInDays: 2 }) => {
    const response = await call(`/api/meetings/${meetingId}/share-links`, key, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Created };
  };
  const opens = async (token: string) => (await call('/api/shared/meeting', token)).status;

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      log: (message, error) => logged.push(`${message} ${String(error)} ${error instanceof Error ? (error.stack ?? '') : ''}`),
      depsOverrides: (built) => {
        recorder = readRecorder(built.blobs);
        const blobs = recorder.wrapped;
        // A catalog read that fails while `failCatalogReads` is set: what gets logged then.
        const faulty = { ...blobs, getText: (key: string) => (failCatalogReads && key.includes('/meetings/') ? Promise.reject(new Error('the store failed')) : blobs.getText(key)) };
        return { blobs: faulty, clock: () => new Date(Date.now() + clockOffsetMs) };
      },
    });
    base = fixture.stack.httpUrl ?? '';
    const sample = async (key: string, name: string) =>
      (await fixture.process(key, await sampleBytes(`recordings/${name}.ogg`), { ext: 'vtt', text: await sampleBytes(`recordings/${name}.vtt`) })).meetingId;
    meetingA = await sample('recordings/standup.ogg', 'standup-is1008b');
    meetingB = await sample('recordings/kickoff.ogg', 'kickoff-es2002a');
    meetingOther = await sample('tenants/acme/recordings/standup.ogg', 'standup-is1008b');
    admin = await fixture.apiKey();
    member = await fixture.apiKey({ role: 'member' });
    otherAdmin = await fixture.apiKey({ tenantId: 'acme' });
  }, 180_000);
  afterAll(() => fixture.close());

  it('opens its one meeting: the page, the transcript, the player and its captions, without a key', async () => {
    const { status, body } = await share(meetingA);
    expect(status).toBe(201);
    expect(body.token).toMatch(/^sl_[0-9a-f]{16}_[\w-]{43}$/);
    const detail = (await (await call('/api/shared/meeting', body.token)).json()) as { meeting: { meetingId: string }; share: { expiresAt: string } };
    expect(detail.meeting.meetingId).toBe(meetingA);
    expect(detail.share.expiresAt).toBe(body.link.expiresAt);
    const transcript = await call('/api/shared/transcript?format=vtt', body.token);
    expect(transcript.status).toBe(200);
    expect(await transcript.text()).toMatch(/^WEBVTT/);
    const { url } = (await (await call('/api/shared/audio-url', body.token)).json()) as { url: string };
    expect(url).toContain(`/api/meetings/${meetingA}/audio?`);
    const audio = await fetch(`${base}${url}`, { headers: { Range: 'bytes=0-99' } });
    expect(audio.status).toBe(206);
    // The token is stored hashed: no object holds it.
    const stored = await fixture.stack.deps.blobs.list(SHARE_LINKS_PREFIX);
    const contents = await Promise.all(stored.map((key) => fixture.stack.deps.blobs.getText(key)));
    expect(contents.join('\n')).not.toContain(body.token.split('_').slice(2).join('_'));
  });

  it('is made and revoked by admins only, and audited under its id, never its token', async () => {
    expect((await share(meetingA, member)).status).toBe(403);
    const { body } = await share(meetingA);
    const list = async (key: string) => (await call('/api/share-links', key)).json() as Promise<{ links: Created['link'][] }>;
    expect((await list(admin)).links.map((link) => link.linkId)).toContain(body.link.linkId);
    expect((await call('/api/share-links', member)).status).toBe(403);
    expect((await call(`/api/share-links/${body.link.linkId}`, member, { method: 'DELETE' })).status).toBe(403);
    expect(await opens(body.token)).toBe(200);
    const audit = (await (await call('/api/audit?action=shareLink.create', admin)).json()) as { entries: { target: { id: string }; details: Record<string, unknown> }[] };
    expect(audit.entries.map((entry) => entry.target.id)).toContain(body.link.linkId);
    expect(JSON.stringify(audit)).not.toContain(body.token.split('_').slice(2).join('_'));
  });

  it('refuses a revoked link at once', async () => {
    const { body } = await share(meetingA);
    expect(await opens(body.token)).toBe(200);
    const revoked = await call(`/api/share-links/${body.link.linkId}`, admin, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    for (const path of ['/api/shared/meeting', '/api/shared/transcript', '/api/shared/audio-url', '/api/shared/live-captions']) {
      const response = await call(path, body.token);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toEqual(REFUSED);
    }
    const listed = (await (await call('/api/share-links', admin)).json()) as { links: Created['link'][] };
    expect(listed.links.find((link) => link.linkId === body.link.linkId)?.revokedAt).not.toBeNull();
    const audit = (await (await call('/api/audit?action=shareLink.revoke', admin)).json()) as { entries: { target: { id: string } }[] };
    expect(audit.entries.map((entry) => entry.target.id)).toContain(body.link.linkId);
  });

  it('refuses an expired link', async () => {
    const { body } = await share(meetingA, admin, { expiresInDays: 1 });
    expect(await opens(body.token)).toBe(200);
    clockOffsetMs = DAY_MS + 1_000;
    try {
      expect(await opens(body.token)).toBe(401);
      expect(await (await call('/api/shared/transcript', body.token)).json()).toEqual(REFUSED);
    } finally {
      clockOffsetMs = 0;
    }
    expect(await opens(body.token)).toBe(200);
    // Nor can an admin make one that outlives the limit.
    expect((await share(meetingA, admin, { expiresInDays: 91 })).status).toBe(400);
    expect((await share(meetingA, admin, { expiresInDays: 0 })).status).toBe(400);
  });

  it('opens meeting A only: not meeting B, not the archive, not any route of an API key', async () => {
    const { body } = await share(meetingA);
    const { token } = body;
    // The shared routes take no meeting id: one given anyway changes nothing.
    const detail = (await (await call(`/api/shared/meeting?id=${meetingB}&meetingId=${meetingB}`, token)).json()) as { meeting: { meetingId: string } };
    expect(detail.meeting.meetingId).toBe(meetingA);
    const routes: [string, RequestInit?][] = [
      [`/api/meetings/${meetingB}`],
      [`/api/meetings/${meetingB}/transcript`],
      [`/api/meetings/${meetingB}/audio-url`],
      [`/api/meetings/${meetingA}`],
      [`/api/meetings/${meetingA}/transcript`],
      ['/api/meetings'],
      ['/api/action-items'],
      ['/api/search?q=remote+control'],
      ['/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'What was decided?' }) }],
      ['/api/share-links'],
      ['/api/audit'],
      [`/api/meetings/${meetingA}/share-links`, { method: 'POST' }],
      [`/api/share-links/${body.link.linkId}`, { method: 'DELETE' }],
      [`/api/meetings/${meetingA}/reprocess`, { method: 'POST' }],
      [`/api/meetings/${meetingA}`, { method: 'DELETE' }],
      ['/api/live/rooms'],
    ];
    for (const [path, init] of routes) expect((await call(path, token, init)).status, `${init?.method ?? 'GET'} ${path}`).toBe(401);
    // Still working: the refusals were not a dead link.
    expect(await opens(token)).toBe(200);
  });

  it('refuses tampered and guessed tokens, with one answer', async () => {
    const { body } = await share(meetingA);
    const [, linkId = '', secret = ''] = /^sl_([0-9a-f]{16})_(.+)$/.exec(body.token) ?? [];
    const { body: other } = await share(meetingB);
    const otherSecret = other.token.split('_').slice(2).join('_');
    const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    const guesses = [
      `sl_${linkId}_${flip(secret, 0)}`,
      `sl_${linkId}_${flip(secret, secret.length - 1)}`,
      `sl_${linkId}_${otherSecret}`,
      `sl_${other.link.linkId}_${secret}`,
      `sl_${randomBytes(8).toString('hex')}_${secret}`,
      `sl_${linkId}_${secret.slice(0, -1)}`,
      `sl_${linkId}_${secret}x`,
      `sl_${linkId}`,
      `ak_${linkId.slice(0, 12)}_${secret}`,
      body.token.toUpperCase(),
      '',
    ];
    for (const guess of guesses) {
      const response = await call('/api/shared/meeting', guess);
      expect(response.status, guess).toBe(401);
      expect(await response.json()).toEqual(REFUSED);
    }
    expect(await opens(body.token)).toBe(200);
    expect(await opens(other.token)).toBe(200);
  });

  it("gives another tenant's admin nothing of this tenant's links, and this tenant's links nothing of the other's meetings", async () => {
    const { body } = await share(meetingA);
    expect(((await (await call('/api/share-links', otherAdmin)).json()) as { links: Created['link'][] }).links).toEqual([]);
    expect((await call(`/api/share-links/${body.link.linkId}`, otherAdmin, { method: 'DELETE' })).status).toBe(404);
    expect(await opens(body.token)).toBe(200);
    // A demo admin cannot share acme's meeting (it does not exist for them), nor acme's admin demo's.
    expect((await share(meetingOther, admin)).status).toBe(404);
    expect((await share(meetingA, otherAdmin)).status).toBe(404);
    const acme = await share(meetingOther, otherAdmin);
    expect(acme.status).toBe(201);
    expect(((await (await call('/api/shared/meeting', acme.body.token)).json()) as { meeting: { tenantId?: string; meetingId: string } }).meeting.meetingId).toBe(meetingOther);
    expect((await call(`/api/meetings/${meetingA}`, acme.body.token)).status).toBe(401);
  });

  it('keeps the token out of paths, queries and logs: the page holds it in the #fragment, requests in a header', async () => {
    logged.length = 0;
    const { body } = await share(meetingA);
    expect(body.path).toBe(`/#/shared/${body.token}`);
    // A token put where access logs keep it (the path, the query) opens nothing.
    for (const path of [`/api/shared/${body.token}/meeting`, `/api/shared/meeting?token=${body.token}`, `/api/shared/meeting?access_token=${body.token}`]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(401);
    }
    // A fault on a shared route is logged, without the token.
    failCatalogReads = true;
    try {
      expect((await call('/api/shared/meeting', body.token)).status).toBe(500);
    } finally {
      failCatalogReads = false;
    }
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain(body.token.split('_').slice(2).join('_'));
    const created = (await (await call('/api/audit', admin)).json()) as unknown;
    expect(JSON.stringify(created)).not.toContain(body.token);
  });

  it("costs a guess the same store call whether its link id exists or not (no secret is compared: the record's name is the hash)", async () => {
    const { body } = await share(meetingA);
    const knownId = body.link.linkId;
    const probe = async (token: string) => {
      recorder.state.reads = [];
      recorder.state.on = true;
      try {
        const response = await call('/api/shared/meeting', token);
        return { status: response.status, reads: recorder.state.reads.map((read) => ({ ...read })) };
      } finally {
        recorder.state.on = false;
      }
    };
    const shapeOf = (read: RecordedRead) => ({ call: read.call, found: read.found, name: read.key.replace(TOKEN_RECORD, '<token record>') });
    const secret = () => randomBytes(32).toString('base64url');
    for (let round = 0; round < 3; round += 1) {
      const known = await probe(`sl_${knownId}_${secret()}`);
      const unknown = await probe(`sl_${randomBytes(8).toString('hex')}_${secret()}`);
      expect(known.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(known.reads.map(shapeOf)).toEqual([{ call: 'getText', found: false, name: '<token record>' }]);
      expect(unknown.reads.map(shapeOf)).toEqual(known.reads.map(shapeOf));
    }
    const valid = await probe(body.token);
    expect(valid.status).toBe(200);
    expect(valid.reads.map(shapeOf)[0]).toEqual({ call: 'getText', found: true, name: '<token record>' });
  });
});
