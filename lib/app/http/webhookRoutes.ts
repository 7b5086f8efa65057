import { Hono } from 'hono';
import { InvalidWebhookError } from '../../domain/intake/errors.js';
import { recordingEventsFromLivekit } from '../../domain/intake/livekitEgress.js';
import { isTrackKey } from '../../domain/intake/recordingEvent.js';
import { startMeeting, type StartedMeeting } from '../../domain/intake/startMeeting.js';
import type { ControlPlane } from '../ControlPlane.js';
import { BODY_LIMITS, limitBody } from './bodyLimits.js';
import { HttpError } from './errorResponse.js';

// Fatal: a body that is not UTF-8 is refused, never read with replacement characters.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Webhook intake: verify the signature over the raw bytes first (never over decoded text, which
 * drops a BOM and folds invalid bytes into U+FFFD), then decode and parse, then start.
 */
export function webhookRoutes(plane: ControlPlane): Hono {
  const app = new Hono();

  app.post('/livekit', limitBody(BODY_LIMITS.livekitWebhook), async (c) => {
    if (plane.livekit === null) throw new HttpError(503, 'LiveKit webhooks are not configured: set LIVEKIT_API_KEY and LIVEKIT_API_SECRET');
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const signer = await plane.livekit.verifier.verify(rawBody, c.req.header('Authorization'));
    let json: unknown;
    try {
      json = JSON.parse(utf8.decode(rawBody));
    } catch {
      throw new InvalidWebhookError('webhook body is not valid JSON');
    }
    const outcome = recordingEventsFromLivekit(json, { bucket: plane.bucket, signerTenant: signer.tenantId, defaultTenant: plane.defaultTenant, now: plane.clock() });
    if (outcome.kind === 'ignored') return c.json({ ignored: outcome.reason }, 200);
    if (outcome.kind === 'roomFinished') {
      // Rooms recorded as one composite file have no tracks folder: nothing to start.
      const tracks = await plane.blobs.list(outcome.event.recordingKey);
      if (!tracks.some(isTrackKey)) return c.json({ ignored: `room has no participant tracks under ${outcome.event.recordingKey}` }, 200);
      const started = await startMeeting(plane, outcome.event, outcome.consented ? { consent: 'livekit-room-metadata' } : {});
      return c.json({ meetings: [announced(started)] }, 202);
    }
    const meetings = [];
    for (const event of outcome.events) meetings.push(await startMeeting(plane, event));
    return c.json({ meetings: meetings.map(announced) }, 202);
  });

  return app;
}

/** What the webhook's answer says of each meeting; `awaitingConsent` only when it waits (no run was started). */
const announced = ({ meetingId, alreadyStarted, awaitingConsent }: StartedMeeting) => ({ meetingId, alreadyStarted, ...(awaitingConsent ? { awaitingConsent } : {}) });
