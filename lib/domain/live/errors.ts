import { BadRequestError, UnavailableError } from '../errors.js';
/** What an ingest client sent cannot be used (wrong format, garbage): told to that client only. */
export class LiveInputError extends BadRequestError {
  override readonly name = 'LiveInputError';
}

/** The provider could not be reached again after the connection was lost. */
export class LiveProviderError extends UnavailableError {
  override readonly name = 'LiveProviderError';
}
