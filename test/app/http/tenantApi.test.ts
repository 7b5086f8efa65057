import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../../lib/domain/auth/apiKeys.js';
import { catalogKey } from '../../../lib/domain/meetings/resultKeys.js';
import { deriveMeetingId } from '../../../lib/domain/meetings/meetingId.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';
import { readRecorder } from '../../support/readRecorder.js';

interface Meeting {
  meetingId: string;
  title: string;
  recordingKey: string;
}

describe('the tenant-scoped HTTP API', () => {
  let fixture: StackFixture;
  let base: string;
  const reads = { recorder: null as ReturnType<typeof readRecorder> | null };
  let adminA: string;
  let memberA: string;
  let adminB: string;
  const a: Record<'kickoff' | 'standup' | 'again', string> = { kickoff: '', standup: '', again: '' };
  let bMeeting: string;
  let kickoffAudio: Buffer;

  const call = async (path: string, key: string | null, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (key !== null) headers.set('Authorization', `Bearer ${key}`);
    const response = await fetch(`${base}/api${path}`, { ...init, headers });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    return { status: response.status, headers: response.headers, bytes, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const errorOf = (response: { json: () => Record<string, unknown> }) => (response.json().error as { message: string }).message;

  async function processAs(tenantId: string, key: string, audio: Buffer, vtt: string): Promise<string> {
    await fixture.stack.deps.blobs.put(key.replace(/\.ogg$/, '.vtt'), vtt, 'text/vtt');
    await fixture.stack.deps.blobs.put(key, audio, 'audio/ogg');
    const meetingId = deriveMeetingId(tenantId, key);
    for (let attempt = 0; attempt < 200 && (await fixture.stack.runner.executionsOf(meetingId)).length === 0; attempt += 1) await new Promise((done) => setTimeout(done, 25));
    await Promise.all((await fixture.stack.runner.executionsOf(meetingId)).map((name) => fixture.stack.runner.wait(name)));
    return meetingId;
  }

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      depsOverrides: (built) => {
        reads.recorder = readRecorder(built.blobs);
        return { blobs: reads.recorder.wrapped };
      },
    });
    base = fixture.stack.httpUrl ?? '';
    kickoffAudio = await sampleBytes('recordings/kickoff-es2002a.ogg');
    const kickoffVtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
    const standupVtt = (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8');
    a.kickoff = await processAs('demo', 'recordings/kickoff.ogg', kickoffAudio, kickoffVtt);
    a.standup = await processAs('demo', 'recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), standupVtt);
    // The same call with one speaker named differently: something for the participant filter to tell apart.
    a.again = await processAs('demo', 'recordings/2026/kickoff-again.ogg', kickoffAudio, kickoffVtt.replaceAll('<v Marketing>', '<v Laura Marketing-Lead>').replaceAll('<v User Interface>', '<v Laura>'));
    bMeeting = await processAs('acme', 'tenants/acme/recordings/secret-plan.ogg', kickoffAudio, kickoffVtt);
    adminA = await fixture.apiKey();
    memberA = await fixture.apiKey({ role: 'member' });
    adminB = await fixture.apiKey({ tenantId: 'acme' });
    // Four meetings through the whole workflow: well over the default 30 s when the machine is busy.
  }, 180_000);
  afterAll(() => fixture.close());

  describe('authentication', () => {
    it('answers 401 with a clear JSON message without a key, with a wrong key and with a revoked key', async () => {
      const missing = await call('/meetings', null);
      expect(missing.status).toBe(401);
      expect(errorOf(missing)).toContain('missing API key');
      const revoked = await createApiKey(fixture.stack.deps.blobs, { tenantId: 'demo', role: 'admin', name: 'gone' });
      await revokeApiKey(fixture.stack.deps.blobs, revoked.record.keyId);
      const wrongSecret = `${adminA.slice(0, 16)}${'A'.repeat(43)}`;
      for (const key of ['nonsense', wrongSecret, revoked.key]) {
        const response = await call('/meetings', key);
        expect(response.status).toBe(401);
        expect(errorOf(response)).toContain('invalid API key');
        expect(response.text).not.toContain(key);
      }
      expect((await call('/meetings', null, { headers: { Authorization: `Basic ${adminA}` } })).status).toBe(401);
    });

    it('answers 403 to a member on admin routes, whatever the id', async () => {
      for (const [method, path, body] of [
        ['DELETE', `/meetings/${a.kickoff}`, undefined],
        ['POST', `/meetings/${a.kickoff}/reprocess`, '{"from":"publish"}'],
        ['PUT', `/meetings/${a.kickoff}/speakers`, '{"spk_0":"Laura"}'],
        ['DELETE', `/meetings/${bMeeting}`, undefined],
      ] as const) {
        const response = await call(path, memberA, { method, ...(body === undefined ? {} : { body, headers: { 'Content-Type': 'application/json' } }) });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(errorOf(response)).toContain('admin');
      }
      expect((await call(`/meetings/${a.kickoff}`, memberA)).status).toBe(200);
    });

    it('keeps webhooks and the health check unauthenticated', async () => {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      // The LiveKit webhook answers for its own signature, not for an API key.
      expect((await fetch(`${base}/webhooks/livekit`, { method: 'POST', body: '{}' })).status).toBe(401);
    });

    it('serves the OpenAPI document without a key, generated from the schemas', async () => {
      const response = await call('/openapi.json', null);
      expect(response.status).toBe(200);
      const doc = response.json() as { openapi: string; paths: Record<string, Record<string, { security?: unknown }>>; components: { securitySchemes: Record<string, unknown> } };
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/meetings', '/meetings/{id}', '/meetings/{id}/transcript', '/meetings/{id}/audio', '/meetings/{id}/reprocess', '/meetings/{id}/speakers', '/action-items', '/search']),
      );
      expect(Object.keys(doc.paths['/meetings/{id}'] ?? {})).toEqual(expect.arrayContaining(['get', 'delete']));
      expect(doc.paths['/search']?.get?.security).toEqual([{ apiKey: [] }]);
      expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    });
  });

  describe('tenant isolation', () => {
    it("lists only the caller's own meetings", async () => {
      const listA = (await call('/meetings?limit=100', adminA)).json().meetings as Meeting[];
      expect(listA.map((m) => m.meetingId).sort()).toEqual([a.kickoff, a.standup, a.again].sort());
      const listB = (await call('/meetings', adminB)).json().meetings as Meeting[];
      expect(listB.map((m) => m.meetingId)).toEqual([bMeeting]);
    });

    it("answers 404 — never 403 — for every route on another tenant's meeting", async () => {
      const json = { 'Content-Type': 'application/json' };
      for (const [method, path, body] of [
        ['GET', `/meetings/${bMeeting}`, undefined],
        ['GET', `/meetings/${bMeeting}/transcript`, undefined],
        ['GET', `/meetings/${bMeeting}/transcript?format=vtt`, undefined],
        ['GET', `/meetings/${bMeeting}/audio`, undefined],
        ['POST', `/meetings/${bMeeting}/reprocess`, '{"from":"publish"}'],
        ['PUT', `/meetings/${bMeeting}/speakers`, '{"spk_0":"Mallory"}'],
        ['DELETE', `/meetings/${bMeeting}`, undefined],
      ] as const) {
        const response = await call(path, adminA, { method, ...(body === undefined ? {} : { body, headers: json }) });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(errorOf(response)).toContain('no meeting');
      }
      // Still there for its own tenant.
      expect((await call(`/meetings/${bMeeting}`, adminB)).status).toBe(200);
    });

    it("never returns another tenant's documents from search, even asked for by meeting id", async () => {
      for (const path of ['/search?q=remote+control+design&limit=100', `/search?q=remote+control&meetingId=${bMeeting}`, '/search?q=secret+plan']) {
        const hits = (await call(path, adminA)).json().hits as { meetingId: string }[];
        expect(hits.every((hit) => [a.kickoff, a.standup, a.again].includes(hit.meetingId)), path).toBe(true);
      }
      const hitsB = (await call('/search?q=remote+control+design&limit=100', adminB)).json().hits as { meetingId: string }[];
      expect(hitsB.length).toBeGreaterThan(0);
      expect(hitsB.every((hit) => hit.meetingId === bMeeting)).toBe(true);
    });

    it("never reads the other tenant's blob prefixes while serving a tenant", async () => {
      const recorder = reads.recorder!;
      recorder.state.keys = [];
      recorder.state.on = true;
      try {
        await call('/meetings?participant=marketing', adminA);
        await call(`/meetings/${a.kickoff}`, adminA);
        await call(`/meetings/${a.kickoff}/transcript`, adminA);
        await call(`/meetings/${a.kickoff}/audio`, adminA, { headers: { Range: 'bytes=0-9' } });
        await call(`/meetings/${bMeeting}`, adminA);
        await call(`/meetings/${bMeeting}/audio`, adminA);
        await call('/action-items', adminA);
        await call('/search?q=remote+control&from=2000-01-01', adminA);
      } finally {
        recorder.state.on = false;
      }
      expect(recorder.state.keys.length).toBeGreaterThan(0);
      const foreign = recorder.state.keys.filter((key) => key.startsWith('tenants/acme/') || key.startsWith('_aftercall/tenants/acme/'));
      expect(foreign).toEqual([]);
    });
  });

  describe('meetings', () => {
    it('walks every meeting exactly once, page by page', async () => {
      const all = ((await call('/meetings?limit=100', adminA)).json().meetings as Meeting[]).map((m) => m.meetingId);
      const walked: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const body = (await call(`/meetings?limit=1${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, adminA)).json();
        walked.push(...(body.meetings as Meeting[]).map((m) => m.meetingId));
        cursor = body.nextCursor as string | null;
        if (cursor === null) break;
      }
      expect(walked).toEqual(all);
      expect(new Set(walked).size).toBe(3);
    });

    it('filters by room, participant and recording date', async () => {
      const ids = async (query: string) => ((await call(`/meetings?${query}`, adminA)).json().meetings as Meeting[]).map((m) => m.meetingId).sort();
      expect(await ids('room=standup')).toEqual([a.standup]);
      expect(await ids('room=2026%2F')).toEqual([a.again]);
      expect(await ids('participant=laura')).toEqual([a.again]);
      expect(await ids('participant=user+interface')).toEqual([a.kickoff, a.standup].sort());
      expect(await ids('participant=nobody')).toEqual([]);
      expect(await ids('from=2000-01-01')).toHaveLength(3);
      expect(await ids('from=2100-01-01')).toEqual([]);
      expect(await ids('to=2000-01-01')).toEqual([]);
    });

    it.each([
      ['/meetings?tenant=acme', 'tenant'],
      ['/meetings?limit=1000', 'limit'],
      ['/meetings?limit=0', 'limit'],
      ['/meetings?cursor=not-a-cursor', 'cursor'],
      ['/meetings?from=yesterday', 'from'],
      ['/search?q=remote&kind=video', 'kind'],
      ['/search?q=remote&colour=red', 'colour'],
      ['/action-items?due_before=friday', 'due_before'],
    ])('GET %s → 400 naming the problem', async (path, word) => {
      const response = await call(path, adminA);
      expect(response.status).toBe(400);
      expect(errorOf(response)).toContain(word);
    });

    it('answers 404 for ids with path tricks', async () => {
      for (const id of ['..%2F..%2Fetc%2Fpasswd', '..%2Fkeys', 'mtg_000000000000000000000000']) {
        const response = await call(`/meetings/${id}/audio`, adminA);
        expect(response.status).toBe(404);
        expect(errorOf(response)).toContain('no meeting');
      }
    });
  });

  describe('audio', () => {
    it('serves the recording whole, and a Range as 206 with exactly those bytes', async () => {
      const whole = await call(`/meetings/${a.kickoff}/audio`, memberA);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('audio/ogg');
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect(whole.bytes.equals(kickoffAudio)).toBe(true);

      const part = await call(`/meetings/${a.kickoff}/audio`, memberA, { headers: { Range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 100-199/${kickoffAudio.length}`);
      expect(part.bytes.equals(kickoffAudio.subarray(100, 200))).toBe(true);

      const tail = await call(`/meetings/${a.kickoff}/audio`, memberA, { headers: { Range: 'bytes=-10' } });
      expect(tail.bytes.equals(kickoffAudio.subarray(kickoffAudio.length - 10))).toBe(true);
      expect((await call(`/meetings/${a.kickoff}/audio`, memberA, { headers: { Range: `bytes=${kickoffAudio.length}-` } })).status).toBe(416);
    });

    it('answers 404 with a reason for a meeting of separate participant tracks', async () => {
      const tracksId = 'mtg_abcabcabcabcabcabcabcabc';
      const entry = { schemaVersion: 1, tenantId: 'demo', meetingId: tracksId, recordingKey: 'rooms/r1/tracks/', resultPrefix: 'rooms/r1/tracks.aftercall/', title: 'r1', recordedAt: '2001-01-01T00:00:00.000Z', createdAt: '2001-01-01T00:00:00.000Z' };
      await fixture.stack.deps.blobs.put(catalogKey('demo', tracksId), JSON.stringify(entry), 'application/json');
      try {
        const response = await call(`/meetings/${tracksId}/audio`, memberA);
        expect(response.status).toBe(404);
        expect(errorOf(response)).toContain('participant tracks');
      } finally {
        await fixture.stack.deps.blobs.delete([catalogKey('demo', tracksId)]);
      }
    });
  });

  describe('action items', () => {
    it("lists the tenant's action items with their meeting and a link to the moment, page by page", async () => {
      const all = (await call('/action-items?limit=100', memberA)).json().actionItems as { meetingId: string; meetingTitle: string; startMs: number; link: string; owner: string | null }[];
      expect(all.length).toBeGreaterThan(0);
      for (const item of all) {
        expect([a.kickoff, a.standup, a.again]).toContain(item.meetingId);
        // Absolute, from the web UI's public URL (here the local server's own address).
        expect(item.link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#/meetings/${item.meetingId}\\?t=${item.startMs}$`));
        expect(item.meetingTitle.length).toBeGreaterThan(0);
      }
      const walked: unknown[] = [];
      let cursor: string | null = null;
      do {
        const body = (await call(`/action-items?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, memberA)).json();
        walked.push(...(body.actionItems as unknown[]));
        cursor = body.nextCursor as string | null;
      } while (cursor !== null && walked.length <= all.length);
      expect(walked).toEqual(all);

      const owner = all.find((item) => item.owner !== null)?.owner;
      if (owner != null) {
        const owned = (await call(`/action-items?owner=${encodeURIComponent(owner.toUpperCase())}`, memberA)).json().actionItems as { owner: string }[];
        expect(owned.length).toBeGreaterThan(0);
        expect(owned.every((item) => item.owner.toLowerCase().includes(owner.toLowerCase()))).toBe(true);
      }
      expect((await call('/action-items?due_before=1900-01-01', memberA)).json().actionItems).toEqual([]);
    });
  });

  describe('search', () => {
    it('filters by kind (repeatable), speaker, meeting and recording date', async () => {
      const hits = async (query: string) => (await call(`/search?${query}`, memberA)).json().hits as { meetingId: string; kind: string; speaker: string | null; snippet: string }[];
      const kinds = await hits('q=remote+control&kind=summary&kind=chapter&limit=50');
      expect(kinds.length).toBeGreaterThan(0);
      expect(kinds.every((hit) => ['summary', 'chapter'].includes(hit.kind))).toBe(true);
      const bySpeaker = await hits('q=remote+control&speaker=marketing&limit=50');
      expect(bySpeaker.length).toBeGreaterThan(0);
      // "marketing" is part of both "Marketing" and (in the renamed copy) "Laura Marketing-Lead".
      expect(bySpeaker.every((hit) => hit.speaker !== null && /marketing/i.test(hit.speaker))).toBe(true);
      const inStandup = await hits(`q=remote+control&meetingId=${a.standup}`);
      expect(inStandup.length).toBeGreaterThan(0);
      expect(inStandup.every((hit) => hit.meetingId === a.standup)).toBe(true);
      expect(await hits('q=remote+control&from=2100-01-01')).toEqual([]);
      expect((await hits('q=remote+control&to=2100-01-01')).length).toBeGreaterThan(0);
    });

    type Hit = { meetingId: string; kind: string; speaker: string | null; speakers: string[]; snippet: string };
    const searchHits = async (query: string) => (await call(`/search?${query}`, memberA)).json().hits as Hit[];

    it('answers a query that matches nothing with no hits', async () => {
      expect(await searchHits('q=xylophone+quantum&limit=50')).toEqual([]);
      expect(await searchHits('q=purple+elephant+skateboard')).toEqual([]);
    });

    it('finds a word said once only where it is said', async () => {
      const hits = await searchHits('q=flashmatic&limit=50');
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.meetingId === a.standup && /«flashmatic»/i.test(hit.snippet))).toBe(true);
    });

    it('filters by any speaker of a passage by part of the label, and shows that speaker\'s words', async () => {
      const hits = await searchHits('q=remote+control&speaker=INTERFACE&kind=transcript&limit=50');
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(hit.speakers).toHaveLength(1);
        expect(hit.speakers[0]).toMatch(/interface/i);
        expect(hit.snippet.replace(/^…/, '').startsWith(`${hit.speakers[0]}: `)).toBe(true);
      }
    });

    it('labels every hit with the speakers of the text it shows, never with someone else than whose turn it opens on', async () => {
      const labels = ['Project Manager', 'Marketing', 'Industrial Designer', 'User Interface', 'Laura Marketing-Lead', 'Laura'];
      const hits = await searchHits('q=remote+control+design&kind=transcript&limit=50');
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) {
        const opening = hit.snippet.replace(/^…/, '');
        const opener = labels.filter((label) => opening.startsWith(`${label}: `)).sort((x, y) => y.length - x.length)[0];
        if (opener !== undefined) expect(hit.speakers[0]).toBe(opener);
        expect(hit.speaker).toBe(hit.speakers.join(', '));
      }
    });

    it('ranks passages with the exact words first and marks them in the snippet', async () => {
      const [best] = (await call('/search?q=teletext+outmoded', memberA)).json().hits as { snippet: string }[];
      expect(best?.snippet).toMatch(/«teletext»|«outmoded»/);
    });
  });

  describe('delete', () => {
    it('removes the results, the catalog entry and the index entries, and keeps the recording', async () => {
      const before = await fixture.stack.deps.blobs.list('recordings/2026/kickoff-again.ogg.aftercall/');
      expect(before.length).toBeGreaterThan(0);
      const response = await call(`/meetings/${a.again}`, adminA, { method: 'DELETE' });
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({ meetingId: a.again, deleted: true, recordingKept: true, recordingKey: 'recordings/2026/kickoff-again.ogg' });
      expect((await call(`/meetings/${a.again}`, adminA)).status).toBe(404);
      expect((await call(`/meetings/${a.again}`, adminA, { method: 'DELETE' })).status).toBe(404);
      expect(await fixture.stack.deps.blobs.list('recordings/2026/kickoff-again.ogg.aftercall/')).toEqual([]);
      expect(await fixture.stack.deps.blobs.head('recordings/2026/kickoff-again.ogg')).not.toBeNull();
      const hits = (await call('/search?q=remote+control+design&limit=100', adminA)).json().hits as { meetingId: string }[];
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.some((hit) => hit.meetingId === a.again)).toBe(false);
      expect(((await call('/meetings', adminA)).json().meetings as Meeting[]).map((m) => m.meetingId)).not.toContain(a.again);
    });
  });

  it('never puts a secret in a response', async () => {
    const responses = await Promise.all([call('/meetings', adminA), call('/openapi.json', null), call('/search?q=remote', adminA), call('/meetings', 'ak_000000000000_' + 'B'.repeat(43))]);
    for (const response of responses) {
      expect(response.text).not.toContain(adminA);
      expect(response.text).not.toContain(adminA.slice(16));
      expect(response.text).not.toMatch(/"hash"/);
    }
  });
});
