import type { WebSocket } from 'ws';

/**
 * Close codes a live client can act on. 1007/1008/1011/1013 are the standard ones; 44xx mirror
 * the HTTP status a request with the same problem would get (the 4000–4999 range is the
 * application's own).
 */
export const CLOSE = {
  normal: 1000,
  /** Not raw 16-bit PCM, or a text message that is not a control message. */
  invalidAudio: 1007,
  /** The provider could not be reached again: try later. */
  providerFailed: 1011,
  /** This subscriber read too slowly and fell too far behind; reconnect to carry on. */
  tooSlow: 1013,
  /** Invalid query parameters: wrong sample rate or encoding, bad room name… */
  badRequest: 4400,
  /** The same participant is already streaming into the room. */
  conflict: 4409,
} as const;

/** A close reason is at most 123 bytes on the wire. */
const reason = (message: string): string => (Buffer.byteLength(message) <= 123 ? message : `${Buffer.from(message).subarray(0, 120).toString('utf8').replace(/\uFFFD*$/, '')}…`);

/** Tells the client why in an `error` message (full text) and in the close frame (code and short reason). */
export function closeWithError(ws: WebSocket, code: number, message: string): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(JSON.stringify({ type: 'error', code, message }));
  ws.close(code, reason(message));
}
