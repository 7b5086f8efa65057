import type { BlobStore } from '../ports/BlobStore.js';
import type { Embedder } from '../ports/Embedder.js';
import type { VectorIndex } from '../ports/VectorIndex.js';
import { indexMeeting, type IndexMeetingResult } from '../search/indexMeeting.js';
import { readMeetingResults } from './meetingResults.js';

/** Indexes a meeting from what the blob store holds: the workflow's Index step and the rebuild share it. */
export async function indexStoredMeeting(
  deps: { blobs: BlobStore; embedder: Embedder; index: VectorIndex },
  tenantId: string,
  resultPrefix: string,
): Promise<IndexMeetingResult> {
  const results = await readMeetingResults(deps.blobs, resultPrefix);
  return indexMeeting(
    { embedder: deps.embedder, index: deps.index },
    {
      tenantId,
      transcript: results.transcript,
      ...(results.summary === null ? {} : { summary: results.summary }),
      ...(results.actionItems === null ? {} : { actionItems: results.actionItems }),
      ...(results.chapters === null ? {} : { chapters: results.chapters }),
    },
  );
}
