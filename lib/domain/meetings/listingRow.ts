import { catalogKey, catalogPrefix, resultFiles, resultKey } from '../meeting/resultKeys.js';
import { CatalogEntrySchema, MeetingStatusSchema, type CatalogEntry, type MeetingStatus } from '../meeting/schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { TranscriptSchema } from '../transcript/schema.js';
import { findJson, putJson } from '../workflow/jsonResults.js';
import { noteCatalogWrite } from './catalogEntryCache.js';

export type MeetingState = 'processing' | 'ready' | 'failed';
export type Listing = NonNullable<CatalogEntry['listing']>;

/**
 * A meeting is ready only when its manifest exists (it is written last); a failed status
 * says failed; anything else is still processing — never half done.
 */
export function stateOf(status: MeetingStatus | null, hasManifest: boolean): MeetingState {
  if (hasManifest && status?.state !== 'running') return 'ready';
  if (status?.state === 'failed') return 'failed';
  return 'processing';
}

/** What the list shows about a meeting, read from the files beside its recording. */
export async function readListing(blobs: BlobStore, resultPrefix: string, options: { speakers: boolean }): Promise<Listing> {
  const [status, manifestHead, transcript] = await Promise.all([
    findJson(blobs, resultKey(resultPrefix, resultFiles.status), MeetingStatusSchema),
    blobs.head(resultKey(resultPrefix, resultFiles.manifest)),
    options.speakers ? findJson(blobs, resultKey(resultPrefix, resultFiles.transcriptJson), TranscriptSchema).catch(() => null) : null,
  ]);
  return {
    state: stateOf(status, manifestHead !== null),
    degraded: status?.degraded ?? false,
    error: status?.error ?? null,
    updatedAt: status?.updatedAt ?? null,
    speakers: transcript?.speakers.map((speaker) => speaker.name) ?? null,
  };
}

/**
 * Copies the listing into the tenant's catalog entry, so a page of the meeting list reads one
 * LIST and no per-meeting files (the files stay the record; this is a denormalised copy). Called
 * after every status change, which is when the listing can change: speakers are read only once
 * a transcript can exist, at the end of a run.
 */
export async function refreshListing(blobs: BlobStore, meeting: { tenantId: string; meetingId: string; resultPrefix: string }, options: { speakers: boolean }): Promise<void> {
  const key = catalogKey(meeting.tenantId, meeting.meetingId);
  const entry = await findJson(blobs, key, CatalogEntrySchema).catch(() => null);
  // No entry: the recording never reached the catalog, so there is nothing to list.
  if (entry === null) return;
  const listing = await readListing(blobs, meeting.resultPrefix, options);
  await putJson(blobs, key, { ...entry, listing: { ...listing, speakers: listing.speakers ?? entry.listing?.speakers ?? null } });
  noteCatalogWrite(blobs, catalogPrefix(meeting.tenantId), key);
}
