import { catalogKey, catalogPrefix } from './resultKeys.js';
import { CatalogEntrySchema, STATUS_SCHEMA_VERSION, type CatalogEntry, type MeetingContext } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJsonIfValid, putJson } from '../jsonBlobs.js';
import { noteCatalogWrite } from './catalogEntryCache.js';
import type { Listing } from './listingRow.js';
import { identityAtIntake, identityOnRecord } from './identityOfRun.js';

/** The catalog entry with its listing and identity, in one write; a rerun keeps the first sighting, what the last run learned and, until it ends, the speakers. */
export async function recordInCatalog(blobs: BlobStore, meeting: Pick<MeetingContext, 'tenantId' | 'meetingId' | 'recordingKey' | 'resultPrefix' | 'recordedAt' | 'room'>, now: string, listing: Listing): Promise<void> {
  const key = catalogKey(meeting.tenantId, meeting.meetingId);
  const existing = await findJsonIfValid(blobs, key, CatalogEntrySchema);
  const identity = await identityAtIntake(blobs, meeting, identityOnRecord(existing));
  const entry: CatalogEntry = {
    schemaVersion: STATUS_SCHEMA_VERSION,
    tenantId: meeting.tenantId,
    meetingId: meeting.meetingId,
    recordingKey: meeting.recordingKey,
    resultPrefix: meeting.resultPrefix,
    title: identity.title,
    recordedAt: meeting.recordedAt,
    createdAt: existing?.createdAt ?? now,
    listing: { ...listing, speakers: listing.speakers ?? existing?.listing?.speakers ?? null },
    identity,
    ...(existing?.erasures === undefined ? {} : { erasures: existing.erasures }),
  };
  await putJson(blobs, key, entry);
  noteCatalogWrite(blobs, catalogPrefix(meeting.tenantId), key);
}
