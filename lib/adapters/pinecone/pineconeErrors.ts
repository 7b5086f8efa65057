import { classifyProviderFailure } from '../../domain/classifyProviderFailure.js';
import { ProviderAuthError, ProviderRejectedError, ProviderUnavailableError, UpstreamError } from '../../domain/errors.js';

/** The index is missing or not the kind this adapter needs: an operator must fix the configuration. */
export class PineconeIndexError extends UpstreamError {
  override readonly name = 'PineconeIndexError';
}

/** Errors of SDK v8 that mean "no usable answer came back": worth another attempt. */
const TRANSIENT_SDK_ERRORS = new Set([
  'PineconeConnectionError', // network failure or our request deadline
  'PineconeInternalServerError', // 500
  'PineconeUnavailableError', // 503
  'PineconeMaxRetriesExceededError', // any 5xx once the SDK's own retries (none here) are spent
]);

export interface FailureContext {
  /** What was being done, for the message: "upsert", "query", … */
  action: string;
  indexName: string;
  /** Scrubbed from anything that reaches a message. */
  apiKey: string;
}

/**
 * Maps a failed SDK call onto the workflow's error contract, as classifyProviderFailure decides:
 * retryable (ProviderUnavailableError, retried by the state machine) or final (ProviderAuthError;
 * a 404 names the index; anything else is a ProviderRejectedError carrying
 * Pinecone's own explanation (e.g. a dimension mismatch). `status` is what observingFetch saw:
 * SDK v8's error classes lose it (a 403 comes out as its 400 class, a 429 as "unmapped").
 */
export function toDomainError(error: unknown, status: number | undefined, context: FailureContext): Error {
  const name = error instanceof Error ? error.name : 'unknown error';
  const code = status !== undefined && status >= 400 ? status : undefined;
  const what = `Pinecone ${context.action} on index "${context.indexName}"`;
  const options = { cause: error };

  const failure = code !== undefined ? { status: code } : TRANSIENT_SDK_ERRORS.has(name) ? { network: name } : null;
  // Neither an answer nor a network fault: the SDK refused the call itself (a bad argument), final.
  const kind = failure === null ? 'rejected' : classifyProviderFailure(failure);
  if (kind === 'auth') {
    return new ProviderAuthError(`${what} was refused (HTTP ${code}): check the API key and that it belongs to the index's project`, options);
  }
  if (kind === 'retryable') {
    return new ProviderUnavailableError(`${what} failed (${code === undefined ? name : `HTTP ${code}`}); worth retrying`, options);
  }
  if (code === 404) {
    return new PineconeIndexError(
      `${what} failed: index "${context.indexName}" was not found (HTTP 404); create it, or fix the configured index name or host`,
      options,
    );
  }
  const detail = error instanceof Error ? redact(error.message, context.apiKey) : String(error);
  return new ProviderRejectedError(`${what} was rejected${code === undefined ? '' : ` (HTTP ${code})`}: ${detail}`, options);
}

function redact(text: string, secret: string): string {
  return secret.length === 0 ? text : text.split(secret).join('[redacted]');
}
