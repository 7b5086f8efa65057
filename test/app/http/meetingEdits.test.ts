import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../lib/domain/audit/auditEntry.js';
import { EDITS_FILE } from '../../../lib/domain/edits/meetingEdits.js';
import type { MeetingView } from '../../../lib/domain/meetings/meetingView.js';
import { WebhookReceiver } from '../../domain/crm/webhookReceiver.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';
import { DESIGN_REVIEW_VTT as VTT } from '../../support/designReviewVtt.js';


interface Item {
  id: string;
  text: string;
  owner: string | null;
  dueDate: string | null;
  dueText: string | null;
  done: boolean;
  utteranceIds: string[];
  edit: { id: string; version: number; editedAt: string; editedBy: { type: string; keyId?: string; role?: string }; fields: string[] } | null;
  detached?: true;
}

describe('editing a meeting: action items and transcript lines, kept beside the results through a rerun', () => {
  let fixture: StackFixture;
  let receiver: WebhookReceiver;
  let admin: string;
  let member: string;
  let meeting: MeetingView;

  const call = async (method: string, path: string, key: string, body?: unknown) => {
    const response = await fetch(`${fixture.stack.httpUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const items = async () => ((await call('GET', `/meetings/${meeting.meetingId}`, member)).json().actionItems as { items: Item[] }).items;
  const transcript = async (format: 'json' | 'vtt' | 'srt') => (await call('GET', `/meetings/${meeting.meetingId}/transcript?format=${format}`, member)).text;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0, env: { AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS: 'true' } });
    receiver = await WebhookReceiver.start();
    admin = await fixture.apiKey();
    member = await fixture.apiKey({ role: 'member' });
    const subscribed = await call('POST', '/subscriptions', admin, { url: receiver.url, events: ['action_item.updated'] });
    expect(subscribed.status).toBe(201);
    receiver.secret = (subscribed.json().subscription as { secret: string }).secret;
    meeting = await fixture.process('design/review.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: VTT });
    expect(meeting.state).toBe('ready');
  });
  afterAll(async () => {
    await receiver.close();
    await fixture.close();
  });

  it('a member ticks, reassigns and re-dates an action item: the meeting and the list show it, the audit log records who and when', async () => {
    const [generated] = await items();
    expect(generated).toMatchObject({ id: 'a1', owner: 'David', dueText: 'by Friday', done: false, edit: null, utteranceIds: ['u8'] });

    const patched = await call('PATCH', `/meetings/${meeting.meetingId}/action-items/a1`, member, { version: 0, done: true, owner: 'Laura', dueDate: '2026-12-04' });
    expect(patched.status, patched.text).toBe(200);
    const { actionItem, searchIndex } = patched.json() as { actionItem: Item; searchIndex: string };
    expect(searchIndex).toBe('updated');
    expect(actionItem).toMatchObject({ id: 'a1', done: true, owner: 'Laura', dueDate: '2026-12-04', dueText: null, text: generated?.text });
    expect(actionItem.edit).toMatchObject({ id: 'ae1', version: 1, fields: ['done', 'owner', 'dueDate'], editedBy: { type: 'apiKey', role: 'member' } });

    expect(await items()).toEqual([actionItem]);
    const across = (await call('GET', '/action-items?owner=laura', member)).json().actionItems as Item[];
    expect(across).toEqual([expect.objectContaining({ id: 'a1', done: true, owner: 'Laura', meetingId: meeting.meetingId })]);

    const audit = (await call('GET', '/audit?action=meeting.edit', admin)).json().entries as AuditEntry[];
    expect(audit[0]).toMatchObject({
      action: 'meeting.edit',
      actor: { type: 'apiKey', keyId: actionItem.edit?.editedBy.keyId, role: 'member' },
      target: { type: 'meeting', id: meeting.meetingId },
      details: { what: 'actionItem', itemId: 'a1', editId: 'ae1', version: 1, fields: ['done', 'owner', 'dueDate'] },
    });
    expect(audit[0]?.at).toBe(actionItem.edit?.editedAt);
  });

  it('sends action_item.updated, signed, through the delivery worker to the subscription that asked for it', async () => {
    await fixture.stack.deliveryWorker.runOnce();
    expect(receiver.rejected).toEqual([]);
    const events = receiver.messages.map((message) => message.payload as { type: string; data: Record<string, unknown> });
    expect(events.map((event) => event.type)).toEqual(['action_item.updated']);
    expect(events[0]?.data).toMatchObject({
      meetingId: meeting.meetingId,
      tenantId: fixture.tenantId,
      recordingKey: 'design/review.ogg',
      actionItem: { id: 'a1', owner: 'Laura', dueDate: '2026-12-04', done: true, citations: ['u8'], link: expect.stringContaining(`/meetings/${meeting.meetingId}?t=40000`) },
      change: { editId: 'ae1', version: 1, fields: ['done', 'owner', 'dueDate'], editedBy: { type: 'apiKey', role: 'member' } },
      generatedBy: expect.objectContaining({ aiGenerated: true }),
    });
  });

  it('an admin corrects a transcript line: json, WebVTT, SRT and search read the correction; the transcribed file stays as it was', async () => {
    const original = await fixture.sha256(`${meeting.resultPrefix}transcript.json`);
    const corrected = await call('PATCH', `/meetings/${meeting.meetingId}/transcript/u8`, admin, { version: 0, text: 'Yes. David, could you send the supplier the new blueprints by Friday?' });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.json()).toMatchObject({ utteranceId: 'u8', version: 1, originalText: 'Yes. David, could you send the supplier the new drawings by Friday?', searchIndex: 'updated' });

    const json = JSON.parse(await transcript('json')) as { utterances: { id: string; text: string }[] };
    expect(json.utterances.find((u) => u.id === 'u8')?.text).toContain('new blueprints');
    expect(await transcript('vtt')).toContain('new blueprints by Friday?</v>');
    expect(await transcript('srt')).toContain('Laura: Yes. David, could you send the supplier the new blueprints by Friday?');
    expect(await fixture.sha256(`${meeting.resultPrefix}transcript.json`)).toBe(original);

    const hits = (await call('GET', `/search?q=blueprints&kind=transcript&meetingId=${meeting.meetingId}`, member)).json().hits as { utteranceIds: string[] }[];
    expect(hits.some((hit) => hit.utteranceIds.includes('u8'))).toBe(true);

    const edits = (await call('GET', `/meetings/${meeting.meetingId}/edits`, member)).json();
    expect(edits.permissions).toEqual({ actionItems: true, transcript: false, speakers: false });
    expect(edits.transcriptLines).toEqual([expect.objectContaining({ utteranceId: 'u8', version: 1, applied: true, editedBy: expect.objectContaining({ role: 'admin' }) })]);
  });

  it('keeps both edits through a rerun of Understand, Index and Publish, which understands the corrected words', async () => {
    const rerun = await call('POST', `/meetings/${meeting.meetingId}/reprocess`, admin, { from: 'understand' });
    expect(rerun.status, rerun.text).toBe(202);
    const after = await fixture.waitFor(meeting.meetingId);
    expect(after.state).toBe('ready');
    expect(after.manifest?.runId).not.toBe(meeting.manifest?.runId);

    // The regenerated item reads the corrected line; the person's tick, owner and date bind to it by its citation.
    const [item, ...others] = await items();
    expect(others).toEqual([]);
    expect(item).toMatchObject({ id: 'a1', done: true, owner: 'Laura', dueDate: '2026-12-04', utteranceIds: ['u8'], edit: expect.objectContaining({ id: 'ae1', version: 1 }) });
    expect(item?.text).toContain('blueprints');
    expect(item?.detached).toBeUndefined();
    expect(await transcript('vtt')).toContain('new blueprints by Friday?</v>');
    const hits = (await call('GET', `/search?q=blueprints&kind=transcript&meetingId=${meeting.meetingId}`, member)).json().hits as unknown[];
    expect(hits.length).toBeGreaterThan(0);

    // The manifest vouches for results only: edits change after publishing, and every listed hash still holds.
    expect(after.manifest?.files.map((file) => file.name)).not.toContain(EDITS_FILE);
    for (const file of after.manifest?.files ?? []) {
      const bytes = await fixture.stack.deps.blobs.getBytes(file.key);
      expect(createHash('sha256').update(bytes ?? new Uint8Array()).digest('hex'), file.name).toBe(file.sha256);
    }
  }, 60_000);

  it('writing the transcribed text back removes the correction', async () => {
    const reverted = await call('PATCH', `/meetings/${meeting.meetingId}/transcript/u8`, admin, { version: 1, text: 'Yes. David, could you send the supplier the new drawings by Friday?' });
    expect(reverted.status, reverted.text).toBe(200);
    expect(reverted.json()).toMatchObject({ version: 0 });
    expect(await transcript('vtt')).toContain('new drawings by Friday?</v>');
    expect((await call('GET', `/meetings/${meeting.meetingId}/edits`, admin)).json().transcriptLines).toEqual([]);
  });
});
