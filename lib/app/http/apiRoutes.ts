import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { RELATIVE_LINKS } from '../../domain/meetings/links.js';
import { listTenantActionItems } from '../../domain/meetings/actionItemsAcross.js';
import { deleteMeeting } from '../../domain/meetings/deleteMeeting.js';
import { filterCatalog, listMeetingsPage } from '../../domain/meetings/meetingQuery.js';
import { findCatalogEntry, getMeeting } from '../../domain/meetings/meetingView.js';
import { renameSpeakers, SpeakerNamesSchema } from '../../domain/meetings/renameSpeakers.js';
import { confirmSpeakerNames } from '../../domain/meetings/confirmSpeakerNames.js';
import { reprocessMeeting } from '../../domain/meetings/reprocessMeeting.js';
import { grantConsent } from '../../domain/consent/grantConsent.js';
import { MEETING_ID_PATTERN } from '../../domain/meetings/meetingId.js';
import { findTombstone } from '../../domain/retention/tombstone.js';
import { searchArchive } from '../../domain/search/searchArchive.js';
import { audioUrlSecret } from '../../domain/auth/audioUrlKey.js';
import { checkAudioSignature, signAudioParams, SignedAudioParamsSchema } from '../../domain/auth/audioUrlSignature.js';
import { findLiveCaptions } from '../../domain/live/saveLiveCaptions.js';
import { z } from 'zod';
import type { ControlPlane } from '../ControlPlane.js';
import {
  ActionItemsQuery,
  ActionItemsResponse,
  AudioUrlResponse,
  ConsentResponse,
  DeleteResponse,
  LiveCaptionsResponse,
  MeetingIdParams,
  MeetingResponse,
  MeetingsQuery,
  MeetingsResponse,
  ReprocessBody,
  ReprocessResponse,
  RunResponse,
  SearchQuery,
  SearchResponse,
  SignedAudioQuery,
  SpeakersBody,
  ConfirmSpeakerNamesBody,
  ConfirmSpeakerNamesResponse,
  TranscriptQuery,
} from './apiSchemas.js';
import { playableRecordingKey, recordingResponse } from './audioResponse.js';
import { recordAs } from './auditActor.js';
import { auditRoutes } from './auditRoutes.js';
import { editRoutes } from './editRoutes.js';
import type { ApiEnv } from './authContext.js';
import { BODY_LIMITS, limitBody } from './bodyLimits.js';
import { HttpError } from './errorResponse.js';
import { requireAdmin, requireApiKey } from './requireApiKey.js';
import { registerAskRoute } from './askRoute.js';
import { subscriptionRoutes } from './subscriptionRoutes.js';
import { meetingDetail, transcriptResponse } from './meetingReads.js';
import { shareLinkRoutes } from './shareLinkRoutes.js';
import { exportRoutes } from './exportRoutes.js';
import { whoAmIRoute } from './whoAmIRoute.js';
import { sharedRoutes } from './sharedRoutes.js';
import { failure, json, routeGroup } from './routeGroup.js';


const AUTH_ERRORS = { 401: failure('missing or invalid API key') } as const;
const ADMIN_ERRORS = { ...AUTH_ERRORS, 403: failure('needs an admin key') } as const;
const security = [{ apiKey: [] }];

/** createRoute with what every API route shares: bearer security and a 400 for bad input. */
const route = <R extends RouteConfig>(config: R) => createRoute({ security, ...config });

export interface ApiRoutesOptions {
  /** Signs audio URLs (config AFTERCALL_AUDIO_URL_SECRET); unset, a key kept in the bucket does. */
  audioUrlSecret?: string | undefined;
}

/**
 * The tenant-scoped API. Every route reads its tenant from the caller's API key
 * (`c.get('auth')`), never from the request, so one tenant's key reaches nothing of another's:
 * someone else's meeting id is a 404, exactly like an id that does not exist.
 */
