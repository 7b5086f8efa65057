import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveMeetingId } from '../../../lib/domain/meetings/meetingId.js';
import { catalogKey, resultFiles, resultKey, resultPrefixFor } from '../../../lib/domain/meetings/resultKeys.js';
import type { CatalogEntry, MeetingContext } from '../../../lib/domain/meetings/schema.js';
import { deleteMeeting } from '../../../lib/domain/meetings/deleteMeeting.js';
import { listingOf, refreshListing } from '../../../lib/domain/meetings/listingRow.js';
import { listMeetingsPage } from '../../../lib/domain/meetings/meetingQuery.js';
import { writeMeetingStatus } from '../../../lib/domain/workflow/meetingStatus.js';
import { InMemoryVectorIndex } from '../search/fixtures.js';
import { memoryBlobs, type MemoryBlobStore } from '../../support/memoryBlobStore.js';

const tenantId = 'acme';

/** A meeting as the workflow leaves it: catalog entry, status, manifest when it succeeded, transcript, listing. */
async function addMeeting(blobs: MemoryBlobStore, n: number, state: 'running' | 'succeeded' | 'failed', speakers = ['Laura']): Promise<MeetingContext> {
  const recordingKey = `calls/meeting-${n}.ogg`;
  const meetingId = deriveMeetingId(tenantId, recordingKey);
  const recordedAt = new Date(Date.UTC(2026, 0, 1, n)).toISOString();
  const entry: CatalogEntry = { schemaVersion: 1, tenantId, meetingId, recordingKey, resultPrefix: resultPrefixFor(recordingKey), title: `meeting ${n}`, recordedAt, createdAt: recordedAt };
  await blobs.put(catalogKey(tenantId, meetingId), JSON.stringify(entry));
  const meeting = { tenantId, meetingId, recordingKey, resultPrefix: entry.resultPrefix, runId: meetingId } as MeetingContext;
  await finish(blobs, meeting, state, speakers);
  return meeting;
}

async function finish(blobs: MemoryBlobStore, meeting: MeetingContext, state: 'running' | 'succeeded' | 'failed', speakers: string[]): Promise<void> {
  const error = state === 'failed' ? { step: 'transcribe', name: 'UnsupportedRecordingError', message: 'not audio' } : null;
  const status = await writeMeetingStatus({ blobs }, meeting, state, '2026-02-01T00:00:00.000Z', error, false);
  if (state === 'succeeded') {
    await blobs.put(resultKey(meeting.resultPrefix, resultFiles.transcriptJson), JSON.stringify(transcriptWith(speakers)));
    await blobs.put(resultKey(meeting.resultPrefix, resultFiles.manifest), '{}');
  }
  // As the steps do: Publish knows the transcript's speakers, the others leave them as they were.
  await refreshListing(blobs, meeting, listingOf(status, state === 'succeeded' ? meeting.runId : null, state === 'succeeded' ? transcriptWith(speakers).speakers : null));
}

const transcriptWith = (names: string[]) => ({
  schemaVersion: 1,
  meetingId: 'mtg',
  source: { kind: 'import', detail: 'vtt', key: 'calls/x.vtt' },
  language: 'en',
  durationMs: 1000,
  speakers: names.map((name, i) => ({ id: `spk_${i}`, name })),
  utterances: [],
});

/** Reads of anything but the tenant's catalog: what a page should no longer need. */
function perMeetingReads(blobs: MemoryBlobStore, run: () => Promise<unknown>): Promise<number> {
  const before = blobs.reads;
  return run().then(() => blobs.reads - before);
}

