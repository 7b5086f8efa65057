import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { askArchive, type AskEvent } from '../../domain/ask/askArchive.js';
import type { AskAnswer } from '../../domain/ask/passages.js';
import { AftercallError } from '../../domain/errors.js';
import { filterCatalog } from '../../domain/meetings/meetingQuery.js';
import { askDeps } from '../askDeps.js';
import type { ControlPlane } from '../ControlPlane.js';
import { recordAs } from './auditActor.js';
import { ASK_EVENTS_DESCRIPTION, AskAnswerSchema, AskBody } from './askSchemas.js';
import type { ApiEnv } from './authContext.js';
import type { MeetingLookup } from './meetingLookup.js';
import { apiRoute, AUTH_ERRORS, failure, MEETING_GONE } from './routeGroup.js';

const AUDITED_QUESTION_CHARS = 500;

const askRoute = apiRoute({
  operationId: 'askArchive',
  method: 'post',
  path: '/ask',
  summary: 'ask the archive (or one meeting) a question: an answer whose every sentence cites the passages it rests on',
  request: { body: { content: { 'application/json': { schema: AskBody } }, required: true } },
  responses: {
    200: {
      description: 'the answer: streamed as server-sent events (default), or whole as JSON with `Accept: application/json`',
      content: { 'text/event-stream': { schema: z.string().meta({ description: ASK_EVENTS_DESCRIPTION }) }, 'application/json': { schema: AskAnswerSchema } },
    },
    400: failure('bad question or scope'),
    404: failure('no such meeting'),
    410: MEETING_GONE,
    ...AUTH_ERRORS,
  },
});

export const askOperations = [askRoute];

/**
 * POST /api/ask, for any key of the tenant (member or admin). The tenant is the key's; a meeting
 * id of another tenant is a 404 like one that does not exist, and retrieval reads only the
 * tenant's index and transcripts. One protocol for every answerer: server-sent events, the
 * extractive answer too; `Accept: application/json` (without text/event-stream) gets the whole
 * answer at once.
 */
export function registerAskRoute(app: OpenAPIHono<ApiEnv>, plane: ControlPlane, lookup: MeetingLookup, log: (message: string, error: unknown) => void = console.error): void {
  app.openapi(askRoute, async (c) => {
    const { tenantId } = c.get('auth');
    const body = c.req.valid('json');
    if (body.meetingId !== undefined) await lookup.entryOr404(tenantId, body.meetingId);
    const byDate = body.from !== undefined || body.to !== undefined;
    const meetingIds = byDate
      ? (await filterCatalog(plane.blobs, tenantId, { ...(body.from === undefined ? {} : { from: body.from }), ...(body.to === undefined ? {} : { to: body.to }) })).map((entry) => entry.meetingId)
      : undefined;
    // Who asked what is recorded before answering, as for searches: for admins, whose keys read the whole archive.
    const auth = c.get('auth');
    if (auth.role === 'admin') {
      await recordAs(plane.audit, auth, {
        action: 'archive.ask',
        target: body.meetingId === undefined ? { type: 'archive', id: tenantId } : { type: 'meeting', id: body.meetingId },
        details: {
          question: body.question.slice(0, AUDITED_QUESTION_CHARS),
          ...(body.from === undefined ? {} : { from: body.from }),
          ...(body.to === undefined ? {} : { to: body.to }),
        },
      });
    }
    const aborted = new AbortController();
    const ask = () =>
      askArchive(askDeps(plane, aborted.signal), {
        tenantId,
        question: body.question,
        ...(body.meetingId === undefined ? {} : { meetingId: body.meetingId }),
        ...(meetingIds === undefined ? {} : { meetingIds }),
      });

    if (wantsJson(c.req.header('accept'))) {
      let answer: AskAnswer | null = null;
      for await (const event of ask()) if (event.type === 'done') answer = event.answer;
      return c.json(answer!, 200);
    }
    // Bad input must still be a 400, not an error event: the first event is awaited before streaming starts.
    const events = ask();
    const first = await events.next();
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => aborted.abort());
      const send = (event: AskEvent) => {
        const { type, ...data } = event;
        return stream.writeSSE({ event: type, data: JSON.stringify(type === 'done' ? event.answer : data) });
      };
      try {
        if (!first.done) await send(first.value);
        for await (const event of events) await send(event);
      } catch (error) {
        const shown = error instanceof AftercallError && error.expose;
        if (!shown) log('error while answering a question', error);
        await stream.writeSSE({ event: 'error', data: JSON.stringify({ message: shown ? error.message : 'the answer failed: ask again shortly' }) });
      }
    }) as never;
  });
}

/** JSON only when the client names it and does not name event streams. */
function wantsJson(accept: string | undefined): boolean {
  const types = (accept ?? '').toLowerCase();
  return types.includes('application/json') && !types.includes('text/event-stream');
}