export function apiRoutes(plane: ControlPlane, options: ApiRoutesOptions = {}): OpenAPIHono<ApiEnv> {
  const app = routeGroup();

  const links = plane.links ?? RELATIVE_LINKS;
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'an API key, ak_<keyId>_<secret>' });
  // Registered before the key check: the document describes the API and holds no data.
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'aftercall API', version: '1', description: 'Post-call meeting intelligence, tenant-scoped by API key.' },
  });

  // An erased meeting answers 410 with its tombstone's when, why and which stores: never content.
  const notFound = async (tenantId: string, meetingId: string): Promise<HttpError> => {
    const tombstone = MEETING_ID_PATTERN.test(meetingId) ? await findTombstone(plane.blobs, tenantId, meetingId) : null;
    if (tombstone === null) return new HttpError(404, `no meeting ${meetingId}`);
    return new HttpError(410, `meeting ${meetingId} was erased at ${tombstone.erasedAt} (${tombstone.reason}) from: ${tombstone.stores.join(', ')}`);
  };
  const meetingOr404 = async (tenantId: string, meetingId: string) => {
    const meeting = await getMeeting(plane.blobs, tenantId, meetingId);
    if (meeting === null) throw await notFound(tenantId, meetingId);
    return meeting;
  };
  // The catalog entry alone (one read): for routes that need only where the meeting's files are,
  // like each Range request of a player, not its steps and manifest.
  const entryOr404 = async (tenantId: string, meetingId: string) => {
    const entry = await findCatalogEntry(plane.blobs, tenantId, meetingId);
    if (entry === null) throw await notFound(tenantId, meetingId);
    return entry;
  };
  const signingSecret = () => audioUrlSecret(plane.blobs, options.audioUrlSecret);
  // First, so that no route (nor the key check) reads more than an API request can hold.
  app.use('*', limitBody(BODY_LIMITS.api));

  // Before the key check: an <audio src> cannot send a key, so a signed URL stands for one. A
  // request without signature parameters goes on to the key check and the route below.
  app.use('/meetings/:id/audio', async (c, next) => {
    const query = c.req.query();
    // A signature only ever stands for reading: any other method goes through the key check.
    if (c.req.method !== 'GET' || (query.sig === undefined && query.expires === undefined && query.tenant === undefined)) return next();
    const params = SignedAudioParamsSchema.safeParse(query);
    if (!params.success) throw new HttpError(403, 'invalid audio link: it needs tenant, expires and sig as issued by /api/meetings/{id}/audio-url');
    const meetingId = c.req.param('id');
    const check = checkAudioSignature(await signingSecret(), meetingId, params.data, plane.clock());
    if (check === 'invalid') throw new HttpError(403, 'invalid audio link: its signature does not match this meeting');
    if (check === 'expired') throw new HttpError(403, 'expired audio link: ask /api/meetings/{id}/audio-url for a new one');
    return recordingResponse(c, plane.blobs, await entryOr404(params.data.tenant, meetingId));
  });
  // Before the key check too: a share link's token opens its one meeting's read routes, nothing else.
  app.route('/shared', sharedRoutes(plane, { signingSecret }));
  app.use('*', requireApiKey(plane.blobs));

  app.openapi(
    route({
      method: 'get',
      path: '/meetings',
      summary: "the tenant's meetings, newest first, a page at a time",
      request: { query: MeetingsQuery },
      responses: { 200: json(MeetingsResponse, 'a page of meetings'), 400: failure('bad filter or cursor'), ...AUTH_ERRORS },
    }),
    async (c) => {
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
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/meetings/{id}',
      summary: "one meeting: status of every step, manifest, summary, action items, decisions, chapters",
      request: { params: MeetingIdParams },
      responses: { 200: json(MeetingResponse, 'the meeting'), 404: failure('no such meeting'), 410: failure('the meeting was erased (retention): when, why and from which stores'), ...AUTH_ERRORS },
    }),
    async (c) => {
      const detail = await meetingDetail(plane.blobs, await meetingOr404(c.get('auth').tenantId, c.req.valid('param').id));
      return c.json({ ...detail, meeting: { ...detail.meeting, url: links.meeting(detail.meeting.meetingId) } }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/meetings/{id}/transcript',
      summary: 'the transcript (json, vtt or srt), or a translation (json or vtt)',
      request: { params: MeetingIdParams, query: TranscriptQuery },
      responses: {
        200: { description: 'the transcript', content: { 'application/json': { schema: z.unknown() }, 'text/vtt': { schema: z.string() }, 'application/x-subrip': { schema: z.string() } } },
        400: failure('unknown format'),
        404: failure('no such meeting, or not transcribed yet'),
        ...AUTH_ERRORS,
      },
    }),
    async (c) => {
      const meeting = await entryOr404(c.get('auth').tenantId, c.req.valid('param').id);
      return transcriptResponse(c, plane.blobs, meeting, c.req.valid('query'));
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/meetings/{id}/live-captions',
      summary: "the captions shown during the call (final captions, translations and gaps; source 'live'): rough, the transcript is the record",
      request: { params: MeetingIdParams },
      responses: { 200: json(LiveCaptionsResponse, 'the saved live captions'), 404: failure('no such meeting, or no live captions were saved for it'), ...AUTH_ERRORS },
    }),
    async (c) => {
      const meeting = await entryOr404(c.get('auth').tenantId, c.req.valid('param').id);
      const captions = await findLiveCaptions(plane.blobs, meeting);
      if (captions === null) throw new HttpError(404, `no live captions were saved for meeting ${meeting.meetingId}`);
      return c.json(captions, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/meetings/{id}/audio',
      summary: 'the recording, for a player; honours Range requests (206). With a key, or as a signed URL from /audio-url (no key)',
      // Either a key or the signature in the query (the empty requirement: no key needed).
      security: [...security, {}],
      request: { params: MeetingIdParams, query: SignedAudioQuery },
      responses: {
        200: { description: 'the whole recording', content: { 'audio/*': { schema: z.string().meta({ format: 'binary' }) } } },
        206: { description: 'the requested bytes', content: { 'audio/*': { schema: z.string().meta({ format: 'binary' }) } } },
        403: failure('a signed URL that has expired, was altered, or was issued for another meeting or tenant'),
        404: failure('no such meeting, or a meeting of separate participant tracks'),
        416: failure('range not satisfiable'),
        ...AUTH_ERRORS,
      },
    }),
    async (c) => recordingResponse(c, plane.blobs, await entryOr404(c.get('auth').tenantId, c.req.valid('param').id)),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/meetings/{id}/audio-url',
      summary: 'a signed URL of the recording, valid 15 minutes, for an <audio src> to stream from without a key',
      request: { params: MeetingIdParams },
      responses: { 200: json(AudioUrlResponse, 'the signed URL'), 404: failure('no such meeting, or a meeting of separate participant tracks'), ...AUTH_ERRORS },
    }),
    async (c) => {
      const { tenantId } = c.get('auth');
      const meeting = await entryOr404(tenantId, c.req.valid('param').id);
      playableRecordingKey(meeting);
      const { expiresAt, ...params } = signAudioParams(await signingSecret(), tenantId, meeting.meetingId, plane.clock());
      const url = `/api/meetings/${encodeURIComponent(meeting.meetingId)}/audio?${new URLSearchParams(params).toString()}`;
      return c.json({ url, expiresAt: expiresAt.toISOString() }, 200);
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/meetings/{id}',
      summary: "admin: delete a meeting's results, catalog entry and search documents (the recording stays)",
      request: { params: MeetingIdParams },
      responses: { 200: json(DeleteResponse, 'deleted'), 404: failure('no such meeting'), 409: failure('still processing'), ...ADMIN_ERRORS },
    }),
    async (c) => {
      requireAdmin(c);
      const deleted = await deleteMeeting(plane, { tenantId: c.get('auth').tenantId, meetingId: c.req.valid('param').id });
      await recordAs(plane.audit, c.get('auth'), {
        action: 'meeting.delete',
        target: { type: 'meeting', id: deleted.meetingId },
        details: { deletedObjects: deleted.deletedObjects, recordingKey: deleted.recordingKey },
      });
      return c.json(
        {
          meetingId: deleted.meetingId,
          deleted: true as const,
          deletedObjects: deleted.deletedObjects,
          recordingKey: deleted.recordingKey,
          recordingKept: true as const,
          message: `deleted the results of ${deleted.meetingId}; the recording ${deleted.recordingKey} is kept (delete it from the bucket yourself, or reprocess to rebuild the results)`,
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/meetings/{id}/reprocess',
      summary: 'admin: run a meeting again, whole or from a step',
      request: { params: MeetingIdParams, body: { content: { 'application/json': { schema: ReprocessBody } }, required: false } },
      responses: { 202: json(ReprocessResponse, 'started'), 400: failure('bad step'), 404: failure('no such meeting'), ...ADMIN_ERRORS },
    }),
    async (c) => {
      requireAdmin(c);
      // Validated here rather than by the route: an empty body means "from the start".
      const body = ReprocessBody.parse(await c.req.json().catch(() => ({})));
      const started = await reprocessMeeting(plane, { tenantId: c.get('auth').tenantId, meetingId: c.req.valid('param').id, from: body.from });
      await recordAs(plane.audit, c.get('auth'), {
        action: 'meeting.reprocess',
        target: { type: 'meeting', id: started.meetingId },
        details: { from: body.from, runId: started.executionName },
      });
      return c.json({ meetingId: started.meetingId, runId: started.executionName }, 202);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/meetings/{id}/consent',
      summary: "admin: record that the meeting's participants agreed to its processing; a meeting awaiting consent starts its run",
      request: { params: MeetingIdParams },
      responses: { 200: json(ConsentResponse, 'recorded (and the run started, if the meeting was waiting)'), 404: failure('no such meeting, or its recording was deleted while it waited'), ...ADMIN_ERRORS },
    }),
    async (c) => {
      requireAdmin(c);
      const { tenantId, keyId } = c.get('auth');
      const granted = await grantConsent(plane, { tenantId, meetingId: c.req.valid('param').id, source: 'api', recordedBy: keyId });
      const { grantedAt, source, recordedBy } = granted.consent;
      await recordAs(plane.audit, c.get('auth'), {
        action: 'consent.record',
        target: { type: 'meeting', id: granted.consent.meetingId },
        details: { source, grantedAt, runId: granted.started?.executionName ?? null },
      });
      return c.json({ meetingId: granted.consent.meetingId, consent: { grantedAt, source, recordedBy }, runId: granted.started?.executionName ?? null }, 200);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/meetings/{id}/speakers',
      summary: 'admin: name diarised speakers',
      request: { params: MeetingIdParams, body: { content: { 'application/json': { schema: SpeakersBody } }, required: false } },
      responses: { 202: json(RunResponse, 'renaming'), 400: failure('bad names'), 404: failure('no such meeting'), ...ADMIN_ERRORS },
    }),
    async (c) => {
      requireAdmin(c);
      const names = SpeakerNamesSchema.parse(await c.req.json().catch(() => null));
      const meetingId = c.req.valid('param').id;
      const run = await renameSpeakers(plane, { tenantId: c.get('auth').tenantId, meetingId, names });
      await recordAs(plane.audit, c.get('auth'), {
        action: 'meeting.renameSpeakers',
        target: { type: 'meeting', id: meetingId },
        details: { names: Object.entries(names).map(([speaker, name]) => `${speaker}=${name}`), runId: run.executionName },
      });
      return c.json({ runId: run.executionName }, 202);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/meetings/{id}/speakers/confirm',
      summary: 'admin: apply the proposed speaker names (all open ones, or those of the speakers given) through the speaker rename',
      request: { params: MeetingIdParams, body: { content: { 'application/json': { schema: ConfirmSpeakerNamesBody } }, required: false } },
      responses: { 202: json(ConfirmSpeakerNamesResponse, 'renaming'), 400: failure('bad body'), 404: failure('no such meeting or proposal'), ...ADMIN_ERRORS },
    }),
    async (c) => {
      requireAdmin(c);
      const body = ConfirmSpeakerNamesBody.parse(await c.req.json().catch(() => ({})));
      const confirmed = await confirmSpeakerNames(plane, {
        tenantId: c.get('auth').tenantId,
        meetingId: c.req.valid('param').id,
        ...(body.speakerIds === undefined ? {} : { speakerIds: body.speakerIds }),
        now: plane.clock(),
      });
      await recordAs(plane.audit, c.get('auth'), {
        action: 'meeting.renameSpeakers',
        target: { type: 'meeting', id: c.req.valid('param').id },
        details: { names: Object.entries(confirmed.names).map(([speaker, name]) => `${speaker}=${name}`), runId: confirmed.executionName, confirmedProposals: true },
      });
      return c.json({ runId: confirmed.executionName, names: confirmed.names }, 202);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/action-items',
      summary: "action items across the tenant's meetings, soonest due first",
      request: { query: ActionItemsQuery },
      responses: { 200: json(ActionItemsResponse, 'a page of action items'), 400: failure('bad filter or cursor'), ...AUTH_ERRORS },
    }),
    async (c) => {
      const { owner, due_before: dueBefore, limit, cursor } = c.req.valid('query');
      const page = await listTenantActionItems(plane.blobs, c.get('auth').tenantId, {
        limit,
        ...(owner === undefined ? {} : { owner }),
        ...(dueBefore === undefined ? {} : { dueBefore }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      return c.json({ ...page, actionItems: page.actionItems.map((item) => ({ ...item, link: links.moment(item.meetingId, item.startMs) })) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/search',
      summary: 'hybrid (semantic + keyword) search of the archive',
      request: { query: SearchQuery },
      responses: { 200: json(SearchResponse, 'hits, best first'), 400: failure('bad query'), ...AUTH_ERRORS },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { tenantId } = auth;
      const query = c.req.valid('query');
      // Before the answer leaves: an admin's look across the archive is on record even if the search then fails.
      if (auth.role === 'admin') await recordAs(plane.audit, auth, { action: 'archive.search', target: { type: 'archive', id: tenantId }, details: searchDetails(query) });
      const byDate = query.from !== undefined || query.to !== undefined;
      const meetingIds = byDate
        ? (
            await filterCatalog(plane.blobs, tenantId, {
              ...(query.from === undefined ? {} : { from: query.from }),
              ...(query.to === undefined ? {} : { to: query.to }),
            })
          ).map((entry) => entry.meetingId)
        : undefined;
      const hits = await searchArchive(
        { embedder: plane.embedder, index: plane.vectorIndex },
        {
          tenantId,
          query: query.q,
          limit: query.limit,
          ...(query.kind === undefined ? {} : { kinds: query.kind }),
          ...(query.meetingId === undefined ? {} : { meetingId: query.meetingId }),
          ...(query.speaker === undefined ? {} : { speaker: query.speaker }),
          ...(meetingIds === undefined ? {} : { meetingIds }),
        },
      );
      return c.json({ hits }, 200);
    },
  );

  registerAskRoute(app, plane);
  app.route('/', auditRoutes(plane.audit));
  app.route('/', editRoutes(plane));
  app.route('/', shareLinkRoutes(plane));
  app.route('/', exportRoutes(plane));
  app.route('/', whoAmIRoute());

  // Behind the same API-key check: CRM webhook subscriptions and their delivery log.
  if (plane.deliveries !== null) app.route('/', subscriptionRoutes({ blobs: plane.blobs, deliveries: plane.deliveries, clock: plane.clock, receivers: plane.receivers }));

  return app;
}

// What an admin searched for, as the audit log keeps it: the query (cut to a readable length) and its filters.
const AUDITED_QUERY_CHARS = 500;
function searchDetails(query: z.infer<typeof SearchQuery>): Record<string, string | string[]> {
  const { q, kind, meetingId, speaker, from, to } = query;
  return {
    q: q.slice(0, AUDITED_QUERY_CHARS),
    ...(kind === undefined ? {} : { kind }),
    ...(meetingId === undefined ? {} : { meetingId }),
    ...(speaker === undefined ? {} : { speaker }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}
