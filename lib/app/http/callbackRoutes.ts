import { Hono } from 'hono';
import { InvalidWebhookError } from '../../domain/intake/errors.js';
import { completeTranscriptionCallback } from '../../domain/transcription/completeTranscriptionCallback.js';
import type { ControlPlane } from '../ControlPlane.js';

/** Where speech-to-text providers post results of submitted recordings (Deepgram's `callback`). */
export function callbackRoutes(plane: ControlPlane): Hono {
  const app = new Hono();
  app.post('/deepgram', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new InvalidWebhookError('callback body is not valid JSON');
    }
    const done = await completeTranscriptionCallback(plane.transcription, c.req.query(), body);
    return c.json({ meetingId: done.meetingId }, 200);
  });
  return app;
}
