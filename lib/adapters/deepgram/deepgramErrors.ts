import { DeepgramError, DeepgramTimeoutError } from '@deepgram/sdk';
import { z } from 'zod';
import { classifyProviderFailure } from '../../domain/classifyProviderFailure.js';
import { ProviderAuthError, ProviderRejectedError, ProviderUnavailableError, RecordingTooLargeError, UnsupportedRecordingError } from '../../domain/errors.js';

// Deepgram's error bodies come in two documented shapes (https://developers.deepgram.com/reference/errors):
// { err_code, err_msg, request_id } and { category, message, details, request_id }.
export const DeepgramErrorBodySchema = z
  .object({
    err_code: z.string().optional(),
    err_msg: z.string().optional(),
    category: z.string().optional(),
    message: z.string().optional(),
    details: z.string().optional(),
    request_id: z.string().optional(),
  })
  .refine((body) => body.err_code !== undefined || body.err_msg !== undefined || body.category !== undefined, 'not a Deepgram error');

// "Bad Request: failed to process audio: corrupt or unsupported data" and its kin are about the
// recording; other 400s (invalid JSON, an unknown option) are about our request.
const AUDIO_PROBLEM = /audio|media|corrupt|unsupported|decode/i;
export const isAboutTheAudio = (detail: string): boolean => AUDIO_PROBLEM.test(detail);

// Error text comes from the server; it is kept short so a misbehaving proxy cannot flood the record.
const MAX_DETAIL = 300;

/** "INVALID_AUTH: Invalid credentials." from a Deepgram error body, or the start of any other body. */
export function describeDeepgramErrorBody(body: unknown): string {
  const parsed = DeepgramErrorBodySchema.safeParse(body);
  const text = parsed.success
    ? [parsed.data.err_code ?? parsed.data.category, parsed.data.err_msg ?? parsed.data.message, parsed.data.details].filter((part) => part !== undefined).join(': ')
    : typeof body === 'string'
      ? body
      : '';
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/**
 * Turns what the SDK threw into the error the workflow acts on: rate limits, server errors,
 * network faults and timeouts are worth retrying; credentials, audio and size problems are final.
 * Messages are built from the status and Deepgram's error text only — never from the request,
 * whose headers carry the API key and whose URL carries the signed callback address.
 */
export function providerErrorFrom(error: unknown, action: string): unknown {
  // The SDK aborts its timer with the string "timeout" and Node's fetch rejects with that very
  // string, so on Node a timeout arrives as a status-less DeepgramError, not a DeepgramTimeoutError.
  if (error instanceof DeepgramTimeoutError || (error instanceof DeepgramError && error.statusCode === undefined && error.cause === 'timeout')) {
    return new ProviderUnavailableError(`Deepgram did not answer in time while ${action}`);
  }
  if (!(error instanceof DeepgramError)) return error;

  const status = error.statusCode;
  if (status === undefined) {
    const reason = error.cause instanceof Error ? (causeCode(error.cause) ?? error.cause.message) : 'network error';
    return new ProviderUnavailableError(`Deepgram could not be reached while ${action} (${reason})`);
  }
  const detail = describeDeepgramErrorBody(error.body);
  const said = detail.length > 0 ? `: ${detail}` : '';
  const kind = classifyProviderFailure({ status });
  if (kind === 'retryable') {
    const retryAfter = status === 429 ? `, retry-after ${error.rawResponse?.headers.get('retry-after') ?? 'not given'}` : '';
    return new ProviderUnavailableError(`Deepgram ${status === 429 ? 'rate-limited the request' : 'failed'} while ${action} (HTTP ${status}${retryAfter})${said}`);
  }
  if (kind === 'auth') {
    return new ProviderAuthError(`Deepgram refused the API key or account while ${action} (HTTP ${status})${said}`);
  }
  if (status === 413) {
    return new RecordingTooLargeError(`Deepgram refused the recording as too large while ${action} (HTTP 413)${said}`);
  }
  if (status === 400 && isAboutTheAudio(detail)) {
    return new UnsupportedRecordingError(`Deepgram cannot read the recording while ${action} (HTTP 400)${said}`);
  }
  // Our request was malformed or misdirected: a bug or a misconfiguration, final either way.
  return new ProviderRejectedError(`Deepgram rejected the request while ${action} (HTTP ${status})${said}`);
}

/** Node's fetch says only "fetch failed"; the socket's reason (ECONNREFUSED, ECONNRESET) is one cause deeper. */
function causeCode(error: Error): string | undefined {
  const inner = error.cause;
  if (!(inner instanceof Error)) return undefined;
  return 'code' in inner && typeof inner.code === 'string' ? inner.code : inner.message;
}
