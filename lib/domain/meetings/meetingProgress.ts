import { isTrackKey, isTracksFolder } from '../intake/recordingEvent.js';
import { LENGTH_HEAD_BYTES, OGG_TAIL_BYTES, recordingLength, type RecordingLength } from '../media/recordingLength.js';
import { ManifestSchema } from './manifestSchema.js';
import { resultFiles, resultKey } from './resultKeys.js';
import type { CatalogEntry } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJsonIfValid } from '../jsonBlobs.js';
import { listCatalogEntries } from './catalogReads.js';
import { readSteps } from './stepViews.js';
import { estimateReady, speedsFromRuns, type ReadyEstimate, type StepSpeeds } from './readyEstimate.js';

/** How many recent published runs the speeds are measured on, and how long a measurement is reused. */
const RECENT_RUNS = 20;
const SPEEDS_TTL_MS = 60_000;
const speedsCache = new WeakMap<BlobStore, Map<string, { at: number; speeds: Promise<StepSpeeds> }>>();
const lengthCache = new WeakMap<BlobStore, Map<string, Promise<RecordingLength>>>();

/** Where a processing meeting is, and when its notes should be ready; null for a meeting not processing. */
export async function meetingProgress(blobs: BlobStore, entry: CatalogEntry, now: Date): Promise<ReadyEstimate | null> {
  const state = entry.listing?.state;
  if (state !== undefined && state !== 'processing') return null;
  const [steps, length, speeds] = await Promise.all([readSteps(blobs, entry.resultPrefix), lengthOf(blobs, entry), measuredSpeeds(blobs, entry.tenantId, now)]);
  return estimateReady(steps, length, speeds, now);
}

/** The transcript's length when an earlier run knew it, else the recording's (or its longest track's). */
async function lengthOf(blobs: BlobStore, entry: CatalogEntry): Promise<RecordingLength> {
  if (entry.identity?.durationMs != null) return { ms: entry.identity.durationMs, exact: true };
  const keys = isTracksFolder(entry.recordingKey) ? (await blobs.list(entry.recordingKey)).filter(isTrackKey) : [entry.recordingKey];
  const lengths = await Promise.all(keys.map((key) => fileLength(blobs, key)));
  return lengths.reduce((longest, length) => (length.ms > longest.ms ? length : longest), { ms: 0, exact: false });
}

function fileLength(blobs: BlobStore, key: string): Promise<RecordingLength> {
  let byKey = lengthCache.get(blobs);
  if (byKey === undefined) lengthCache.set(blobs, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const reading = (async () => {
    const head = await blobs.head(key);
    if (head === null || head.size === 0) return { ms: 0, exact: false };
    const [start, end] = await Promise.all([
      blobs.getBytes(key, { start: 0, end: Math.min(head.size, LENGTH_HEAD_BYTES) - 1 }),
      blobs.getBytes(key, { start: Math.max(0, head.size - OGG_TAIL_BYTES), end: head.size - 1 }),
    ]);
    return recordingLength(start ?? new Uint8Array(), end ?? new Uint8Array(), head.size);
  })();
  // A recording is never modified, but a failed read is tried again next time.
  reading.catch(() => byKey.delete(key));
  if (byKey.size > 1_000) byKey.clear();
  byKey.set(key, reading);
  return reading;
}

/** Step speeds measured on the tenant's most recent published runs (their manifests), reused for a minute. */
function measuredSpeeds(blobs: BlobStore, tenantId: string, now: Date): Promise<StepSpeeds> {
  let byTenant = speedsCache.get(blobs);
  if (byTenant === undefined) speedsCache.set(blobs, (byTenant = new Map()));
  const cached = byTenant.get(tenantId);
  if (cached !== undefined && now.getTime() - cached.at < SPEEDS_TTL_MS) return cached.speeds;
  const speeds = (async () => {
    const ready = (await listCatalogEntries(blobs, tenantId)).filter((entry) => entry.listing?.state === 'ready').slice(0, RECENT_RUNS);
    const manifests = await Promise.all(ready.map((entry) => findJsonIfValid(blobs, resultKey(entry.resultPrefix, resultFiles.manifest), ManifestSchema)));
    return speedsFromRuns(manifests.flatMap((manifest) => (manifest === null ? [] : [{ recordingMs: manifest.counts.durationMs, steps: manifest.steps }])));
  })();
  speeds.catch(() => byTenant.delete(tenantId));
  byTenant.set(tenantId, { at: now.getTime(), speeds });
  return speeds;
}
