import { BadRequestError, UpstreamError } from '../errors.js';
/** A search request that cannot be run as asked: an empty query, a limit out of range. */
export class InvalidSearchInputError extends BadRequestError {
  override readonly name = 'InvalidSearchInputError';
}

/** The embedder broke its contract (wrong number or size of vectors): indexing would corrupt the index. */
export class EmbeddingMismatchError extends UpstreamError {
  override readonly name = 'EmbeddingMismatchError';
}
