import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogKey, legacyResultPrefixFor, resultPrefixFor } from '../../lib/domain/meetings/resultKeys.js';
import { CatalogEntrySchema } from '../../lib/domain/meetings/schema.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const vttSaying = (text: string) => `WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Laura>${text}\n`;

describe('attack: two recordings with the same name and another extension share one results folder', () => {
  let fixture: StackFixture;
  let admin: string;
  let audio: Buffer;

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${fixture.stack.httpUrl}/api${path}`, { ...init, headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' } });
  const meetingOf = async (id: string) => {
    const response = await api(`/meetings/${id}`);
    return { status: response.status, body: response.status === 200 ? ((await response.json()) as { meeting: { state: string; resultPrefix: string } }) : null };
  };
  const transcriptText = async (id: string) => (await api(`/meetings/${id}/transcript?format=vtt`)).text();

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    admin = await fixture.apiKey();
    audio = await sampleBytes('recordings/standup-is1008b.ogg');
  });
  afterAll(() => fixture.close());

  it('gives x.ogg and x.wav a folder each, and deleting one leaves the other whole', async () => {
    // calls/x.vtt is the transcript beside both recordings (a new version of it would rerun both),
    // so the second recording arrives alone and imports the same transcript into its own folder.
    const ogg = await fixture.process('calls/x.ogg', audio, { ext: 'vtt', text: vttSaying('The recording speaks.') });
    const wav = await fixture.process('calls/x.wav', audio);
    expect(ogg.resultPrefix).toBe('calls/x.ogg.aftercall/');
    expect(wav.resultPrefix).toBe('calls/x.wav.aftercall/');
    expect(wav.meetingId).not.toBe(ogg.meetingId);
    expect(await fixture.stack.deps.blobs.head(`${ogg.resultPrefix}manifest.json`)).not.toBeNull();
    expect(await fixture.stack.deps.blobs.head(`${wav.resultPrefix}manifest.json`)).not.toBeNull();
    expect(await transcriptText(wav.meetingId)).toContain('The recording speaks.');

    const oggFiles = (await fixture.stack.deps.blobs.list(ogg.resultPrefix)).sort();
    expect((await api(`/meetings/${wav.meetingId}`, { method: 'DELETE' })).status).toBe(200);
    expect(await fixture.stack.deps.blobs.list(wav.resultPrefix)).toEqual([]);
    expect((await fixture.stack.deps.blobs.list(ogg.resultPrefix)).sort()).toEqual(oggFiles);
    expect((await meetingOf(ogg.meetingId)).body?.meeting.state).toBe('ready');
    expect(await transcriptText(ogg.meetingId)).toContain('The recording speaks.');
  });

  it('still reads, reruns and deletes a meeting whose results are in the earlier layout (x.aftercall/)', async () => {
    const key = 'calls/legacy.ogg';
    const made = await fixture.process(key, audio, { ext: 'vtt', text: vttSaying('Results from before the upgrade.') });
    const legacy = await asEarlierLayout(fixture, made.meetingId, key);
    expect(legacy).toBe('calls/legacy.aftercall/');

    // The meeting shows as before, from its old folder.
    const shown = await meetingOf(made.meetingId);
    expect(shown.body?.meeting).toMatchObject({ state: 'ready', resultPrefix: legacy });
    expect(await transcriptText(made.meetingId)).toContain('Results from before the upgrade.');
    const listed = (await (await api('/meetings')).json()) as { meetings: { meetingId: string; state: string }[] };
    expect(listed.meetings.find((m) => m.meetingId === made.meetingId)?.state).toBe('ready');

    // A rerun from a later step finds the stored transcript there and writes beside it.
    const rerun = await api(`/meetings/${made.meetingId}/reprocess`, { method: 'POST', body: JSON.stringify({ from: 'understand' }) });
    expect(rerun.status).toBe(202);
    const { runId } = (await rerun.json()) as { runId: string };
    expect((await fixture.waitFor(made.meetingId, runId)).state).toBe('ready');
    expect(await fixture.stack.deps.blobs.head(`${legacy}manifest.json`)).not.toBeNull();
    expect(await fixture.stack.deps.blobs.list(resultPrefixFor(key))).toEqual([]);

    // A new recording of the same name gets the new layout; deleting it leaves the old meeting.
    const wav = await fixture.process('calls/legacy.wav', audio);
    expect(wav.resultPrefix).toBe('calls/legacy.wav.aftercall/');
    const before = (await fixture.stack.deps.blobs.list(legacy)).sort();
    expect((await api(`/meetings/${wav.meetingId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await fixture.stack.deps.blobs.list(legacy)).sort()).toEqual(before);
    expect(await transcriptText(made.meetingId)).toContain('Results from before the upgrade.');
  });
});

/**
 * Rewrites a finished meeting as the earlier version stored it: every result under
 * `<stem>.aftercall/` and the catalog entry pointing there. Returns the old folder.
 */
async function asEarlierLayout(fixture: StackFixture, meetingId: string, key: string): Promise<string> {
  const blobs = fixture.stack.deps.blobs;
  const from = resultPrefixFor(key);
  const to = legacyResultPrefixFor(key);
  const objects = await blobs.list(from);
  for (const object of objects) {
    const text = (await blobs.getText(object)) ?? '';
    await blobs.put(`${to}${object.slice(from.length)}`, text.replaceAll(from, to), 'application/octet-stream');
  }
  await blobs.delete(objects);
  const entryKey = catalogKey(fixture.tenantId, meetingId);
  const entry = CatalogEntrySchema.parse(JSON.parse((await blobs.getText(entryKey)) ?? 'null'));
  await blobs.put(entryKey, JSON.stringify({ ...entry, resultPrefix: to }), 'application/json');
  return to;
}
