import { ManifestSchema } from '../meeting/manifestSchema.js';
import { resultFiles, resultKey } from '../meeting/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { Embedder } from '../ports/Embedder.js';
import type { VectorIndex } from '../ports/VectorIndex.js';
import { findJson } from '../workflow/jsonResults.js';
import { indexStoredMeeting } from '../workflow/indexStoredMeeting.js';
import { listCatalogEntries } from './meetingView.js';

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
  for (const entry of await listCatalogEntries(deps.blobs, tenantId)) {
    const manifest = await findJson(deps.blobs, resultKey(entry.resultPrefix, resultFiles.manifest), ManifestSchema);
    if (manifest === null) continue;
    const indexed = await indexStoredMeeting(deps, tenantId, entry.resultPrefix);
    meetings += 1;
    documents += indexed.documents;
  }
  return { meetings, documents };
}
