import { catalogKey, catalogPrefix } from '../meetings/resultKeys.js';
import type { CatalogEntry, MeetingContext } from '../meetings/schema.js';
import { noteCatalogDelete } from '../meetings/catalogEntryCache.js';
import { recordInCatalog } from '../meetings/recordInCatalog.js';
import type { BlobStore } from '../ports/BlobStore.js';

/**
 * Lists the meeting as `awaiting_consent` and starts nothing: no step runs, so no provider
 * hears the recording and nothing is indexed. The catalog entry is all that is written (outside
 * the recording's folder); recording consent starts the run from it.
 */
export async function holdForConsent(blobs: BlobStore, meeting: Pick<MeetingContext, 'tenantId' | 'meetingId' | 'recordingKey' | 'resultPrefix' | 'recordedAt'>, now: string): Promise<void> {
  await recordInCatalog(blobs, meeting, now, { state: 'awaiting_consent', degraded: false, error: null, updatedAt: now, speakers: null });
}

/** A waiting meeting whose recording was deleted: only its catalog entry exists (and consent, if any was recorded), and it goes. */
export async function forgetWaitingMeeting(blobs: BlobStore, entry: Pick<CatalogEntry, 'tenantId' | 'meetingId'>): Promise<void> {
  const key = catalogKey(entry.tenantId, entry.meetingId);
  await blobs.delete([key]);
  noteCatalogDelete(blobs, catalogPrefix(entry.tenantId), key);
}
