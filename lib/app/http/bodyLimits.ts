import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './errorResponse.js';

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * The most each route reads, sized to what it really receives. Documented in docs/security.md
 * ("Body limits"): change both together.
 */
export const BODY_LIMITS = {
  /** A LiveKit webhook: one event with its room or egress info, a few KB. */
  livekitWebhook: 64 * KIB,
  /** A Deepgram result: about 1.1 MB per audio hour of words (2.4 MB with utterances and paragraphs), so 12 hours either way. */
  deepgramCallback: 32 * MIB,
  /** The API's JSON bodies (reprocess, speaker names, subscriptions, live tickets): a few hundred bytes. */
  api: 64 * KIB,
} as const;

const sizeOf = (bytes: number): string => (bytes >= MIB ? `${bytes / MIB} MB` : `${bytes / KIB} KB`);

/**
 * Refuses a body over `maxBytes` with 413. Hono's bodyLimit enforces it while reading: a
 * declared Content-Length over the limit is refused before a byte is read, and a chunked body
 * stops being read at the limit (the Node server then discards the rest and closes the socket).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, `request body too large: this route accepts at most ${sizeOf(maxBytes)}`);
    },
  });
}
