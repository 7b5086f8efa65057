import OpenAI from 'openai';
import { classifyProviderFailure } from '../../domain/classifyProviderFailure.js';
import { ProviderAuthError, ProviderRejectedError, ProviderUnavailableError } from '../../domain/errors.js';

const DOMAIN_ERRORS = [ProviderUnavailableError, ProviderAuthError, ProviderRejectedError];

/**
 * Maps whatever an OpenAI SDK call threw to our errors, by whether retrying can help.
 * Messages carry status, code and request id but never the key: some OpenAI-compatible servers
 * echo the key they were given, so the SDK's error (and its body) is not kept as the cause.
 */
export function toDomainError(error: unknown, context: { what: string; apiKey: string }): Error {
  if (DOMAIN_ERRORS.some((type) => error instanceof type)) return error as Error;
  const redact = (text: string): string => redactSecrets(text, context.apiKey);
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderUnavailableError(`${context.what}: OpenAI did not answer in time`);
  }
  if (error instanceof OpenAI.APIUserAbortError) {
    return new ProviderUnavailableError(`${context.what}: the request to OpenAI was aborted`);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const reason = error.cause instanceof Error ? `: ${redact(error.cause.message)}` : '';
    return new ProviderUnavailableError(`${context.what}: could not reach OpenAI${reason}`);
  }
  if (!(error instanceof OpenAI.APIError)) return error instanceof Error ? error : new Error(String(error));

  const status = error.status ?? 0;
  const code = typeof error.code === 'string' ? ` (${error.code})` : '';
  const requestId = error.requestID ? ` [request ${error.requestID}]` : '';
  const message = `${context.what}: OpenAI answered ${status}${code}: ${redact(error.message)}${requestId}`;
  const kind = classifyProviderFailure({ status, code: typeof error.code === 'string' ? error.code : undefined });
  if (kind === 'auth') return new ProviderAuthError(message);
  if (kind === 'retryable') return new ProviderUnavailableError(message);
  return new ProviderRejectedError(message);
}

const SECRET_PATTERN = /\b(sk-[A-Za-z0-9_*-]{4,}|Bearer\s+\S+)/g;

export function redactSecrets(text: string, apiKey: string): string {
  const withoutKey = apiKey.length > 0 ? text.split(apiKey).join('[redacted]') : text;
  return withoutKey.replace(SECRET_PATTERN, '[redacted]');
}
