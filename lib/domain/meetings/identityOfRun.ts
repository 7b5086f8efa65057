import { isTracksFolder } from '../intake/recordingEvent.js';
import { recordingTitle } from './resultKeys.js';
import type { MeetingContext } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { MeetingResults } from '../workflow/meetingResults.js';
import { meetingIdentity, TITLE_SOURCES, type MeetingIdentity } from './meetingIdentity.js';

type RunMeeting = Pick<MeetingContext, 'recordingKey' | 'room'> & Partial<Pick<MeetingContext, 'recordedAt'>>;

/** The recording's user metadata (x-amz-meta-*); a folder of tracks has none. */
async function recordingMetadata(blobs: BlobStore, recordingKey: string): Promise<Readonly<Record<string, string>> | null> {
  if (isTracksFolder(recordingKey)) return null;
  return (await blobs.head(recordingKey))?.metadata ?? null;
}

/**
 * At intake: the title the recording and its room give, so a meeting still processing is listed
 * by name. A rerun keeps what the previous run learned (length, talk time, summary) and a better
 * title it found (a chapter's) over the file name.
 */
export async function identityAtIntake(blobs: BlobStore, meeting: RunMeeting, previous: MeetingIdentity | undefined): Promise<MeetingIdentity> {
  const fresh = meetingIdentity({ recordingKey: meeting.recordingKey, metadata: await recordingMetadata(blobs, meeting.recordingKey), room: meeting.room ?? previous?.room ?? null });
  return previous === undefined ? fresh : { ...previous, room: fresh.room, ...bestTitle(fresh, previous) };
}

/** The fresh title unless the previous one came from a better source (a title given before, or a chapter's over the file name). */
function bestTitle(fresh: MeetingIdentity, previous: MeetingIdentity | undefined): Pick<MeetingIdentity, 'title' | 'titleSource'> {
  const better = previous === undefined || TITLE_SOURCES.indexOf(fresh.titleSource) <= TITLE_SOURCES.indexOf(previous.titleSource);
  return better ? { title: fresh.title, titleSource: fresh.titleSource } : { title: previous.title, titleSource: previous.titleSource };
}

/**
 * What the catalog entry says the meeting is. A title set on the entry itself (by an earlier
 * version, or by hand) that differs from the derived one was given to it, and stays.
 */
export function identityOnRecord(entry: { title: string; recordingKey: string; identity?: MeetingIdentity | undefined } | null): MeetingIdentity | undefined {
  if (entry === null) return undefined;
  if (entry.identity !== undefined) return entry.title === entry.identity.title ? entry.identity : { ...entry.identity, title: entry.title, titleSource: 'metadata' };
  const given = entry.title !== recordingTitle(entry.recordingKey);
  return { title: entry.title, titleSource: given ? 'metadata' : 'file', room: null, durationMs: null, participants: [], talkTime: [], summaryPreview: null };
}

/** At publish: everything, from the run's results. */
export async function identityAtPublish(blobs: BlobStore, meeting: RunMeeting, results: MeetingResults, previous: MeetingIdentity | undefined): Promise<MeetingIdentity> {
  const fresh = meetingIdentity({
    recordingKey: meeting.recordingKey,
    metadata: await recordingMetadata(blobs, meeting.recordingKey),
    room: meeting.room ?? previous?.room ?? null,
    transcript: results.transcript,
    chapters: results.chapters,
    summary: results.summary,
    recordedAt: meeting.recordedAt ?? null,
  });
  // A chapter's title from an earlier run is no title given: this run's chapters (or the date) decide again.
  return { ...fresh, ...bestTitle(fresh, previous?.titleSource === 'chapter' ? undefined : previous) };
}
