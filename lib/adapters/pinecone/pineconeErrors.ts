import { ProviderAuthError, ProviderUnavailableError } from '../../domain/errors.js';

/** The index is missing or not the kind this adapter needs: an operator must fix the configuration. */
export class PineconeIndexError extends Error {
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
 * Maps a failed SDK call onto the workflow's error contract: 429, 5xx and network failures are
 * transient (ProviderUnavailableError, retried by the state machine); 401/402/403 are final
 * (ProviderAuthError); 404 names the index; anything else is a final rejection carrying
 * Pinecone's own explanation (e.g. a dimension mismatch).
 */
export function toDomainError(error: unknown, status: number | undefined, context: FailureContext): Error {
  const name = error instanceof Error ? error.name : 'unknown error';
  const code = status !== undefined && status >= 400 ? status : statusFromSdkError(error);
  const what = `Pinecone ${context.action} on index "${context.indexName}"`;
  const options = { cause: error };

  if (code === 401 || code === 402 || code === 403) {
    return new ProviderAuthError(`${what} was refused (HTTP ${code}): check the API key and that it belongs to the index's project`, options);
  }
  if (code === 404) {
    return new PineconeIndexError(
      `${what} failed: index "${context.indexName}" was not found (HTTP 404); create it, or fix the configured index name or host`,
      options,
    );
  }
  if (code === 408 || code === 429 || (code !== undefined && code >= 500) || TRANSIENT_SDK_ERRORS.has(name)) {
    return new ProviderUnavailableError(`${what} failed (${code === undefined ? name : `HTTP ${code}`}); worth retrying`, options);
  }
  const detail = error instanceof Error ? redact(error.message, context.apiKey) : String(error);
  return new Error(`${what} was rejected${code === undefined ? '' : ` (HTTP ${code})`}: ${detail}`, options);
}

/** For a client not built with observingFetch: what the SDK's error classes tell. */
function statusFromSdkError(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'PineconeAuthorizationError') return 401;
  if (error.name === 'PineconeNotFoundError') return 404;
  // v8 has no class for 429: it throws PineconeUnmappedHttpError with "Status: 429." in the message.
  if (error.name === 'PineconeUnmappedHttpError') {
    const match = /Status: (\d{3})\b/.exec(error.message);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  }
  return undefined;
}

function redact(text: string, secret: string): string {
  return secret.length === 0 ? text : text.split(secret).join('[redacted]');
}
