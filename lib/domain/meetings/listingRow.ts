import { ManifestSchema, type Manifest } from './manifestSchema.js';
import { catalogKey, catalogPrefix, resultFiles, resultKey } from './resultKeys.js';
import { CatalogEntrySchema, MeetingStatusSchema, type CatalogEntry, type MeetingStatus } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJson, findJsonIfValid, putJson } from '../jsonBlobs.js';
import { noteCatalogWrite } from './catalogEntryCache.js';
import type { MeetingIdentity } from './meetingIdentity.js';

export type MeetingState = Listing['state'];
export type Listing = NonNullable<CatalogEntry['listing']>;

/**
 * A meeting is ready only when its manifest exists (it is written last) and no run is redoing
 * it; a failed run says failed, unless it is the run that wrote the manifest (it failed after
 * publishing); anything else is still processing — never half done. A rerun keeps the earlier
 * manifest and results readable until it replaces them, so `publishedRunId` (the manifest's
 * run) may be an earlier run than the status's.
 */
export function stateOf(status: MeetingStatus | null, publishedRunId: string | null): MeetingState {
  if (status?.state === 'running') return 'processing';
  if (publishedRunId !== null && (status?.state !== 'failed' || status.runId === publishedRunId)) return 'ready';
  if (status?.state === 'failed') return 'failed';
  return 'processing';
}

/**
 * What the list shows about a meeting, from its status, the run that wrote its manifest (null:
 * none), its speakers' names (null: not known) and the manifest's degradations.
 */
export function listingOf(status: MeetingStatus | null, publishedRunId: string | null, speakers: readonly { name: string }[] | null, degradedReasons: Manifest['degraded'] = []): Listing {
  return {
    state: stateOf(status, publishedRunId),
    degraded: status?.degraded ?? false,
    error: status?.error ?? null,
    updatedAt: status?.updatedAt ?? null,
    speakers: speakers?.map((speaker) => speaker.name) ?? null,
    ...(degradedReasons.length > 0 ? { degradedReasons } : {}),
  };
}

/** The listing read from the files beside the recording, for an entry that does not carry one. */
export async function readListing(blobs: BlobStore, resultPrefix: string): Promise<Listing> {
  const [status, manifest] = await Promise.all([
    findJson(blobs, resultKey(resultPrefix, resultFiles.status), MeetingStatusSchema),
    findJsonIfValid(blobs, resultKey(resultPrefix, resultFiles.manifest), ManifestSchema),
  ]);
  return listingOf(status, manifest?.runId ?? null, null, status?.degraded === true ? (manifest?.degraded ?? []) : []);
}

/**
 * Copies the listing into the tenant's catalog entry, so a page of the meeting list reads one
 * LIST and no per-meeting files (the files stay the record; this is a denormalised copy). The
 * steps that change the status call it with what they have just written; speakers not known
 * keep the names the entry had.
 */
export async function refreshListing(blobs: BlobStore, meeting: { tenantId: string; meetingId: string }, listing: Listing, identity?: MeetingIdentity): Promise<void> {
  const key = catalogKey(meeting.tenantId, meeting.meetingId);
  const entry = await findJsonIfValid(blobs, key, CatalogEntrySchema);
  // No entry: the recording never reached the catalog, so there is nothing to list.
  if (entry === null) return;
  const named = identity === undefined ? {} : { title: identity.title, identity };
  await putJson(blobs, key, { ...entry, ...named, listing: { ...listing, speakers: listing.speakers ?? entry.listing?.speakers ?? null } });
  noteCatalogWrite(blobs, catalogPrefix(meeting.tenantId), key);
}
