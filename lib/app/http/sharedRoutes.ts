import { Hono, type Context } from 'hono';
import { findLiveCaptions } from '../../domain/live/saveLiveCaptions.js';
import { findCatalogEntry, getMeeting } from '../../domain/meetings/meetingView.js';
import { signAudioParams } from '../../domain/auth/audioUrlSignature.js';
import { resolveShareLink, type ResolvedShareLink } from '../../domain/share/shareLinks.js';
import type { ControlPlane } from '../ControlPlane.js';
import { playableRecordingKey } from './audioResponse.js';
import { HttpError } from './errorResponse.js';
import { meetingDetail, transcriptResponse } from './meetingReads.js';
import { notesExportResponse } from './notesExport.js';

interface SharedEnv {
  Variables: { share: ResolvedShareLink };
}

/** One answer for every token that does not open anything, whatever the reason: it tells a guesser nothing. */
const REFUSED = 'this share link does not open anything: it is invalid, expired or revoked';

/**
 * What a share link may read, and nothing else: `/api/shared/*`, the token in
 * `Authorization: Bearer sl_…` (never in a path or query, which servers and proxies log). Every
 * route reads the one meeting the link names, in the link's tenant: no id comes from the request.
 * Mounted before the API-key check; a share token anywhere else is refused like a bad key.
 */
export function sharedRoutes(plane: ControlPlane, options: { signingSecret: () => Promise<string> }): Hono<SharedEnv> {
  const app = new Hono<SharedEnv>();

  app.use('*', async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    const share = match?.[1] === undefined ? null : await resolveShareLink(plane.blobs, match[1], plane.clock());
    if (share === null) throw new HttpError(401, REFUSED);
    c.set('share', share);
    // A page opened through a link is not for caches along the way.
    c.header('Cache-Control', 'no-store');
    await next();
  });

  const sharedMeeting = async (c: Context<SharedEnv>) => {
    const { tenantId, meetingId } = c.get('share');
    const meeting = await getMeeting(plane.blobs, tenantId, meetingId);
    if (meeting === null) throw new HttpError(404, 'the shared meeting is no longer there');
    return meeting;
  };

  // The catalog entry alone (one read), for the routes that need only where the files are.
  const sharedEntry = async (c: Context<SharedEnv>) => {
    const { tenantId, meetingId } = c.get('share');
    const entry = await findCatalogEntry(plane.blobs, tenantId, meetingId);
    if (entry === null) throw new HttpError(404, 'the shared meeting is no longer there');
    return entry;
  };

  app.get('/meeting', async (c) => {
    const detail = await meetingDetail(plane.blobs, await sharedMeeting(c));
    return c.json({ ...detail, share: { expiresAt: c.get('share').expiresAt.toISOString() } });
  });
  app.get('/transcript', async (c) => transcriptResponse(c, plane.blobs, await sharedEntry(c), { format: c.req.query('format'), lang: c.req.query('lang') }));
  app.get('/live-captions', async (c) => {
    const captions = await findLiveCaptions(plane.blobs, await sharedEntry(c));
    if (captions === null) throw new HttpError(404, 'no live captions were saved for this meeting');
    return c.json(captions);
  });
  app.get('/export', async (c) => notesExportResponse(c, plane.blobs, await sharedMeeting(c), { format: c.req.query('format'), transcript: c.req.query('transcript') }));
  // The player's signed URL, as for a key: it plays this recording for 15 minutes and nothing else.
  app.get('/audio-url', async (c) => {
    const meeting = await sharedEntry(c);
    playableRecordingKey(meeting);
    const { expiresAt, ...params } = signAudioParams(await options.signingSecret(), c.get('share').tenantId, meeting.meetingId, plane.clock());
    const url = `/api/meetings/${encodeURIComponent(meeting.meetingId)}/audio?${new URLSearchParams(params).toString()}`;
    return c.json({ url, expiresAt: expiresAt.toISOString() });
  });
  return app;
}
