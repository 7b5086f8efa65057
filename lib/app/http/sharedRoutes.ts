import type { Context } from 'hono';
import { z } from 'zod';
import { findLiveCaptions } from '../../domain/live/saveLiveCaptions.js';
import { getMeeting } from '../../domain/meetings/meetingView.js';
import { findCatalogEntry } from '../../domain/meetings/catalogReads.js';
import { signAudioParams } from '../../domain/auth/audioUrlSignature.js';
import { resolveShareLink, type ResolvedShareLink } from '../../domain/share/shareLinks.js';
import type { ControlPlane } from '../ControlPlane.js';
import { AudioUrlResponse, LiveCaptionsResponse, SharedMeetingResponse, TranscriptJson, TranscriptQuery } from './apiSchemas.js';
import { playableRecordingKey } from './audioResponse.js';
import { HttpError } from './errorResponse.js';
import { meetingDetail, transcriptResponse } from './meetingReads.js';
import { NotesExportQuery, notesExportResponse } from './notesExport.js';
import { apiRoute, failure, json, routeGroup } from './routeGroup.js';

interface SharedEnv {
  Variables: { share: ResolvedShareLink };
}

/** One answer for every token that does not open anything, whatever the reason: it tells a guesser nothing. */
const REFUSED = 'this share link does not open anything: it is invalid, expired or revoked';

const SHARE_TOKEN = [{ shareLink: [] }];
const REFUSED_ERRORS = { 401: failure('a share token that is invalid, expired or revoked'), 404: failure('the shared meeting is no longer there, or has no such result') } as const;
const shared = (operationId: string, path: string, summary: string) => ({ operationId, method: 'get' as const, path: `/shared${path}`, summary: `share link: ${summary}`, security: SHARE_TOKEN });

const getSharedMeeting = apiRoute({
  ...shared('getSharedMeeting', '/meeting', "the shared meeting's page, and when the link expires"),
  responses: { 200: json(SharedMeetingResponse, 'the meeting'), ...REFUSED_ERRORS },
});
const getSharedTranscript = apiRoute({
  ...shared('getSharedTranscript', '/transcript', 'its transcript (json, vtt or srt), or a translation (json or vtt)'),
  request: { query: TranscriptQuery },
  responses: {
    200: { description: 'the transcript', content: { 'application/json': { schema: TranscriptJson }, 'text/vtt': { schema: z.string() }, 'application/x-subrip': { schema: z.string() } } },
    400: failure('unknown format'),
    ...REFUSED_ERRORS,
  },
});
const getSharedLiveCaptions = apiRoute({
  ...shared('getSharedLiveCaptions', '/live-captions', 'the captions shown during its call'),
  responses: { 200: json(LiveCaptionsResponse, 'the saved live captions'), ...REFUSED_ERRORS },
});
const exportSharedNotes = apiRoute({
  ...shared('exportSharedNotes', '/export', 'its notes as Markdown or PDF'),
  request: { query: NotesExportQuery },
  responses: {
    200: { description: 'the notes', content: { 'text/markdown': { schema: z.string() }, 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
    400: failure('unknown format'),
    409: failure('the meeting is not ready yet'),
    ...REFUSED_ERRORS,
  },
});
const getSharedRecordingUrl = apiRoute({
  ...shared('getSharedRecordingUrl', '/audio-url', 'a signed URL of its recording, valid 15 minutes'),
  responses: { 200: json(AudioUrlResponse, 'the signed URL'), ...REFUSED_ERRORS },
});

export const sharedOperations = [getSharedMeeting, getSharedTranscript, getSharedLiveCaptions, exportSharedNotes, getSharedRecordingUrl];

/**
 * What a share link may read, and nothing else: `/api/shared/*`, the token in
 * `Authorization: Bearer sl_…` (never in a path or query, which servers and proxies log). Every
 * route reads the one meeting the link names, in the link's tenant: no id comes from the request.
 * Mounted before the API-key check; a share token anywhere else is refused like a bad key.
 * The routes read their query themselves (as they did before they were described): the route
 * descriptions are for the document.
 */
export function sharedRoutes(plane: ControlPlane, options: { signingSecret: () => Promise<string> }) {
  const app = routeGroup<SharedEnv>();

  app.use('/shared/*', async (c, next) => {
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

  app.openapi(getSharedMeeting, async (c) => {
    const detail = await meetingDetail(plane.blobs, await sharedMeeting(c));
    return c.json({ ...detail, share: { expiresAt: c.get('share').expiresAt.toISOString() } }, 200);
  });
  app.openapi(getSharedTranscript, async (c) => transcriptResponse(c, plane.blobs, await sharedEntry(c), { format: c.req.query('format'), lang: c.req.query('lang') }));
  app.openapi(getSharedLiveCaptions, async (c) => {
    const captions = await findLiveCaptions(plane.blobs, await sharedEntry(c));
    if (captions === null) throw new HttpError(404, 'no live captions were saved for this meeting');
    return c.json(captions, 200);
  });
  app.openapi(exportSharedNotes, async (c) => notesExportResponse(c, plane.blobs, await sharedMeeting(c), { format: c.req.query('format'), transcript: c.req.query('transcript') }));
  // The player's signed URL, as for a key: it plays this recording for 15 minutes and nothing else.
  app.openapi(getSharedRecordingUrl, async (c) => {
    const meeting = await sharedEntry(c);
    playableRecordingKey(meeting);
    const { expiresAt, ...params } = signAudioParams(await options.signingSecret(), c.get('share').tenantId, meeting.meetingId, plane.clock());
    const url = `/api/meetings/${encodeURIComponent(meeting.meetingId)}/audio?${new URLSearchParams(params).toString()}`;
    return c.json({ url, expiresAt: expiresAt.toISOString() }, 200);
  });
  return app;
}
