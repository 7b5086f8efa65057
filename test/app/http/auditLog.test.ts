import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../lib/domain/audit/auditEntry.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

interface AuditPageBody {
  entries: AuditEntry[];
  nextCursor: string | null;
  unreadable: string[];
}

const keyIdOf = (key: string) => key.split('_')[1] ?? '';

describe('the audit log through the HTTP API', () => {
  let fixture: StackFixture;
  let admin: string;
  let member: string;
  let meetingId: string;

  const call = async (path: string, key: string, init: RequestInit = {}) => {
    const response = await fetch(`${fixture.stack.httpUrl}/api${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    });
    const text = await response.text();
    return { status: response.status, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const auditPage = async (query = '', key = admin): Promise<AuditPageBody> => {
    const response = await call(`/audit${query}`, key);
    expect(response.status).toBe(200);
    return response.json() as unknown as AuditPageBody;
  };
  const latest = async (action: string): Promise<AuditEntry | undefined> => (await auditPage(`?action=${action}&limit=1`)).entries[0];

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    const vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
    meetingId = (await fixture.process('recordings/kickoff.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), { ext: 'vtt', text: vtt })).meetingId;
    admin = await fixture.apiKey();
    member = await fixture.apiKey({ role: 'member' });
  });
  afterAll(() => fixture.close());

  it('records a reprocess: who (the key id and role, never the key), when, which meeting, from which step', async () => {
    const before = Date.now();
    const response = await call(`/meetings/${meetingId}/reprocess`, admin, { method: 'POST', body: JSON.stringify({ from: 'understand' }) });
    expect(response.status).toBe(202);
    await fixture.waitFor(meetingId, response.json().runId as string);

    const entry = await latest('meeting.reprocess');
    expect(entry).toMatchObject({
      tenantId: fixture.tenantId,
      actor: { type: 'apiKey', keyId: keyIdOf(admin), role: 'admin' },
      action: 'meeting.reprocess',
      target: { type: 'meeting', id: meetingId },
      details: { from: 'understand', runId: response.json().runId },
    });
    expect(Date.parse(entry?.at ?? '')).toBeGreaterThanOrEqual(before - 1);
    expect(JSON.stringify(entry)).not.toContain(admin);
  });

  it('records a speaker rename with the names given', async () => {
    const response = await call(`/meetings/${meetingId}/speakers`, admin, { method: 'PUT', body: JSON.stringify({ spk_0: 'Laura' }) });
    expect(response.status).toBe(202);
    await fixture.waitFor(meetingId, response.json().runId as string);
    expect(await latest('meeting.renameSpeakers')).toMatchObject({ target: { type: 'meeting', id: meetingId }, details: { names: ['spk_0=Laura'] } });
  });

  it("records an admin's search with its query before answering, and not a member's", async () => {
    expect((await call('/search?q=remote%20control&kind=summary', admin)).status).toBe(200);
    expect(await latest('archive.search')).toMatchObject({
      actor: { keyId: keyIdOf(admin), role: 'admin' },
      target: { type: 'archive', id: fixture.tenantId },
      details: { q: 'remote control', kind: ['summary'] },
    });
    const searches = (await auditPage('?action=archive.search')).entries.length;
    expect((await call('/search?q=budget', member)).status).toBe(200);
    expect((await auditPage('?action=archive.search')).entries).toHaveLength(searches);
  });

  it('does not record what was refused: a member may neither delete nor read the log (403)', async () => {
    const deletes = (await auditPage('?action=meeting.delete')).entries.length;
    expect((await call(`/meetings/${meetingId}`, member, { method: 'DELETE' })).status).toBe(403);
    const read = await call('/audit', member);
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.json())).not.toContain('meeting.reprocess');
    expect((await auditPage('?action=meeting.delete')).entries).toHaveLength(deletes);
  });

  it('pages newest first with a cursor, and filters by action and time', async () => {
    const all = await auditPage();
    expect(all.entries.length).toBeGreaterThanOrEqual(3);
    const times = all.entries.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());

    const first = await auditPage('?limit=1');
    const second = await auditPage(`?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect([first.entries[0]?.id, second.entries[0]?.id]).toEqual(all.entries.slice(0, 2).map((entry) => entry.id));

    expect((await auditPage('?action=meeting.renameSpeakers')).entries.every((entry) => entry.action === 'meeting.renameSpeakers')).toBe(true);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await auditPage(`?from=${future}`)).entries).toEqual([]);
    expect((await auditPage(`?to=2000-01-01`)).entries).toEqual([]);
    expect((await auditPage(`?from=${all.entries.at(-1)?.at ?? ''}`)).entries).toHaveLength(all.entries.length);

    expect((await call('/audit?action=meeting.explode', admin)).status).toBe(400);
    expect((await call('/audit?cursor=not-a-cursor', admin)).status).toBe(400);
  });

  it('records a delete once it happened, with what was removed', async () => {
    const response = await call(`/meetings/${meetingId}`, admin, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await latest('meeting.delete')).toMatchObject({
      actor: { keyId: keyIdOf(admin) },
      target: { type: 'meeting', id: meetingId },
      details: { deletedObjects: response.json().deletedObjects, recordingKey: 'recordings/kickoff.ogg' },
    });
  });

  it('lists the route in the OpenAPI document', async () => {
    const document = (await (await fetch(`${fixture.stack.httpUrl}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/audit');
  });
});
