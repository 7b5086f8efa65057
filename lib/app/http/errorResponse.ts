import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AftercallError } from '../../domain/errors.js';

/** A client error the HTTP layer itself decides (a missing key, a bad signature): its message is for the caller. */
export class HttpError extends AftercallError {
  override readonly name = 'HttpError';
  readonly expose: boolean;
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
    this.expose = status < 500;
  }
}

// How long a caller should wait after a 503: a brief outage of the store or a provider.
const RETRY_AFTER_SECONDS = 2;

/** What the caller reads instead of a message that is not for them. */
const GENERIC_MESSAGES: Partial<Record<number, string>> = {
  502: 'a provider failed to serve the request',
  503: 'briefly unavailable: retry shortly',
};

/**
 * The one mapping from errors to HTTP, derived from the errors themselves: each says its status
 * and whether its message may be shown (AftercallError). What may not is logged and answered
 * with a generic message; anything unknown is a 500 that leaks nothing. A 503 carries
 * Retry-After: the API has no state machine around it, so the caller is the one to retry.
 */
export function errorResponse(error: unknown, c: Context, log: (message: string, error: unknown) => void = console.error) {
  if (error instanceof AftercallError) {
    const status = error.status as ContentfulStatusCode;
    if (!error.expose) log('error in HTTP request', error);
    if (status === 503) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json({ error: { status, message: error.expose ? error.message : (GENERIC_MESSAGES[status] ?? INTERNAL) } }, status);
  }
  // Hono's own request checks (a JSON body that does not parse, a body of another media type).
  if (error instanceof HTTPException && error.status < 500) {
    const message = error.status === 415 ? `${error.message}: send the body as application/json` : error.message;
    return c.json({ error: { status: error.status, message } }, error.status as ContentfulStatusCode);
  }
  if (error instanceof ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
    return c.json({ error: { status: 400, message } }, 400);
  }
  log('unhandled error in HTTP request', error);
  return c.json({ error: { status: 500, message: INTERNAL } }, 500);
}

const INTERNAL = 'internal error';
