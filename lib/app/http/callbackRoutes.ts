import { Hono } from 'hono';
import { InvalidWebhookError } from '../../domain/intake/errors.js';
import { checkCallbackUrl } from '../../domain/transcriptionCallback/callbackSignature.js';
import { completeTranscriptionCallback } from '../../domain/transcriptionCallback/completeTranscriptionCallback.js';
import type { ControlPlane } from '../ControlPlane.js';
import { BODY_LIMITS, limitBody } from './bodyLimits.js';

/** Where speech-to-text providers post results of submitted recordings (Deepgram's `callback`). */
export function callbackRoutes(plane: ControlPlane): Hono {
  const app = new Hono();
  app.post(
    '/deepgram',
    // The signature is in the URL: checked before a byte of the body is read, even up to the limit.
    async (c, next) => {
      checkCallbackUrl(plane.transcription.callbacks, c.req.query());
      await next();
    },
    limitBody(BODY_LIMITS.deepgramCallback),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new InvalidWebhookError('callback body is not valid JSON');
      }
      const done = await completeTranscriptionCallback(plane.transcription, c.req.query(), body);
      return c.json({ meetingId: done.meetingId }, 200);
    },
  );
  return app;
}
