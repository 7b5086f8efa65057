import type { BlobStore } from '../ports/BlobStore.js';
import type { Embedder } from '../ports/Embedder.js';
import type { IndexedDocument, VectorIndex } from '../ports/VectorIndex.js';
import type { SearchDocumentsInput } from '../search/buildSearchDocuments.js';
import { embedMeeting, indexMeeting, type IndexMeetingResult } from '../search/indexMeeting.js';
import { readMeetingResults } from './meetingResults.js';

/** Indexes a meeting from what the blob store holds: the workflow's Index step. */
export async function indexStoredMeeting(
  deps: { blobs: BlobStore; embedder: Embedder; index: VectorIndex },
  tenantId: string,
  resultPrefix: string,
): Promise<IndexMeetingResult> {
  return indexMeeting({ embedder: deps.embedder, index: deps.index }, await storedSearchInput(deps.blobs, tenantId, resultPrefix));
}

/** A stored meeting's search documents with their vectors, for a rebuild that writes many meetings at once. */
export async function embedStoredMeeting(deps: { blobs: BlobStore; embedder: Embedder }, tenantId: string, resultPrefix: string): Promise<{ meetingId: string; documents: IndexedDocument[] }> {
  const input = await storedSearchInput(deps.blobs, tenantId, resultPrefix);
  return { meetingId: input.transcript.meetingId, documents: await embedMeeting(deps.embedder, input) };
}

async function storedSearchInput(blobs: BlobStore, tenantId: string, resultPrefix: string): Promise<SearchDocumentsInput> {
  const results = await readMeetingResults(blobs, resultPrefix);
  return {
    tenantId,
    transcript: results.transcript,
    ...(results.summary === null ? {} : { summary: results.summary }),
    ...(results.actionItems === null ? {} : { actionItems: results.actionItems }),
    ...(results.chapters === null ? {} : { chapters: results.chapters }),
  };
}
