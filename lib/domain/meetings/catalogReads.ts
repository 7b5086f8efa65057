import { tenantNamedByKey } from '../intake/recordingTenant.js';
import { MEETING_ID_PATTERN } from './meetingId.js';
import { catalogKey, catalogPrefix } from './resultKeys.js';
import { CatalogEntrySchema, type CatalogEntry } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { cachedCatalogEntry, forgetUnlisted, listCatalogVersions, rememberCatalogEntry } from './catalogEntryCache.js';
import { findJson, findJsonIfValid } from '../jsonBlobs.js';

/** The tenant's catalog, newest recording first (ties by id): the order every listing uses. */
export async function listCatalogEntries(blobs: BlobStore, tenantId: string): Promise<CatalogEntry[]> {
  const prefix = catalogPrefix(tenantId);
  const objects = await listCatalogVersions(blobs, prefix);
  forgetUnlisted(blobs, prefix, new Set(objects.map((object) => object.key)));
  const entries = await Promise.all(
    objects.map(async ({ key, version }) => {
      const cached = cachedCatalogEntry(blobs, key, version);
      if (cached !== undefined) return cached;
      const entry = await findJsonIfValid(blobs, key, CatalogEntrySchema);
      if (entry !== null) rememberCatalogEntry(blobs, key, version, entry);
      return entry;
    }),
  );
  return entries
    .filter((entry): entry is CatalogEntry => entry !== null && filedUnderItsTenant(entry))
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || a.meetingId.localeCompare(b.meetingId));
}

/** Null when the tenant has no such meeting (ids of other tenants are not found either). */
export async function findCatalogEntry(blobs: BlobStore, tenantId: string, meetingId: string): Promise<CatalogEntry | null> {
  if (!MEETING_ID_PATTERN.test(meetingId)) return null;
  const entry = await findJson(blobs, catalogKey(tenantId, meetingId), CatalogEntrySchema);
  return entry !== null && filedUnderItsTenant(entry) ? entry : null;
}

/**
 * Before the tenant rule held on every path, a LiveKit webhook could file another tenant's
 * recording in this tenant's catalog; such an entry gives no access to that recording.
 */
function filedUnderItsTenant(entry: CatalogEntry): boolean {
  const named = tenantNamedByKey(entry.recordingKey);
  return named === null || named === entry.tenantId;
}
