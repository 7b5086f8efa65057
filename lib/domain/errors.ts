// Error names are part of the workflow's contract: the state machine's Retry and Catch match
// them by name (state-machines/post-call.asl.json), so they live here as constants and a test
// checks that every name the definition uses is one of them.

export const ErrorNames = {
  /** Worth retrying: the store or a provider was briefly unavailable, rate-limited or slow. */
  BlobStoreUnavailable: 'BlobStoreUnavailableError',
  ProviderUnavailable: 'ProviderUnavailableError',
  /** Final: retrying cannot help; the run fails and the status says why. */
  RecordingNotFound: 'RecordingNotFoundError',
  UnsupportedRecording: 'UnsupportedRecordingError',
  RecordingTooLarge: 'RecordingTooLargeError',
  InvalidTranscript: 'InvalidTranscriptError',
  NoTranscriber: 'NoTranscriberError',
  InvalidStepInput: 'InvalidStepInputError',
  ResultMissing: 'ResultMissingError',
  CorruptResult: 'CorruptResultError',
  ProviderAuth: 'ProviderAuthError',
} as const;
export type ErrorName = (typeof ErrorNames)[keyof typeof ErrorNames];

/** Errors whose name the workflow's Retry policies list. */
export const TRANSIENT_ERROR_NAMES: readonly ErrorName[] = [ErrorNames.BlobStoreUnavailable, ErrorNames.ProviderUnavailable];

abstract class AftercallError extends Error {
  abstract override readonly name: ErrorName;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class BlobStoreUnavailableError extends AftercallError {
  override readonly name = ErrorNames.BlobStoreUnavailable;
}
export class ProviderUnavailableError extends AftercallError {
  override readonly name = ErrorNames.ProviderUnavailable;
}
export class RecordingNotFoundError extends AftercallError {
  override readonly name = ErrorNames.RecordingNotFound;
}
export class UnsupportedRecordingError extends AftercallError {
  override readonly name = ErrorNames.UnsupportedRecording;
}
export class RecordingTooLargeError extends AftercallError {
  override readonly name = ErrorNames.RecordingTooLarge;
}
export class NoTranscriberError extends AftercallError {
  override readonly name = ErrorNames.NoTranscriber;
}
export class InvalidStepInputError extends AftercallError {
  override readonly name = ErrorNames.InvalidStepInput;
}
export class ResultMissingError extends AftercallError {
  override readonly name = ErrorNames.ResultMissing;
}
/** A stored result that exists but is not valid JSON of its schema: reading it again cannot help. */
export class CorruptResultError extends AftercallError {
  override readonly name = ErrorNames.CorruptResult;
}
/** The provider refused our credentials or account (HTTP 401/402/403): an operator must act, retrying cannot help. */
export class ProviderAuthError extends AftercallError {
  override readonly name = ErrorNames.ProviderAuth;
}
/** A transcript file that cannot be read as the format it claims to be. */
export class InvalidTranscriptError extends AftercallError {
  override readonly name = ErrorNames.InvalidTranscript;
}
