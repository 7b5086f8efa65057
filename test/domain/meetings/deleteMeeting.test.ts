import { describe, expect, it } from 'vitest';
import { catalogKey } from '../../../lib/domain/meetings/resultKeys.js';
import { deleteMeeting } from '../../../lib/domain/meetings/deleteMeeting.js';
import { MeetingBusyError } from '../../../lib/domain/meetings/meetingErrors.js';
import { MeetingNotFoundError } from '../../../lib/domain/meetings/meetingErrors.js';
import { memoryBlobs } from '../../support/memoryBlobStore.js';
import { InMemoryVectorIndex } from '../search/fixtures.js';

const meetingId = 'mtg_0123456789abcdef01234567';
const other = 'mtg_fedcba9876543210fedcba98';


const entry = (id: string, recordingKey: string, resultPrefix: string) =>
  JSON.stringify({ schemaVersion: 1, tenantId: 'acme', meetingId: id, recordingKey, resultPrefix, title: 'x', recordedAt: '2026-01-01T00:00:00Z', createdAt: '2026-01-01T00:00:00Z' });
const status = (state: string) =>
  JSON.stringify({ schemaVersion: 1, meetingId, tenantId: 'acme', recordingKey: 'calls/a.ogg', runId: 'r', state, updatedAt: '2026-01-01T00:00:00Z', error: null });
const doc = (id: string) => ({ id, tenantId: 'acme', meetingId: id === 'd2' ? other : meetingId, kind: 'transcript' as const, text: 't', speaker: null, startMs: 0, endMs: 1, utteranceIds: ['u0'], vector: new Float32Array([1]) });

async function setUp(state = 'succeeded') {
  const blobs = memoryBlobs();
  const vectorIndex = new InMemoryVectorIndex();
  await blobs.put('calls/a.ogg', 'audio', 'audio/ogg');
  await blobs.put('calls/a.vtt', 'WEBVTT', 'text/vtt');
  await blobs.put('calls/a.aftercall/transcript.json', '{}', 'application/json');
  await blobs.put('calls/a.aftercall/status.json', status(state), 'application/json');
  await blobs.put('calls/a.aftercall/steps/intake.json', '{}', 'application/json');
  await blobs.put('calls/ab.aftercall/summary.json', '{}', 'application/json');
  await blobs.put(catalogKey('acme', meetingId), entry(meetingId, 'calls/a.ogg', 'calls/a.aftercall/'), 'application/json');
  await blobs.put(catalogKey('acme', other), entry(other, 'calls/ab.ogg', 'calls/ab.aftercall/'), 'application/json');
  await vectorIndex.replaceMeeting('acme', meetingId, [doc('d1')]);
  await vectorIndex.replaceMeeting('acme', other, [doc('d2')]);
  // The run named in the status ("r") is going until the test says it ended.
  const runs = { going: new Set(['r']) };
  return { blobs, vectorIndex, runs, workflow: { isRunning: async (name: string) => runs.going.has(name) } };
}

describe('deleteMeeting', () => {
  it("removes the meeting's results, catalog entry and index documents, and keeps the recording", async () => {
    const deps = await setUp();
    const deleted = await deleteMeeting(deps, { tenantId: 'acme', meetingId });
    expect(deleted).toEqual({ meetingId, deletedObjects: 3, recordingKey: 'calls/a.ogg' });
    expect([...deps.blobs.objects.keys()].sort()).toEqual(['_aftercall/tenants/acme/meetings/mtg_fedcba9876543210fedcba98.json', 'calls/a.ogg', 'calls/a.vtt', 'calls/ab.aftercall/summary.json']);
    expect(deps.vectorIndex.documents.map((d) => d.meetingId)).toEqual([other]);
  });

  it("is a not-found for another tenant's meeting, an unknown id or a path trick, and deletes nothing", async () => {
    const deps = await setUp();
    const before = deps.blobs.objects.size;
    for (const [tenantId, id] of [['other', meetingId], ['acme', 'mtg_000000000000000000000000'], ['acme', '../calls/a']] as const) {
      await expect(deleteMeeting(deps, { tenantId, meetingId: id })).rejects.toThrow(MeetingNotFoundError);
    }
    expect(deps.blobs.objects.size).toBe(before);
    expect(deps.vectorIndex.documents).toHaveLength(2);
  });

  it('refuses while a run is writing the results', async () => {
    const deps = await setUp('running');
    await expect(deleteMeeting(deps, { tenantId: 'acme', meetingId })).rejects.toThrow(MeetingBusyError);
    expect(deps.blobs.objects.has(catalogKey('acme', meetingId))).toBe(true);
  });

  it('leaves a folder of the earlier layout that another recording of the same name still uses', async () => {
    const deps = await setUp();
    // Before the extension was part of the folder, calls/a.wav wrote into calls/a.aftercall/ too.
    const wav = 'mtg_aaaaaaaaaaaaaaaaaaaaaaaa';
    await deps.blobs.put(catalogKey('acme', wav), entry(wav, 'calls/a.wav', 'calls/a.aftercall/'), 'application/json');
    expect(await deleteMeeting(deps, { tenantId: 'acme', meetingId: wav })).toEqual({ meetingId: wav, deletedObjects: 0, recordingKey: 'calls/a.wav' });
    expect(deps.blobs.objects.has('calls/a.aftercall/transcript.json')).toBe(true);
    expect(deps.blobs.objects.has(catalogKey('acme', wav))).toBe(false);
    // The last meeting using it takes the folder with it.
    expect((await deleteMeeting(deps, { tenantId: 'acme', meetingId })).deletedObjects).toBe(3);
  });

  it('deletes a meeting whose status still says running when that run no longer exists (its worker died for good)', async () => {
    const deps = await setUp('running');
    deps.runs.going.clear();
    await expect(deleteMeeting(deps, { tenantId: 'acme', meetingId })).resolves.toMatchObject({ meetingId });
    expect(deps.blobs.objects.has(catalogKey('acme', meetingId))).toBe(false);
  });
});
