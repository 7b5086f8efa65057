import type { Embedder } from '../ports/Embedder.js';
import type { IndexedDocument, VectorIndex } from '../ports/VectorIndex.js';
import { buildSearchDocuments, type SearchDocumentsInput } from './buildSearchDocuments.js';
import { EmbeddingMismatchError } from './errors.js';

/** Texts per embed call: small enough for a remote embedder's request limits, large enough to amortise a call. */
export const EMBED_BATCH_SIZE = 64;

export interface IndexMeetingResult {
  meetingId: string;
  /** Documents stored; documents whose text had no content words are left out. */
  documents: number;
}

/**
 * Makes a processed meeting searchable, replacing whatever the index held for it, so that
 * reprocessing a meeting never leaves stale passages behind.
 */
export async function indexMeeting(deps: { embedder: Embedder; index: VectorIndex }, input: SearchDocumentsInput): Promise<IndexMeetingResult> {
  const indexed = await embedMeeting(deps.embedder, input);
  await deps.index.replaceMeeting(input.tenantId, input.transcript.meetingId, indexed);
  return { meetingId: input.transcript.meetingId, documents: indexed.length };
}

/** A meeting's search documents with their vectors, as the index stores them (indexMeeting without the write). */
export async function embedMeeting(embedder: Embedder, input: SearchDocumentsInput): Promise<IndexedDocument[]> {
  const documents = buildSearchDocuments(input);
  const indexed: IndexedDocument[] = [];
  for (let from = 0; from < documents.length; from += EMBED_BATCH_SIZE) {
    const batch = documents.slice(from, from + EMBED_BATCH_SIZE);
    const vectors = await embedder.embed(batch.map((document) => document.text));
    if (vectors.length !== batch.length) {
      throw new EmbeddingMismatchError(`embedder ${embedder.model} returned ${vectors.length} vectors for ${batch.length} texts`);
    }
    batch.forEach((document, offset) => {
      const vector = vectors[offset]!;
      if (vector.length !== embedder.dimensions) {
        throw new EmbeddingMismatchError(`embedder ${embedder.model} returned a ${vector.length}-dimension vector, expected ${embedder.dimensions}`);
      }
      // A zero vector has no direction: cosine distance to it is undefined, and it could never be found.
      if (vector.some((value) => value !== 0)) indexed.push({ ...document, vector });
    });
  }
  return indexed;
}
