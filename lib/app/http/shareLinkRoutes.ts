import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { SHARE_LINK_MAX_DAYS, ShareLinkInfoSchema } from '../../domain/share/shareLinkSchema.js';
import { createShareLink, listShareLinks, revokeShareLink } from '../../domain/share/shareLinks.js';
import type { ControlPlane } from '../ControlPlane.js';
import { MeetingIdParams } from './apiSchemas.js';
import { recordAs } from './auditActor.js';
import type { ApiEnv } from './authContext.js';
import { HttpError } from './errorResponse.js';
import type { MeetingLookup } from './meetingLookup.js';
import { requireAdmin } from './requireApiKey.js';
import { ADMIN_ERRORS, apiRoute, failure, json, MEETING_GONE, routeGroup } from './routeGroup.js';

const DAY_MS = 86_400_000;

export const CreateShareLinkBody = z.strictObject({
  expiresInDays: z.number().int().min(1).max(SHARE_LINK_MAX_DAYS).default(7).meta({ description: `1..${SHARE_LINK_MAX_DAYS} days, default 7` }),
});
const CreatedShareLink = z.object({
  token: z.string().meta({ description: 'sl_<linkId>_<secret>: shown once, never stored (only its hash is)' }),
  path: z.string().meta({ description: 'where the web UI opens it: the token sits in the #fragment, which browsers never send to a server', example: '/#/shared/sl_…' }),
  link: ShareLinkInfoSchema,
});
const ShareLinksQuery = z.strictObject({ meetingId: z.string().min(1).max(200).optional() });
const LinkIdParams = z.object({ linkId: z.string().meta({ description: 'the link id (16 hex characters)' }) });


/** The path the web UI opens a share link at: in the fragment, so no server, log or Referer sees the token. */
export const sharedPagePath = (token: string): string => `/#/shared/${token}`;

const createShareLinkRoute = apiRoute({
  operationId: 'createShareLink',
  method: 'post',
  path: '/meetings/{id}/share-links',
  summary: 'admin: a read-only link to this meeting for someone without a key, expiring (default 7 days, at most 90)',
  request: { params: MeetingIdParams, body: { content: { 'application/json': { schema: CreateShareLinkBody } }, required: false } },
  responses: { 201: json(CreatedShareLink, 'the link, with its token (shown once)'), 400: failure('bad expiry'), 404: failure('no such meeting'), 410: MEETING_GONE, ...ADMIN_ERRORS },
});

const listShareLinksRoute = apiRoute({
  operationId: 'listShareLinks',
  method: 'get',
  path: '/share-links',
  summary: "admin: the tenant's share links (active, expired and revoked), newest first; never their tokens",
  request: { query: ShareLinksQuery },
  responses: { 200: json(z.object({ links: z.array(ShareLinkInfoSchema) }), 'the links'), ...ADMIN_ERRORS },
});

const revokeShareLinkRoute = apiRoute({
  operationId: 'revokeShareLink',
  method: 'delete',
  path: '/share-links/{linkId}',
  summary: 'admin: revoke a share link: it stops opening the meeting at once',
  request: { params: LinkIdParams },
  responses: { 200: json(z.object({ link: ShareLinkInfoSchema }), 'revoked'), 404: failure('no such link in this tenant'), ...ADMIN_ERRORS },
});

export const shareLinkOperations = [createShareLinkRoute, listShareLinksRoute, revokeShareLinkRoute];

/**
 * Admin routes for share links: make a read-only link to one meeting (expiring), list the
 * tenant's links, revoke one. Every change is in the audit log, under the link's id (never its token).
 */
export function shareLinkRoutes(plane: ControlPlane, lookup: MeetingLookup): OpenAPIHono<ApiEnv> {
  const app = routeGroup();

  app.openapi(
    createShareLinkRoute,
    async (c) => {
      requireAdmin(c);
      const auth = c.get('auth');
      const body = CreateShareLinkBody.parse(await c.req.json().catch(() => ({})));
      const { meetingId } = await lookup.entryOr404(auth.tenantId, c.req.valid('param').id);
      const now = plane.clock();
      const { token, link } = await createShareLink(plane.blobs, { tenantId: auth.tenantId, meetingId, expiresAt: new Date(now.getTime() + body.expiresInDays * DAY_MS), createdBy: auth.keyId }, now);
      await recordAs(plane.audit, auth, { action: 'shareLink.create', target: { type: 'shareLink', id: link.linkId }, details: { meetingId, expiresAt: link.expiresAt } });
      return c.json({ token, path: sharedPagePath(token), link }, 201);
    },
  );

  app.openapi(
    listShareLinksRoute,
    async (c) => {
      requireAdmin(c);
      const { meetingId } = c.req.valid('query');
      return c.json({ links: await listShareLinks(plane.blobs, c.get('auth').tenantId, meetingId === undefined ? {} : { meetingId }) }, 200);
    },
  );

  app.openapi(
    revokeShareLinkRoute,
    async (c) => {
      requireAdmin(c);
      const auth = c.get('auth');
      const { linkId } = c.req.valid('param');
      const link = await revokeShareLink(plane.blobs, auth.tenantId, linkId, plane.clock());
      if (link === null) throw new HttpError(404, `no share link ${linkId}`);
      await recordAs(plane.audit, auth, { action: 'shareLink.revoke', target: { type: 'shareLink', id: linkId }, details: { meetingId: link.meetingId } });
      return c.json({ link }, 200);
    },
  );
  return app;
}
