// Error names are part of the workflow's contract: the state machine's Retry and Catch match
// them by name (state-machines/post-call.asl.json), so they live here as constants and a test
// checks that every name the definition uses is one of them.

export const ErrorNames = {
  /** Worth retrying: the store or a provider was briefly unavailable, rate-limited or slow. */
  BlobStoreUnavailable: 'BlobStoreUnavailableError',
  ProviderUnavailable: 'ProviderUnavailableError',
  /** Another run of the meeting is still writing its results: this one waits for it (bounded). */
  MeetingRunInProgress: 'MeetingRunInProgressError',
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
  ProviderRejected: 'ProviderRejectedError',
  TranscriptionLost: 'TranscriptionLostError',
} as const;
export type ErrorName = (typeof ErrorNames)[keyof typeof ErrorNames];

/** Errors whose name the workflow's Retry policies list. */
export const TRANSIENT_ERROR_NAMES: readonly ErrorName[] = [ErrorNames.BlobStoreUnavailable, ErrorNames.ProviderUnavailable];

/**
 * The one root of aftercall's errors. Each says, once, what it means to a caller: the HTTP
 * status an API request ending in it answers, and whether its message is written for the
 * caller (`expose`, as middy's HttpError) or must give way to a generic one (the error is
 * logged instead). The HTTP mapping reads these and keeps no list of its own.
 */
export abstract class AftercallError extends Error {
  abstract override readonly name: string;
  abstract readonly status: number;
  abstract readonly expose: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

// The kinds every error is one of. A caller's mistake is exposed; anything about our side is not.
export abstract class BadRequestError extends AftercallError {
  readonly status = 400;
  readonly expose = true;
}
export abstract class UnauthorizedError extends AftercallError {
  readonly status = 401;
  readonly expose = true;
}
/** The caller is known but may not do this (a key of one tenant asking for another's recording). */
export abstract class ForbiddenError extends AftercallError {
  readonly status = 403;
  readonly expose = true;
}
export abstract class NotFoundError extends AftercallError {
  readonly status = 404;
  readonly expose = true;
}
export abstract class ConflictError extends AftercallError {
  readonly status = 409;
  readonly expose = true;
}
export abstract class PayloadTooLargeError extends AftercallError {
  readonly status = 413;
  readonly expose = true;
}
/** The input is well-formed but its content cannot be used (a recording that is not audio). */
export abstract class UnprocessableError extends AftercallError {
  readonly status = 422;
  readonly expose = true;
}
/** A bug, a broken contract or a misconfiguration: only an operator can act. */
export abstract class InternalError extends AftercallError {
  readonly status = 500;
  readonly expose = false;
}
/** A provider refused or broke its contract; its message may quote the provider, so it is not shown. */
export abstract class UpstreamError extends AftercallError {
  readonly status = 502;
  readonly expose = false;
}
/** Briefly unavailable: asking again later can succeed (the API answers 503 with Retry-After). */
export abstract class UnavailableError extends AftercallError {
  readonly status = 503;
  readonly expose = false;
}

export class BlobStoreUnavailableError extends UnavailableError {
  override readonly name = ErrorNames.BlobStoreUnavailable;
}
export class ProviderUnavailableError extends UnavailableError {
  override readonly name = ErrorNames.ProviderUnavailable;
}
/** Another run of the meeting is still writing its results: this one waits for it (the state machine retries, bounded). */
export class MeetingRunInProgressError extends ConflictError {
  override readonly name = ErrorNames.MeetingRunInProgress;
}
export class RecordingNotFoundError extends NotFoundError {
  override readonly name = ErrorNames.RecordingNotFound;
}
export class UnsupportedRecordingError extends UnprocessableError {
  override readonly name = ErrorNames.UnsupportedRecording;
}
export class RecordingTooLargeError extends PayloadTooLargeError {
  override readonly name = ErrorNames.RecordingTooLarge;
}
export class NoTranscriberError extends InternalError {
  override readonly name = ErrorNames.NoTranscriber;
}
export class InvalidStepInputError extends InternalError {
  override readonly name = ErrorNames.InvalidStepInput;
}
export class ResultMissingError extends InternalError {
  override readonly name = ErrorNames.ResultMissing;
}
/** A stored result that exists but is not valid JSON of its schema: reading it again cannot help. */
export class CorruptResultError extends InternalError {
  override readonly name = ErrorNames.CorruptResult;
}
/** The provider refused our credentials or account (HTTP 401/402/403): an operator must act, retrying cannot help. */
export class ProviderAuthError extends UpstreamError {
  override readonly name = ErrorNames.ProviderAuth;
}
/**
 * Final: the provider understood the request and will not serve it as asked (a refusal, a
 * content filter, a request it rejects as invalid, an unknown model). Sending it again cannot
 * help, so its name is on no Retry list; the understanding fallback and the workflow's Catch
 * take it from there.
 */
export class ProviderRejectedError extends UpstreamError {
  override readonly name = ErrorNames.ProviderRejected;
}
/** A provider accepted a recording but its result never arrived in the time it was due: nothing is resubmitted. */
export class TranscriptionLostError extends UpstreamError {
  override readonly name = ErrorNames.TranscriptionLost;
}
/** A transcript file that cannot be read as the format it claims to be. */
export class InvalidTranscriptError extends UnprocessableError {
  override readonly name = ErrorNames.InvalidTranscript;
}
