/**
 * What a failed provider call means for whoever would send it again — the one place that
 * decides it, for every provider (OpenAI, Deepgram, Pinecone): retryable failures become
 * ProviderUnavailableError (the state machine's Retry), the others are final.
 */
export type FailureKind = 'retryable' | 'auth' | 'rejected';

/** An HTTP answer (with the provider's error code, if any), or no answer at all (the socket's code, or "timeout"). */
export type ProviderFailure = { status: number; code?: string | undefined } | { network: string };

// As openai-node retries: request timeout, conflict (a lock held by the provider), rate limit.
const RETRYABLE_STATUSES = new Set([408, 409, 429]);
// Credentials or account: only an operator can fix them.
const AUTH_STATUSES = new Set([401, 402, 403]);
// An exhausted quota also answers 429, but waiting does not refill it.
const ACCOUNT_CODES = new Set(['insufficient_quota']);

export function classifyProviderFailure(failure: ProviderFailure): FailureKind {
  // No answer came back (reset, refused, timed out): the request may not even have arrived.
  if ('network' in failure) return 'retryable';
  const { status, code } = failure;
  if (AUTH_STATUSES.has(status) || (code !== undefined && ACCOUNT_CODES.has(code))) return 'auth';
  if (RETRYABLE_STATUSES.has(status) || status >= 500) return 'retryable';
  return 'rejected';
}
