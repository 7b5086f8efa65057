import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ControlPlane } from '../ControlPlane.js';
import { MeetingIdParams } from './apiSchemas.js';
import type { ApiEnv } from './authContext.js';
import type { MeetingLookup } from './meetingLookup.js';
import { NotesExportQuery, notesExportResponse } from './notesExport.js';
import { apiRoute, AUTH_ERRORS, failure, MEETING_GONE, routeGroup } from './routeGroup.js';

const exportNotesRoute = apiRoute({
  operationId: 'exportNotes',
  method: 'get',
  path: '/meetings/{id}/export',
  summary: 'the notes (summary, decisions, action items, chapters; the transcript if asked) as Markdown or PDF, for download',
  request: { params: MeetingIdParams, query: NotesExportQuery },
  responses: {
    200: { description: 'the notes', content: { 'text/markdown': { schema: z.string() }, 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
    400: failure('unknown format'),
    404: failure('no such meeting'),
    410: MEETING_GONE,
    409: failure('the meeting is not ready yet'),
    ...AUTH_ERRORS,
  },
});

export const exportOperations = [exportNotesRoute];

/** `GET /api/meetings/{id}/export`: the meeting's notes as Markdown or PDF, for any key of its tenant. */
export function exportRoutes(plane: ControlPlane, lookup: MeetingLookup): OpenAPIHono<ApiEnv> {
  const app = routeGroup();
  app.openapi(
    exportNotesRoute,
    async (c) => {
      const meeting = await lookup.meetingOr404(c.get('auth').tenantId, c.req.valid('param').id);
      return notesExportResponse(c, plane.blobs, meeting, c.req.valid('query'));
    },
  );
  return app;
}
