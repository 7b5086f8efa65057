import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { BlobStoreUnavailableError } from '../../domain/errors.js';
import { DeliveryNotFoundError, DeliveryNotReplayableError, InvalidSubscriptionError, SubscriptionNotFoundError } from '../../domain/crm/errors.js';
import { InvalidWebhookError, UnauthorizedWebhookError } from '../../domain/intake/errors.js';
import { MeetingBusyError } from '../../domain/meetings/deleteMeeting.js';
import { MeetingNotReadyError } from '../../domain/meetings/errors.js';
import { InvalidMeetingQueryError } from '../../domain/meetings/meetingQuery.js';
import { MeetingNotFoundError } from '../../domain/meetings/reprocessMeeting.js';
import { InvalidSearchInputError } from '../../domain/search/errors.js';
import { StaleCallbackError } from '../../domain/transcription/completeTranscriptionCallback.js';

/** Errors whose message is written for the caller, with the status they map to. */
const EXPOSED: [new (...args: never[]) => Error, ContentfulStatusCode][] = [
  [UnauthorizedWebhookError, 401],
  [InvalidWebhookError, 400],
  [InvalidSearchInputError, 400],
  [InvalidMeetingQueryError, 400],
  [MeetingNotFoundError, 404],
  [MeetingBusyError, 409],
  [MeetingNotReadyError, 409],
  [StaleCallbackError, 404],
  [SubscriptionNotFoundError, 404],
  [DeliveryNotFoundError, 404],
  [InvalidSubscriptionError, 400],
  [DeliveryNotReplayableError, 409],
];

const RETRY_AFTER_SECONDS = 2;

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The one mapping from errors to HTTP: known errors become a 4xx with their message; anything
 * else is logged and becomes a generic 500 that leaks nothing.
 */
export function errorResponse(error: unknown, c: Context, log: (message: string, error: unknown) => void = console.error) {
  if (error instanceof HttpError) return c.json({ error: { status: error.status, message: error.message } }, error.status);
  // Hono's own request checks (a JSON body that does not parse, a body of another media type).
  if (error instanceof HTTPException && error.status < 500) {
    const message = error.status === 415 ? `${error.message}: send the body as application/json` : error.message;
    return c.json({ error: { status: error.status, message } }, error.status as ContentfulStatusCode);
  }
  if (error instanceof ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
    return c.json({ error: { status: 400, message } }, 400);
  }
  if (error instanceof BlobStoreUnavailableError) {
    // The API has no state machine to retry for it: the caller is told to, and when.
    log('storage unavailable during an HTTP request', error);
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json({ error: { status: 503, message: 'storage is briefly unavailable: retry shortly' } }, 503);
  }
  for (const [type, status] of EXPOSED) {
    if (error instanceof type) return c.json({ error: { status, message: error.message } }, status);
  }
  log('unhandled error in HTTP request', error);
  return c.json({ error: { status: 500, message: 'internal error' } }, 500);
}
