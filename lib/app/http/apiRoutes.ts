import { Hono } from 'hono';
import { z } from 'zod';
import { resultFiles, resultKey } from '../../domain/meeting/resultKeys.js';
import { LanguageCode, ResumeFromSchema } from '../../domain/meeting/schema.js';
import { getMeeting, listMeetings } from '../../domain/meetings/meetingView.js';
import { renameSpeakers, SpeakerNamesSchema } from '../../domain/meetings/renameSpeakers.js';
import { reprocessMeeting } from '../../domain/meetings/reprocessMeeting.js';
import { SEARCH_DOCUMENT_KINDS } from '../../domain/ports/VectorIndex.js';
import { searchArchive } from '../../domain/search/searchArchive.js';
import { findJson } from '../../domain/workflow/jsonResults.js';
import { ActionItemsSchema, ChaptersSchema, SummarySchema } from '../../domain/understanding/schema.js';
import type { ControlPlane } from '../ControlPlane.js';
import { HttpError } from './errorResponse.js';

const SearchQuery = z.object({
  q: z.string(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  kind: z.enum(SEARCH_DOCUMENT_KINDS).optional(),
  meetingId: z.string().optional(),
});
const TranscriptQuery = z.object({ format: z.enum(['json', 'vtt', 'srt']).default('json'), lang: LanguageCode.optional() });
const ReprocessBody = z.object({ from: ResumeFromSchema.default('transcribe') });

const CONTENT_TYPES = { json: 'application/json', vtt: 'text/vtt; charset=utf-8', srt: 'application/x-subrip; charset=utf-8' } as const;

/**
 * The read API over the results beside the recordings. Until tenants and API keys exist
 * (issue 4), every request reads the default tenant, and the server listens on loopback only.
 */
export function apiRoutes(plane: ControlPlane): Hono {
  const app = new Hono();
  const tenantId = plane.defaultTenant;

  const meetingOr404 = async (meetingId: string) => {
    const meeting = await getMeeting(plane.blobs, tenantId, meetingId);
    if (meeting === null) throw new HttpError(404, `no meeting ${meetingId}`);
    return meeting;
  };

  app.get('/meetings', async (c) => c.json({ meetings: await listMeetings(plane.blobs, tenantId) }));

  app.get('/meetings/:id', async (c) => {
    const meeting = await meetingOr404(c.req.param('id'));
    const prefix = meeting.resultPrefix;
    const [summary, actionItems, chapters] = await Promise.all([
      findJson(plane.blobs, resultKey(prefix, resultFiles.summary), SummarySchema),
      findJson(plane.blobs, resultKey(prefix, resultFiles.actionItems), ActionItemsSchema),
      findJson(plane.blobs, resultKey(prefix, resultFiles.chapters), ChaptersSchema),
    ]);
    return c.json({ meeting, summary, actionItems, chapters });
  });

  app.get('/meetings/:id/transcript', async (c) => {
    const meeting = await meetingOr404(c.req.param('id'));
    const query = TranscriptQuery.parse(c.req.query());
    const file =
      query.lang === undefined
        ? { json: resultFiles.transcriptJson, vtt: resultFiles.transcriptVtt, srt: resultFiles.transcriptSrt }[query.format]
        : query.format === 'json'
          ? resultFiles.translationJson(query.lang)
          : query.format === 'vtt'
            ? resultFiles.translationVtt(query.lang)
            : null;
    if (file === null) throw new HttpError(400, 'translations are available as json and vtt');
    const body = await plane.blobs.getText(resultKey(meeting.resultPrefix, file));
    if (body === null) throw new HttpError(404, `meeting ${meeting.meetingId} has no ${file} yet (state: ${meeting.state})`);
    return c.body(body, 200, { 'Content-Type': CONTENT_TYPES[query.format] });
  });

  app.post('/meetings/:id/reprocess', async (c) => {
    const body = ReprocessBody.parse(await c.req.json().catch(() => ({})));
    const started = await reprocessMeeting(plane, { tenantId, meetingId: c.req.param('id'), from: body.from });
    return c.json({ meetingId: started.meetingId, runId: started.executionName }, 202);
  });

  app.put('/meetings/:id/speakers', async (c) => {
    const names = SpeakerNamesSchema.parse(await c.req.json().catch(() => null));
    const run = await renameSpeakers(plane, { tenantId, meetingId: c.req.param('id'), names });
    return c.json({ runId: run.executionName }, 202);
  });

  app.get('/search', async (c) => {
    const query = SearchQuery.parse(c.req.query());
    const hits = await searchArchive(
      { embedder: plane.embedder, index: plane.vectorIndex },
      {
        tenantId,
        query: query.q,
        limit: query.limit,
        ...(query.kind === undefined ? {} : { kinds: [query.kind] }),
        ...(query.meetingId === undefined ? {} : { meetingId: query.meetingId }),
      },
    );
    return c.json({ hits });
  });

  return app;
}
