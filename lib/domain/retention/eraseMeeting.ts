import type { AuditLog } from '../audit/AuditLog.js';
import { meetingDeliveryIds } from '../crm/meetingDeliveries.js';
import type { DeliveryQueue } from '../crm/ports.js';
import { isMediaKey, isTrackKey, isTracksFolder } from '../intake/recordingEvent.js';
import { LIVE_CAPTIONS_FILE, liveCaptionsKey } from '../live/saveLiveCaptions.js';
import { catalogKey, catalogPrefix, resultFiles, resultKey, siblingTranscriptKeys } from '../meetings/resultKeys.js';
import { MeetingStatusSchema, type CatalogEntry } from '../meetings/schema.js';
import { noteCatalogWrite } from '../meetings/catalogEntryCache.js';
import { deleteMeeting } from '../meetings/deleteMeeting.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { VectorIndex } from '../ports/VectorIndex.js';
import type { WorkflowRunner } from '../ports/WorkflowRunner.js';
import { findJsonIfValid, putJson } from '../jsonBlobs.js';
import { writeTombstone, type ErasableStore, type Tombstone } from './tombstone.js';

export interface ErasureDeps {
  blobs: BlobStore;
  vectorIndex: VectorIndex;
  workflow: Pick<WorkflowRunner, 'isRunning'>;
  /** The CRM delivery log; null where the deployment has none. */
  deliveries: Pick<DeliveryQueue, 'list' | 'remove'> | null;
  clock: () => Date;
  /** Each erasure is recorded in the tenant's audit log (ids, reason and stores; never content). */
  audit: Pick<AuditLog, 'record'>;
}

/** A run is writing the meeting: erasing now would race it, so the sweep leaves it for its next pass. */
export async function isBeingProcessed(deps: Pick<ErasureDeps, 'blobs' | 'workflow'>, entry: CatalogEntry): Promise<boolean> {
  const status = await findJsonIfValid(deps.blobs, resultKey(entry.resultPrefix, resultFiles.status), MeetingStatusSchema);
  return status?.state === 'running' && (await deps.workflow.isRunning(status.runId));
}

/**
 * Erases a meeting everywhere aftercall keeps it — search documents (the tenant's LanceDB rows or
 * Pinecone namespace), CRM delivery payloads, every result beside the recording (live captions
 * included), optionally the recording itself — and leaves a tombstone in place of its catalog
 * entry. The tombstone is written first and the entry removed last, so an erasure cut short is
 * finished by the next sweep, and the meeting never lists without its data while the erasure is
 * still under way.
 */
export async function eraseMeeting(deps: ErasureDeps, entry: CatalogEntry, request: { reason: string; withRecording: boolean }): Promise<Tombstone> {
  const stores: ErasableStore[] = ['results', 'live-captions', 'index', ...(deps.deliveries === null ? [] : (['deliveries'] as const)), ...(request.withRecording ? (['recording'] as const) : []), 'catalog'];
  const tombstone = await writeTombstone(deps.blobs, { tenantId: entry.tenantId, meetingId: entry.meetingId, erasedAt: deps.clock().toISOString(), reason: request.reason, stores });
  if (deps.deliveries !== null) await deps.deliveries.remove(entry.tenantId, await meetingDeliveryIds(deps.deliveries, entry.tenantId, entry.meetingId));
  if (request.withRecording) await deleteRecording(deps.blobs, entry.recordingKey);
  // Captions the relay saved under the folder of today's layout, if the meeting's results live in an older one.
  await deps.blobs.delete([liveCaptionsKey(entry.recordingKey)]);
  await deleteMeeting(deps, { tenantId: entry.tenantId, meetingId: entry.meetingId });
  return tombstone;
}

/** Removes some stores of a meeting that stays listed, and notes it in the catalog entry. */
export async function trimMeeting(deps: Pick<ErasureDeps, 'blobs' | 'vectorIndex' | 'clock'>, entry: CatalogEntry, request: { stores: readonly ('index' | 'live-captions' | 'recording')[]; reason: string }): Promise<void> {
  for (const store of request.stores) {
    if (store === 'index') await deps.vectorIndex.deleteMeeting(entry.tenantId, entry.meetingId);
    if (store === 'live-captions') await deps.blobs.delete([...new Set([resultKey(entry.resultPrefix, LIVE_CAPTIONS_FILE), liveCaptionsKey(entry.recordingKey)])]);
    if (store === 'recording') await deleteRecording(deps.blobs, entry.recordingKey);
  }
  const key = catalogKey(entry.tenantId, entry.meetingId);
  const erasures = [...(entry.erasures ?? []), { at: deps.clock().toISOString(), stores: [...request.stores], reason: request.reason }];
  await putJson(deps.blobs, key, { ...entry, erasures });
  noteCatalogWrite(deps.blobs, catalogPrefix(entry.tenantId), key);
}

/** The recording (or every participant track of a tracks folder) and any transcript uploaded beside it. */
async function deleteRecording(blobs: BlobStore, recordingKey: string): Promise<void> {
  const keys = isTracksFolder(recordingKey)
    ? (await blobs.list(recordingKey)).filter((key) => isTrackKey(key) && (isMediaKey(key) || /\.(vtt|srt|json)$/.test(key)))
    : [recordingKey, ...siblingTranscriptKeys(recordingKey)];
  if (keys.length > 0) await blobs.delete(keys);
}
