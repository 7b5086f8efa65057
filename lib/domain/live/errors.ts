/** What an ingest client sent cannot be used (wrong format, garbage): told to that client only. */
export class LiveInputError extends Error {
  override readonly name = 'LiveInputError';
}

/** The provider could not be reached again after the connection was lost. */
export class LiveProviderError extends Error {
  override readonly name = 'LiveProviderError';
}