describe('the meeting list', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps what the list shows in the catalog entry: state, degraded, the failure and speaker names', async () => {
    const blobs = memoryBlobs();
    const ready = await addMeeting(blobs, 1, 'succeeded', ['Laura', 'Ahmed']);
    const failed = await addMeeting(blobs, 2, 'failed');
    expect(JSON.parse(blobs.objects.get(catalogKey(tenantId, ready.meetingId)) ?? '{}').listing).toMatchObject({ state: 'ready', speakers: ['Laura', 'Ahmed'] });
    const entry = JSON.parse(blobs.objects.get(catalogKey(tenantId, failed.meetingId)) ?? '{}');
    expect(entry.listing).toEqual({
      state: 'failed',
      degraded: false,
      error: { step: 'transcribe', name: 'UnsupportedRecordingError', message: 'not audio' },
      updatedAt: '2026-02-01T00:00:00.000Z',
      speakers: null,
    });
    const page = await listMeetingsPage(blobs, tenantId, { limit: 10 });
    expect(page.meetings.map((m) => [m.title, m.state])).toEqual([
      ['meeting 2', 'failed'],
      ['meeting 1', 'ready'],
    ]);
  });

  it('serves a page from the cached catalog: no per-meeting file is read, and an unchanged entry is not read again', async () => {
    const blobs = memoryBlobs();
    for (let n = 0; n < 30; n += 1) await addMeeting(blobs, n, n % 10 === 0 ? 'failed' : 'succeeded');
    await listMeetingsPage(blobs, tenantId, { limit: 20 });
    expect(await perMeetingReads(blobs, () => listMeetingsPage(blobs, tenantId, { limit: 20 }))).toBe(0);
  });

  it("shows this process's status change on the next page, reading only the changed entry", async () => {
    const blobs = memoryBlobs();
    const meeting = await addMeeting(blobs, 1, 'running');
    await addMeeting(blobs, 2, 'succeeded');
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings.map((m) => m.state)).toEqual(['ready', 'processing']);
    await finish(blobs, meeting, 'succeeded', ['Laura']);
    let page: Awaited<ReturnType<typeof listMeetingsPage>> | undefined;
    expect(await perMeetingReads(blobs, async () => (page = await listMeetingsPage(blobs, tenantId, { limit: 10 })))).toBe(1);
    expect(page?.meetings.map((m) => m.state)).toEqual(['ready', 'ready']);
  });

  it('shows every status change of a rerun, however many this process writes before the next LIST', async () => {
    const blobs = memoryBlobs();
    const meeting = await addMeeting(blobs, 1, 'running');
    await listMeetingsPage(blobs, tenantId, { limit: 10 });
    // A first run fails and the list is read; the rerun runs and succeeds, the list read between each write.
    await finish(blobs, meeting, 'failed', []);
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings.map((m) => m.state)).toEqual(['failed']);
    await finish(blobs, { ...meeting, runId: `${meeting.meetingId}-r1` }, 'running', []);
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings.map((m) => m.state)).toEqual(['processing']);
    await finish(blobs, { ...meeting, runId: `${meeting.meetingId}-r1` }, 'succeeded', ['Laura']);
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings.map((m) => m.state)).toEqual(['ready']);
  });

  it("sees another process's new meeting once the catalog is listed again in the background", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const blobs = memoryBlobs();
    await addMeeting(blobs, 1, 'succeeded');
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings).toHaveLength(1);
    // Written behind this process's back: only a LIST can tell.
    const recordingKey = 'calls/elsewhere.ogg';
    const meetingId = deriveMeetingId(tenantId, recordingKey);
    await blobs.put(catalogKey(tenantId, meetingId), JSON.stringify({ schemaVersion: 1, tenantId, meetingId, recordingKey, resultPrefix: resultPrefixFor(recordingKey), title: 'elsewhere', recordedAt: '2026-03-01T00:00:00.000Z', createdAt: '2026-03-01T00:00:00.000Z' }));
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings).toHaveLength(1);
    vi.advanceTimersByTime(2_500);
    // This page is served from the listing it has while a new LIST runs.
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    const page = await listMeetingsPage(blobs, tenantId, { limit: 10 });
    expect(page.meetings.map((m) => [m.title, m.state])).toEqual([
      ['elsewhere', 'processing'],
      ['meeting 1', 'ready'],
    ]);
  });

  it('waits for a new LIST when its listing is too old to serve, as in a process that slept', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const blobs = memoryBlobs();
    const kept = await addMeeting(blobs, 1, 'succeeded');
    const gone = await addMeeting(blobs, 2, 'succeeded');
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings).toHaveLength(2);
    await blobs.delete([catalogKey(tenantId, gone.meetingId)]);
    vi.advanceTimersByTime(60_000);
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings.map((m) => m.meetingId)).toEqual([kept.meetingId]);
  });

  it('drops a meeting deleted by this process from the next page at once', async () => {
    const blobs = memoryBlobs();
    const meeting = await addMeeting(blobs, 1, 'succeeded');
    await addMeeting(blobs, 2, 'succeeded');
    await listMeetingsPage(blobs, tenantId, { limit: 10 });
    await deleteMeeting({ blobs, vectorIndex: new InMemoryVectorIndex(), workflow: { isRunning: async () => false } }, { tenantId, meetingId: meeting.meetingId });
    expect((await listMeetingsPage(blobs, tenantId, { limit: 10 })).meetings.map((m) => m.title)).toEqual(['meeting 2']);
  });

  it('filters by participant from the listing, without opening transcripts', async () => {
    const blobs = memoryBlobs();
    await addMeeting(blobs, 1, 'succeeded', ['Laura', 'Ahmed']);
    await addMeeting(blobs, 2, 'succeeded', ['Mei']);
    await listMeetingsPage(blobs, tenantId, { limit: 10 });
    let page: Awaited<ReturnType<typeof listMeetingsPage>> | undefined;
    expect(await perMeetingReads(blobs, async () => (page = await listMeetingsPage(blobs, tenantId, { limit: 10, participant: 'ahm' })))).toBe(0);
    expect(page?.meetings.map((m) => m.title)).toEqual(['meeting 1']);
  });

  it('still lists entries written before the catalog kept a listing, from their files', async () => {
    const blobs = memoryBlobs();
    const meeting = await addMeeting(blobs, 1, 'failed');
    const key = catalogKey(tenantId, meeting.meetingId);
    const { listing: _dropped, ...legacy } = JSON.parse(blobs.objects.get(key) ?? '{}');
    await blobs.put(key, JSON.stringify(legacy));
    const { meetings } = await listMeetingsPage(blobs, tenantId, { limit: 10 });
    expect(meetings.map((m) => [m.state, m.error?.message])).toEqual([['failed', 'not audio']]);
  });
});
