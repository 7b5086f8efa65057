import { z } from 'zod';
import { RELATIVE_LINKS } from '../../domain/meetings/links.js';
import { listMeetingsPage } from '../../domain/meetings/meetingQuery.js';
import { findLiveCaptions } from '../../domain/live/saveLiveCaptions.js';
import type { ControlPlane } from '../ControlPlane.js';
import { LiveCaptionsResponse, MeetingIdParams, MeetingResponse, MeetingsQuery, MeetingsResponse, TranscriptJson, TranscriptQuery } from './apiSchemas.js';
import { HttpError } from './errorResponse.js';
import { meetingDetail, transcriptResponse } from './meetingReads.js';
import type { MeetingLookup } from './meetingLookup.js';
import { apiRoute, AUTH_ERRORS, failure, json, MEETING_GONE, routeGroup } from './routeGroup.js';

const listMeetings = apiRoute({
  operationId: 'listMeetings',
  method: 'get',
  path: '/meetings',
  summary: "the tenant's meetings, newest first, a page at a time",
  request: { query: MeetingsQuery },
  responses: { 200: json(MeetingsResponse, 'a page of meetings'), 400: failure('bad filter or cursor'), ...AUTH_ERRORS },
});

const getMeeting = apiRoute({
  operationId: 'getMeeting',
  method: 'get',
  path: '/meetings/{id}',
  summary: 'one meeting: status of every step, manifest, summary, action items, decisions, chapters',
  request: { params: MeetingIdParams },
  responses: { 200: json(MeetingResponse, 'the meeting'), 404: failure('no such meeting'), 410: MEETING_GONE, ...AUTH_ERRORS },
});

const getTranscript = apiRoute({
  operationId: 'getTranscript',
  method: 'get',
  path: '/meetings/{id}/transcript',
  summary: 'the transcript (json, vtt or srt), or a translation (json or vtt)',
  request: { params: MeetingIdParams, query: TranscriptQuery },
  responses: {
    200: { description: 'the transcript', content: { 'application/json': { schema: TranscriptJson }, 'text/vtt': { schema: z.string() }, 'application/x-subrip': { schema: z.string() } } },
    400: failure('unknown format'),
    404: failure('no such meeting, or not transcribed yet'),
    410: MEETING_GONE,
    ...AUTH_ERRORS,
  },
});

const getLiveCaptions = apiRoute({
  operationId: 'getLiveCaptions',
  method: 'get',
  path: '/meetings/{id}/live-captions',
  summary: "the captions shown during the call (final captions, translations and gaps; source 'live'): rough, the transcript is the record",
  request: { params: MeetingIdParams },
  responses: { 200: json(LiveCaptionsResponse, 'the saved live captions'), 404: failure('no such meeting, or no live captions were saved for it'), 410: MEETING_GONE, ...AUTH_ERRORS },
});

/** A meeting's reads, as the document describes them. */
export const meetingOperations = [listMeetings, getMeeting, getTranscript, getLiveCaptions];

/** Reading the tenant's meetings: the list, one meeting's page, its transcript and its live captions. */
export function meetingRoutes(plane: ControlPlane, lookup: MeetingLookup) {
  const app = routeGroup();
  const links = plane.links ?? RELATIVE_LINKS;

  app.openapi(listMeetings, async (c) => {
    const { limit, cursor, from, to, room, participant, q } = c.req.valid('query');
    const page = await listMeetingsPage(plane.blobs, c.get('auth').tenantId, {
      limit,
      ...(q === undefined ? {} : { q }),
      ...(cursor === undefined ? {} : { cursor }),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(room === undefined ? {} : { room }),
      ...(participant === undefined ? {} : { participant }),
    });
    return c.json({ ...page, meetings: page.meetings.map((meeting) => ({ ...meeting, url: links.meeting(meeting.meetingId) })) }, 200);
  });

  app.openapi(getMeeting, async (c) => {
    const detail = await meetingDetail(plane.blobs, await lookup.meetingOr404(c.get('auth').tenantId, c.req.valid('param').id));
    return c.json({ ...detail, meeting: { ...detail.meeting, url: links.meeting(detail.meeting.meetingId) } }, 200);
  });

  app.openapi(getTranscript, async (c) => {
    const meeting = await lookup.entryOr404(c.get('auth').tenantId, c.req.valid('param').id);
    return transcriptResponse(c, plane.blobs, meeting, c.req.valid('query'));
  });

  app.openapi(getLiveCaptions, async (c) => {
    const meeting = await lookup.entryOr404(c.get('auth').tenantId, c.req.valid('param').id);
    const captions = await findLiveCaptions(plane.blobs, meeting);
    if (captions === null) throw new HttpError(404, `no live captions were saved for meeting ${meeting.meetingId}`);
    return c.json(captions, 200);
  });

  return app;
}
