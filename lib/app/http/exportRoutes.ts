import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { getMeeting } from '../../domain/meetings/meetingView.js';
import type { ControlPlane } from '../ControlPlane.js';
import { MeetingIdParams } from './apiSchemas.js';
import type { ApiEnv } from './authContext.js';
import { HttpError } from './errorResponse.js';
import { NotesExportQuery, notesExportResponse } from './notesExport.js';
import { failure, routeGroup } from './routeGroup.js';


/** `GET /api/meetings/{id}/export`: the meeting's notes as Markdown or PDF, for any key of its tenant. */
export function exportRoutes(plane: ControlPlane): OpenAPIHono<ApiEnv> {
  const app = routeGroup();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}/export',
      security: [{ apiKey: [] }],
      summary: 'the notes (summary, decisions, action items, chapters; the transcript if asked) as Markdown or PDF, for download',
      request: { params: MeetingIdParams, query: NotesExportQuery },
      responses: {
        200: { description: 'the notes', content: { 'text/markdown': { schema: z.string() }, 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
        400: failure('unknown format'),
        401: failure('missing or invalid API key'),
        404: failure('no such meeting'),
        409: failure('the meeting is not ready yet'),
      },
    }),
    async (c) => {
      const meetingId = c.req.valid('param').id;
      const meeting = await getMeeting(plane.blobs, c.get('auth').tenantId, meetingId);
      if (meeting === null) throw new HttpError(404, `no meeting ${meetingId}`);
      return notesExportResponse(c, plane.blobs, meeting, c.req.valid('query'));
    },
  );
  return app;
}
