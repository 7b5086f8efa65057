import { resultFiles, resultKey } from '../meetings/resultKeys.js';
import { findCatalogEntry } from '../meetings/catalogReads.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { TranscriptSchema } from '../transcript/schema.js';
import { findJsonIfValid } from '../jsonBlobs.js';
import type { TranscriptSource } from './retrievePassages.js';

/**
 * Transcripts read from beside each recording, through the tenant's own catalog: a meeting id
 * of another tenant (were the index ever to return one) finds nothing, so nothing of it is cited.
 */
export const storedTranscripts =
  (blobs: BlobStore): TranscriptSource =>
  async (tenantId, meetingId) => {
    const entry = await findCatalogEntry(blobs, tenantId, meetingId);
    if (entry === null) return null;
    return findJsonIfValid(blobs, resultKey(entry.resultPrefix, resultFiles.transcriptJson), TranscriptSchema);
  };
