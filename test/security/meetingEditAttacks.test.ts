import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editsKey } from '../../lib/domain/edits/meetingEdits.js';
import type { MeetingView } from '../../lib/domain/meetings/meetingView.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { sendOversized } from '../support/oversizedRequest.js';

/**
 * Attacks on the edit routes, through HTTP against a real local stack: another tenant's meeting,
 * a member doing an admin's edit, bodies that are too big or not edits, ids that do not exist,
 * and two people editing the same item or line at once (version check: one wins, one is told).
 */
describe('attacks on editing a meeting', () => {
  let fixture: StackFixture;
  let meeting: MeetingView;
  let admin: string;
  let member: string;
  let otherTenantAdmin: string;

  const call = async (method: string, path: string, key: string, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(`${fixture.stack.httpUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  };
  const item = (id = 'a1') => `/meetings/${meeting.meetingId}/action-items/${id}`;
  const line = (id = 'u1') => `/meetings/${meeting.meetingId}/transcript/${id}`;
  const editsFile = () => fixture.stack.deps.blobs.getText(editsKey(meeting.resultPrefix));
  const shownItems = async () => (JSON.parse((await call('GET', `/meetings/${meeting.meetingId}`, admin)).text) as { actionItems: { items: { id: string; owner: string | null; done: boolean }[] } }).actionItems.items;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    meeting = await fixture.process('recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: await sampleBytes('recordings/standup-is1008b.vtt') });
    expect(meeting.state).toBe('ready');
    admin = await fixture.apiKey();
    member = await fixture.apiKey({ role: 'member' });
    otherTenantAdmin = await fixture.apiKey({ tenantId: 'acme' });
    expect((await shownItems()).map((i) => i.id)).toEqual(['a1', 'a2']);
  });
  afterAll(() => fixture.close());

  it("another tenant's admin cannot read or change the meeting's edits: 404, as for a meeting that does not exist, and nothing is written", async () => {
    for (const [method, path, body] of [
      ['PATCH', item(), { version: 0, done: true }],
      ['PATCH', line(), { version: 0, text: 'rewritten by acme' }],
      ['GET', `/meetings/${meeting.meetingId}/edits`, undefined],
    ] as const) {
      const response = await call(method, path, otherTenantAdmin, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.text).toContain(`no meeting ${meeting.meetingId}`);
    }
    expect(await editsFile()).toBeNull();
  });

  it('a member may tick items but not correct the transcript or rename speakers (admin): 403, nothing changed', async () => {
    expect((await call('PATCH', line(), member, { version: 0, text: 'a member rewrites the record' })).status).toBe(403);
    expect((await call('PUT', `/meetings/${meeting.meetingId}/speakers`, member, { spk_0: 'Mallory' })).status).toBe(403);
    expect((await call('POST', `/meetings/${meeting.meetingId}/speakers/confirm`, member, {})).status).toBe(403);
    expect(await editsFile()).toBeNull();
    const transcript = await call('GET', `/meetings/${meeting.meetingId}/transcript?format=vtt`, member);
    expect(transcript.text).not.toContain('a member rewrites');
    expect(transcript.text).not.toContain('Mallory');
  });

  it('refuses an oversized body before reading it (413)', async () => {
    for (const path of [item(), line()]) {
      const chunked = await sendOversized(`${fixture.stack.httpUrl}/api${path}`, { method: 'PATCH', bytes: 1024 * 1024, headers: { Authorization: `Bearer ${admin}` } });
      expect(chunked.status).toBe(413);
      const declared = await sendOversized(`${fixture.stack.httpUrl}/api${path}`, { method: 'PATCH', bytes: 1024 * 1024, declaredLength: 1024 * 1024, headers: { Authorization: `Bearer ${admin}` } });
      expect(declared.status).toBe(413);
    }
    expect(await editsFile()).toBeNull();
  });

  it('refuses bodies that are not edits (400), naming what is wrong', async () => {
    const bad: [string, unknown, RegExp][] = [
      [item(), { version: 0 }, /change at least one/],
      [item(), { version: 0, done: 'yes' }, /done/],
      [item(), { version: 0, text: '' }, /text/],
      [item(), { version: 0, text: 'x'.repeat(501) }, /text/],
      [item(), { version: 0, dueDate: 'next Friday' }, /dueDate/],
      [item(), { version: 0, owner: 'o'.repeat(81) }, /owner/],
      [item(), { version: -1, done: true }, /version/],
      [item(), { done: true }, /version/],
      [item(), { version: 0, done: true, tenantId: 'acme' }, /tenantId|unrecognized/i],
      [item(), { version: 0, done: true, meetingId: 'mtg_000000000000000000000000' }, /meetingId|unrecognized/i],
      [item(), [{ version: 0, done: true }], /expected object/i],
      [line(), { version: 0, text: 'x'.repeat(2001) }, /text/],
      [line(), { version: 0, text: '   ' }, /text/],
      [line(), { version: 0, text: 'fine', utteranceId: 'u2' }, /utteranceId|unrecognized/i],
    ];
    for (const [path, body, reason] of bad) {
      const response = await call('PATCH', path, admin, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.text).toMatch(reason);
    }
    expect((await call('PATCH', item(), admin, '{"version":0,"done":tru')).status).toBe(400);
    expect((await call('PATCH', item(), admin, 'version=0&done=true', 'application/x-www-form-urlencoded')).status).toBeGreaterThanOrEqual(400);
    expect(await editsFile()).toBeNull();
    expect((await shownItems()).every((i) => !i.done)).toBe(true);
  });

  it('an edit of an item or line that does not exist is a 404 (or a 400 for an id that cannot be one), and writes nothing', async () => {
    expect((await call('PATCH', item('a99'), admin, { version: 0, done: true })).status).toBe(404);
    expect((await call('PATCH', item('ae7'), admin, { version: 0, done: true })).status).toBe(404);
    expect((await call('PATCH', line('u99999'), admin, { version: 0, text: 'nobody said this' })).status).toBe(404);
    for (const path of [item('x1'), item('..%2Fedits'), line('..%2F..%2Fmanifest'), line('u1%20')]) {
      expect((await call('PATCH', path, admin, { version: 0, done: true, text: 'x' })).status, path).toBe(400);
    }
    expect((await call('PATCH', `/meetings/mtg_000000000000000000000000/action-items/a1`, admin, { version: 0, done: true })).status).toBe(404);
    expect(await editsFile()).toBeNull();
  });

  it('two people edit the same item at once: one wins, the others get 409 naming the winner, and no change is lost unseen', async () => {
    const owners = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve'];
    const responses = await Promise.all(owners.map((owner) => call('PATCH', item('a2'), owner === 'Ana' ? member : admin, { version: 0, owner })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = owners[responses.findIndex((r) => r.status === 200)];
    expect((await shownItems()).find((i) => i.id === 'a2')?.owner).toBe(winner);
    for (const loser of responses.filter((r) => r.status === 409)) expect(loser.text).toMatch(/was changed by key \S+ at .*\(version 1, not 0\)/);

    // Quoting the version now shown succeeds; quoting the old one again does not.
    expect((await call('PATCH', item('a2'), admin, { version: 1, done: true })).status).toBe(200);
    expect((await call('PATCH', item('a2'), admin, { version: 1, owner: 'Zed' })).status).toBe(409);
    expect((await shownItems()).find((i) => i.id === 'a2')).toMatchObject({ owner: winner, done: true });
  });

  it('two admins correct the same line at once: one correction stands, the other is refused', async () => {
    const texts = ['first fix', 'second fix', 'third fix'];
    const responses = await Promise.all(texts.map((text) => call('PATCH', line('u3'), admin, { version: 0, text })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = texts[responses.findIndex((r) => r.status === 200)] ?? '';
    const transcript = JSON.parse((await call('GET', `/meetings/${meeting.meetingId}/transcript`, member)).text) as { utterances: { id: string; text: string }[] };
    expect(transcript.utterances.find((u) => u.id === 'u3')?.text).toBe(winner);
  });
});
