import type { CatalogEntry } from '../meeting/schema.js';
import type { BlobStore } from '../ports/BlobStore.js';

// What a catalog entry says (tenant, recording, result prefix, title, recording time) is fixed
// when the meeting is first seen: a rerun writes the same values again. So a parsed entry can
// be kept for as long as its key is listed, and a listing of a thousand meetings costs one LIST
// request instead of a thousand GETs. A deleted meeting's key stops being listed and is dropped.
const MAX_ENTRIES = 50_000;
const cache = new WeakMap<BlobStore, Map<string, CatalogEntry>>();

export function cachedCatalogEntries(blobs: BlobStore): Map<string, CatalogEntry> {
  let entries = cache.get(blobs);
  if (entries === undefined) {
    entries = new Map();
    cache.set(blobs, entries);
  }
  return entries;
}

export function rememberCatalogEntry(blobs: BlobStore, key: string, entry: CatalogEntry): void {
  const entries = cachedCatalogEntries(blobs);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value ?? '');
  entries.set(key, entry);
}

/** Forgets entries whose keys under `prefix` are no longer listed. */
export function forgetUnlisted(blobs: BlobStore, prefix: string, listed: ReadonlySet<string>): void {
  const entries = cachedCatalogEntries(blobs);
  for (const key of entries.keys()) if (key.startsWith(prefix) && !listed.has(key)) entries.delete(key);
}

// A LIST of a thousand keys takes tens of milliseconds (on S3 as on the embedded server): a
// listing is reused for a moment. Meetings started or deleted by this process invalidate it at
// once; another process's are seen within LIST_TTL_MS.
const LIST_TTL_MS = 2_000;
const listings = new WeakMap<BlobStore, Map<string, { keys: string[]; at: number }>>();

export async function listCatalogKeys(blobs: BlobStore, prefix: string, now = Date.now()): Promise<string[]> {
  let byPrefix = listings.get(blobs);
  if (byPrefix === undefined) {
    byPrefix = new Map();
    listings.set(blobs, byPrefix);
  }
  const cached = byPrefix.get(prefix);
  if (cached !== undefined && now - cached.at < LIST_TTL_MS) return cached.keys;
  const keys = await blobs.list(prefix);
  byPrefix.set(prefix, { keys, at: now });
  return keys;
}

/** After this process adds or removes a catalog entry. */
export function invalidateCatalogListing(blobs: BlobStore, prefix: string): void {
  listings.get(blobs)?.delete(prefix);
}
