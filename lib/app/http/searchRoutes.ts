import type { z } from 'zod';
import { filterCatalog } from '../../domain/meetings/meetingQuery.js';
import { searchArchive } from '../../domain/search/searchArchive.js';
import type { ControlPlane } from '../ControlPlane.js';
import { SearchQuery, SearchResponse } from './apiSchemas.js';
import { recordAs } from './auditActor.js';
import { apiRoute, AUTH_ERRORS, failure, json, routeGroup } from './routeGroup.js';

const searchArchiveRoute = apiRoute({
  operationId: 'searchArchive',
  method: 'get',
  path: '/search',
  summary: 'hybrid (semantic + keyword) search of the archive',
  request: { query: SearchQuery },
  responses: { 200: json(SearchResponse, 'hits, best first'), 400: failure('bad query'), ...AUTH_ERRORS },
});

export const searchOperations = [searchArchiveRoute];

/** `GET /search`: the tenant's archive, searched; an admin's search is in the audit log. */
export function searchRoutes(plane: ControlPlane) {
  const app = routeGroup();

  app.openapi(searchArchiveRoute, async (c) => {
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
  });

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
