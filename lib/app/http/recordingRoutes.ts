import { z } from 'zod';
import { signAudioParams } from '../../domain/auth/audioUrlSignature.js';
import type { ControlPlane } from '../ControlPlane.js';
import { AudioUrlResponse, MeetingIdParams, SignedAudioQuery } from './apiSchemas.js';
import { playableRecordingKey, recordingResponse } from './audioResponse.js';
import type { MeetingLookup } from './meetingLookup.js';
import { API_KEY, apiRoute, AUTH_ERRORS, failure, json, MEETING_GONE, routeGroup } from './routeGroup.js';

const audio = (description: string) => ({ description, content: { 'audio/*': { schema: z.string().meta({ format: 'binary' }) } } });

const getRecording = apiRoute({
  operationId: 'getRecording',
  method: 'get',
  path: '/meetings/{id}/audio',
  summary: 'the recording, for a player; honours Range requests (206). With a key, or as a signed URL from /audio-url (no key)',
  // Either a key or the signature in the query (the empty requirement: no key needed); signedAudioLink checks the signature.
  security: [...API_KEY, {}],
  request: { params: MeetingIdParams, query: SignedAudioQuery },
  responses: {
    200: audio('the whole recording'),
    206: audio('the requested bytes'),
    403: failure('a signed URL that has expired, was altered, or was issued for another meeting or tenant'),
    404: failure('no such meeting, or a meeting of separate participant tracks'),
    410: MEETING_GONE,
    416: failure('range not satisfiable'),
    ...AUTH_ERRORS,
  },
});

const getRecordingUrl = apiRoute({
  operationId: 'getRecordingUrl',
  method: 'get',
  path: '/meetings/{id}/audio-url',
  summary: 'a signed URL of the recording, valid 15 minutes, for an <audio src> to stream from without a key',
  request: { params: MeetingIdParams },
  responses: { 200: json(AudioUrlResponse, 'the signed URL'), 404: failure('no such meeting, or a meeting of separate participant tracks'), 410: MEETING_GONE, ...AUTH_ERRORS },
});

export const recordingOperations = [getRecording, getRecordingUrl];

/** A meeting's recording for a player: streamed with a key, or signed URLs for an <audio src> that cannot send one. */
export function recordingRoutes(plane: ControlPlane, lookup: MeetingLookup, signingSecret: () => Promise<string>) {
  const app = routeGroup();

  app.openapi(getRecording, async (c) => recordingResponse(c, plane.blobs, await lookup.entryOr404(c.get('auth').tenantId, c.req.valid('param').id)));

  app.openapi(getRecordingUrl, async (c) => {
    const { tenantId } = c.get('auth');
    const meeting = await lookup.entryOr404(tenantId, c.req.valid('param').id);
    playableRecordingKey(meeting);
    const { expiresAt, ...params } = signAudioParams(await signingSecret(), tenantId, meeting.meetingId, plane.clock());
    const url = `/api/meetings/${encodeURIComponent(meeting.meetingId)}/audio?${new URLSearchParams(params).toString()}`;
    return c.json({ url, expiresAt: expiresAt.toISOString() }, 200);
  });

  return app;
}
