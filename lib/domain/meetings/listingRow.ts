import { ManifestSchema, type Manifest } from '../meeting/manifestSchema.js';
import { catalogKey, catalogPrefix, resultFiles, resultKey } from '../meeting/resultKeys.js';
import { CatalogEntrySchema, MeetingStatusSchema, type CatalogEntry, type MeetingStatus } from '../meeting/schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJson, findJsonIfValid, putJson } from '../workflow/jsonResults.js';
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

/**
 * What the list shows about a meeting, from its status, whether its manifest exists, its
 * speakers' names (null: not known) and the manifest's degradations.
 */
export function listingOf(status: MeetingStatus | null, hasManifest: boolean, speakers: readonly { name: string }[] | null, degradedReasons: Manifest['degraded'] = []): Listing {
  return {
    state: stateOf(status, hasManifest),
    degraded: status?.degraded ?? false,
    error: status?.error ?? null,
    updatedAt: status?.updatedAt ?? null,
    speakers: speakers?.map((speaker) => speaker.name) ?? null,
    ...(degradedReasons.length > 0 ? { degradedReasons } : {}),
  };
}

/** The listing read from the files beside the recording, for an entry that does not carry one. */
export async function readListing(blobs: BlobStore, resultPrefix: string): Promise<Listing> {
  const [status, manifestHead] = await Promise.all([
    findJson(blobs, resultKey(resultPrefix, resultFiles.status), MeetingStatusSchema),
    blobs.head(resultKey(resultPrefix, resultFiles.manifest)),
  ]);
  // Only a degraded meeting's manifest has reasons worth reading.
  const manifest = status?.degraded === true ? await findJsonIfValid(blobs, resultKey(resultPrefix, resultFiles.manifest), ManifestSchema) : null;
  return listingOf(status, manifestHead !== null, null, manifest?.degraded ?? []);
}

/**
 * Copies the listing into the tenant's catalog entry, so a page of the meeting list reads one
 * LIST and no per-meeting files (the files stay the record; this is a denormalised copy). The
 * steps that change the status call it with what they have just written; speakers not known
 * keep the names the entry had.
 */
export async function refreshListing(blobs: BlobStore, meeting: { tenantId: string; meetingId: string }, listing: Listing): Promise<void> {
  const key = catalogKey(meeting.tenantId, meeting.meetingId);
  const entry = await findJsonIfValid(blobs, key, CatalogEntrySchema);
  // No entry: the recording never reached the catalog, so there is nothing to list.
  if (entry === null) return;
  await putJson(blobs, key, { ...entry, listing: { ...listing, speakers: listing.speakers ?? entry.listing?.speakers ?? null } });
  noteCatalogWrite(blobs, catalogPrefix(meeting.tenantId), key);
}
