import { ManifestSchema } from './manifestSchema.js';
import { resultFiles, resultKey } from './resultKeys.js';
import type { CatalogEntry } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findCatalogEntry, listCatalogEntries } from './catalogReads.js';
import { readSteps } from './stepViews.js';
import { readListing, type Listing, type MeetingState } from './listingRow.js';
import type { MeetingSummaryView, MeetingView, StepView } from './meetingViewSchema.js';
import type { MeetingIdentity } from './meetingIdentity.js';
import { meetingProgress } from './meetingProgress.js';
import { readShownResult } from '../jsonBlobs.js';

export type { MeetingState, MeetingSummaryView, MeetingView, StepView };

export async function listMeetings(blobs: BlobStore, tenantId: string): Promise<MeetingSummaryView[]> {
  const entries = await listCatalogEntries(blobs, tenantId);
  return Promise.all(entries.map((entry) => summarise(blobs, entry)));
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
