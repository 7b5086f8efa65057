import { catalogKey, catalogPrefix, resultFiles, resultKey, resultPrefixFor } from './resultKeys.js';
import { noteCatalogDelete } from './catalogEntryCache.js';
import { MeetingStatusSchema, type CatalogEntry } from './schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { VectorIndex } from '../ports/VectorIndex.js';
import type { WorkflowRunner } from '../ports/WorkflowRunner.js';
import { findJsonIfValid } from '../jsonBlobs.js';
import { findCatalogEntry, listCatalogEntries } from './catalogReads.js';
import { MeetingBusyError, MeetingNotFoundError } from './meetingErrors.js';


export interface DeletedMeeting {
  meetingId: string;
  deletedObjects: number;
  /** Kept: deleting a meeting removes what aftercall derived, never the customer's recording. */
  recordingKey: string;
}

/**
 * Removes everything aftercall derived from a recording: its search documents, its results
 * folder and its catalog entry. The catalog entry goes last, so a delete that fails half way
 * can simply be asked again. Reprocessing the recording later recreates it all.
 */
export async function deleteMeeting(
  deps: { blobs: BlobStore; vectorIndex: VectorIndex; workflow: Pick<WorkflowRunner, 'isRunning'> },
  request: { tenantId: string; meetingId: string },
): Promise<DeletedMeeting> {
  const entry = await findCatalogEntry(deps.blobs, request.tenantId, request.meetingId);
  if (entry === null) throw new MeetingNotFoundError(`no meeting ${request.meetingId}`);
  const status = await findJsonIfValid(deps.blobs, resultKey(entry.resultPrefix, resultFiles.status), MeetingStatusSchema);
  // A status left "running" by a run that no longer exists (its worker died for good) blocks nothing.
  if (status?.state === 'running' && (await deps.workflow.isRunning(status.runId))) throw new MeetingBusyError(`meeting ${entry.meetingId} is being processed; delete it when its run has finished`);

  await deps.vectorIndex.deleteMeeting(entry.tenantId, entry.meetingId);
  // The prefix always ends in ".aftercall/", so this never reaches the recording or its neighbours.
  const results = (await sharesLegacyFolder(deps.blobs, entry)) ? [] : await deps.blobs.list(entry.resultPrefix);
  if (results.length > 0) await deps.blobs.delete(results);
  const key = catalogKey(entry.tenantId, entry.meetingId);
  await deps.blobs.delete([key]);
  noteCatalogDelete(deps.blobs, catalogPrefix(entry.tenantId), key);
  return { meetingId: entry.meetingId, deletedObjects: results.length, recordingKey: entry.recordingKey };
}

/**
 * Before results kept the extension in their folder name, `x.ogg` and `x.wav` both wrote to
 * `x.aftercall/`. Such a folder now holds another meeting's results: deleting this meeting
 * removes its entry and search documents, and leaves the folder to the meeting still using it.
 */
async function sharesLegacyFolder(blobs: BlobStore, entry: CatalogEntry): Promise<boolean> {
  if (entry.resultPrefix === resultPrefixFor(entry.recordingKey)) return false;
  const entries = await listCatalogEntries(blobs, entry.tenantId);
  return entries.some((other) => other.meetingId !== entry.meetingId && other.resultPrefix === entry.resultPrefix);
}
