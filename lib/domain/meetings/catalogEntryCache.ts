import type { CatalogEntry } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';

// A catalog entry is rewritten whenever its meeting's status changes (it carries the listing),
// so a parsed entry is kept together with the version (ETag) it was read at: a listing of a
// thousand meetings costs one LIST request plus a GET for each entry that changed since, instead
// of a thousand GETs. A deleted meeting's key stops being listed and is dropped.
const MAX_ENTRIES = 50_000;
const cache = new WeakMap<BlobStore, Map<string, { version: string; entry: CatalogEntry }>>();

function entriesOf(blobs: BlobStore): Map<string, { version: string; entry: CatalogEntry }> {
  let entries = cache.get(blobs);
  if (entries === undefined) {
    entries = new Map();
    cache.set(blobs, entries);
  }
  return entries;
}

/** The entry as last read, if it was read at this version. */
export function cachedCatalogEntry(blobs: BlobStore, key: string, version: string): CatalogEntry | undefined {
  const cached = entriesOf(blobs).get(key);
  return cached?.version === version ? cached.entry : undefined;
}

export function rememberCatalogEntry(blobs: BlobStore, key: string, version: string, entry: CatalogEntry): void {
  const entries = entriesOf(blobs);
  if (entries.size >= MAX_ENTRIES && !entries.has(key)) entries.delete(entries.keys().next().value ?? '');
  entries.set(key, { version, entry });
}

/** Forgets entries whose keys under `prefix` are no longer listed. */
export function forgetUnlisted(blobs: BlobStore, prefix: string, listed: ReadonlySet<string>): void {
  const entries = entriesOf(blobs);
  for (const key of entries.keys()) if (key.startsWith(prefix) && !listed.has(key)) entries.delete(key);
}

// A LIST of a thousand keys takes 50–200 ms (on S3 as on the embedded server), so no page of
// the list waits for one once a listing exists: a listing older than FRESH_MS is served while a
// new LIST runs in the background (stale-while-revalidate), and only one older than MAX_STALE_MS
// (a process that slept, like a frozen Lambda) or none at all is awaited. This process's own
// writes and deletes patch the listing at once, so they never wait for the next LIST.
const FRESH_MS = 2_000;
const MAX_STALE_MS = 30_000;
/**
 * Marks a key written here and not yet seen in a LIST: its entry is read again. Each write gets
 * its own mark, else an entry read after one write would be served again after the next one
 * (a rerun listed as the failed run it replaced until the next LIST).
 */
let unseenWrites = 0;
const unseen = (): string => `unseen:${(unseenWrites += 1)}`;

interface Listing {
  versions: Map<string, string>;
  at: number;
  refreshing: Promise<void> | null;
  /** This process's writes (a version) and deletes (null) since the running LIST began. */
  patches: Map<string, string | null>;
}
const listings = new WeakMap<BlobStore, Map<string, Listing>>();

function listingsOf(blobs: BlobStore): Map<string, Listing> {
  let byPrefix = listings.get(blobs);
  if (byPrefix === undefined) {
    byPrefix = new Map();
    listings.set(blobs, byPrefix);
  }
  return byPrefix;
}

function refresh(blobs: BlobStore, prefix: string, listing: Listing, now: number): Promise<void> {
  listing.patches.clear();
  listing.refreshing = blobs
    .listVersions(prefix)
    .then((objects) => {
      const versions = new Map(objects.map((object) => [object.key, object.version]));
      // A write or delete that happened while the LIST ran may be missing from its answer.
      for (const [key, version] of listing.patches) version === null ? versions.delete(key) : versions.set(key, version);
      listing.versions = versions;
      listing.at = now;
    })
    .finally(() => {
      listing.refreshing = null;
    });
  return listing.refreshing;
}

/** The keys and versions under `prefix`, in key order. */
export async function listCatalogVersions(blobs: BlobStore, prefix: string, now = Date.now()): Promise<{ key: string; version: string }[]> {
  const byPrefix = listingsOf(blobs);
  let listing = byPrefix.get(prefix);
  if (listing === undefined) {
    listing = { versions: new Map(), at: -Infinity, refreshing: null, patches: new Map() };
    byPrefix.set(prefix, listing);
  }
  const age = now - listing.at;
  if (age >= FRESH_MS && listing.refreshing === null) {
    const running = refresh(blobs, prefix, listing, now);
    // Served stale meanwhile: a failed background LIST is retried by the next request.
    if (age < MAX_STALE_MS) running.catch(() => undefined);
  }
  if (age >= MAX_STALE_MS && listing.refreshing !== null) await listing.refreshing;
  return [...listing.versions].map(([key, version]) => ({ key, version })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** After this process wrote (or rewrote) a catalog entry: the next page reads it again. */
export function noteCatalogWrite(blobs: BlobStore, prefix: string, key: string): void {
  patch(blobs, prefix, key, unseen());
}

/** After this process deleted a catalog entry: the next page no longer shows it. */
export function noteCatalogDelete(blobs: BlobStore, prefix: string, key: string): void {
  patch(blobs, prefix, key, null);
  entriesOf(blobs).delete(key);
}

function patch(blobs: BlobStore, prefix: string, key: string, version: string | null): void {
  const listing = listingsOf(blobs).get(prefix);
  if (listing === undefined) return;
  if (version === null) listing.versions.delete(key);
  else listing.versions.set(key, version);
  if (listing.refreshing !== null) listing.patches.set(key, version);
}

/** Forgets the listing, so the next page waits for a new LIST: for tools and tests that change the store behind the process's back. */
export function forgetCatalogListing(blobs: BlobStore, prefix: string): void {
  listingsOf(blobs).delete(prefix);
}
