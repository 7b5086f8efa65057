import { ManifestSchema } from './manifestSchema.js';
import { resultFiles, resultKey } from './resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { Embedder } from '../ports/Embedder.js';
import type { MeetingDocuments, VectorIndex } from '../ports/VectorIndex.js';
import { replaceMeetings } from '../search/replaceMeetings.js';
import { findJson } from '../jsonBlobs.js';
import { embedStoredMeeting } from '../workflow/indexStoredMeeting.js';
import { listCatalogEntries } from './catalogReads.js';

/**
 * Meetings written to the index together: an index that replaces meetings in bulk (LanceDB) then
 * reads its table once per batch instead of once per meeting, while a batch's documents stay a
 * few tens of MB in memory.
 */
export const REBUILD_BATCH_MEETINGS = 100;

/**
 * The vector index is derived data: this rebuilds a tenant's from what the blob store holds,
 * for every meeting that has a manifest (finished meetings only).
 */
export async function rebuildIndex(
  deps: { blobs: BlobStore; embedder: Embedder; index: VectorIndex },
  tenantId: string,
): Promise<{ meetings: number; documents: number }> {
  let meetings = 0;
  let documents = 0;
  let batch: MeetingDocuments[] = [];
  for (const entry of await listCatalogEntries(deps.blobs, tenantId)) {
    const manifest = await findJson(deps.blobs, resultKey(entry.resultPrefix, resultFiles.manifest), ManifestSchema);
    if (manifest === null) continue;
    const embedded = await embedStoredMeeting(deps, tenantId, entry.resultPrefix);
    batch.push(embedded);
    meetings += 1;
    documents += embedded.documents.length;
    if (batch.length >= REBUILD_BATCH_MEETINGS) {
      await replaceMeetings(deps.index, tenantId, batch);
      batch = [];
    }
  }
  await replaceMeetings(deps.index, tenantId, batch);
  return { meetings, documents };
}
