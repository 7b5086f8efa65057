import { tenantNamedByKey } from '../intake/recordingTenant.js';
import { ManifestSchema } from './manifestSchema.js';
import { MEETING_ID_PATTERN } from './meetingId.js';
import { catalogKey, catalogPrefix, resultFiles, resultKey } from './resultKeys.js';
import { CatalogEntrySchema, STEP_NAMES, type CatalogEntry } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { cachedCatalogEntry, forgetUnlisted, listCatalogVersions, rememberCatalogEntry } from './catalogEntryCache.js';
import { readListing, type Listing, type MeetingState } from './listingRow.js';
import type { MeetingSummaryView, MeetingView, StepView } from './meetingViewSchema.js';
import type { MeetingIdentity } from './meetingIdentity.js';
import { meetingProgress } from './meetingProgress.js';
import { findJson, findJsonIfValid, readShownResult } from '../jsonBlobs.js';
import { readStepStatuses } from '../workflow/stepStatus.js';

export type { MeetingState, MeetingSummaryView, MeetingView, StepView };

export async function listMeetings(blobs: BlobStore, tenantId: string): Promise<MeetingSummaryView[]> {
  const entries = await listCatalogEntries(blobs, tenantId);
  return Promise.all(entries.map((entry) => summarise(blobs, entry)));
}

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

export async function getMeeting(blobs: BlobStore, tenantId: string, meetingId: string): Promise<MeetingView | null> {
  const entry = await findCatalogEntry(blobs, tenantId, meetingId);
  if (entry === null) return null;
  const [summary, steps, manifest] = await Promise.all([
    summarise(blobs, entry),
    readSteps(blobs, entry.resultPrefix),
    readShownResult(blobs, resultKey(entry.resultPrefix, resultFiles.manifest), ManifestSchema),
  ]);
  const currentStep = summary.state === 'processing' ? (steps.find((step) => step.state === 'running')?.name ?? null) : null;
  return { ...summary, resultPrefix: entry.resultPrefix, steps, currentStep, manifest: manifest.value, unreadable: manifest.corrupt ? [resultFiles.manifest] : [] };
}

export async function summarise(blobs: BlobStore, entry: CatalogEntry, now = new Date()): Promise<MeetingSummaryView> {
  // Entries written before the listing was kept in the catalog are read from their files.
  const listing = entry.listing ?? (await readListing(blobs, entry.resultPrefix));
  const progress = listing.state === 'processing' ? await meetingProgress(blobs, { ...entry, listing }, now) : null;
  return {
    meetingId: entry.meetingId,
    title: entry.title,
    recordingKey: entry.recordingKey,
    recordedAt: entry.recordedAt,
    state: listing.state,
    degraded: listing.degraded,
    degradedReasons: listing.degradedReasons ?? [],
    error: listing.error,
    updatedAt: listing.updatedAt,
    ...identityOf(entry, listing),
    progress,
  };
}

/** An entry recorded before identities were kept: its file-name title and the speakers the listing knows. */
function identityOf(entry: CatalogEntry, listing: Listing): Omit<MeetingIdentity, 'title'> {
  if (entry.identity !== undefined) {
    const { title: _title, ...identity } = entry.identity;
    return identity;
  }
  return { titleSource: 'file', room: null, durationMs: null, participants: listing.speakers ?? [], talkTime: [], summaryPreview: null };
}

export async function readSteps(blobs: BlobStore, prefix: string): Promise<StepView[]> {
  const statuses = await readStepStatuses(blobs, prefix);
  const names = [...STEP_NAMES.filter((step) => step !== 'translate'), ...[...statuses.keys()].filter((n) => n.startsWith('translate.'))];
  const order = (name: string) => STEP_NAMES.indexOf(name.split('.')[0] as (typeof STEP_NAMES)[number]);
  return names
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((name) => {
      const status = statuses.get(name);
      return {
        name,
        state: status?.state ?? 'pending',
        detail: status?.detail ?? null,
        startedAt: status?.startedAt ?? null,
        finishedAt: status?.finishedAt ?? null,
      };
    });
}
