/** A transcript file that cannot be read as the format it claims to be. */
export class InvalidTranscriptError extends Error {
  override readonly name = 'InvalidTranscriptError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
