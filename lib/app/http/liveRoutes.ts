import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { RoomName } from '../../domain/live/captionEvents.js';
import { pumpSubscription } from '../../domain/live/pumpSubscription.js';
import type { CaptionRelay, LiveCaller } from '../live/CaptionRelay.js';
import { TicketRequestSchema } from '../live/liveParams.js';
import { BODY_LIMITS, limitBody } from './bodyLimits.js';
import { HttpError } from './errorResponse.js';
import { apiRoute, AUTH_ERRORS, failure, json, routeGroup } from './routeGroup.js';

/** How often an idle SSE stream sends a comment, so proxies do not close it. */
const SSE_HEARTBEAT_MS = 15_000;

interface LiveEnv {
  Variables: { caller: LiveCaller };
}

const RoomParams = z.object({ room: RoomName.meta({ description: 'the room name, as the media server names it' }) });

const createLiveTicket = apiRoute({
  operationId: 'createLiveTicket',
  method: 'post',
  path: '/live/tickets',
  summary: "a short-lived ticket for a browser's socket or event stream (ingest audio into a room, or subscribe to its captions), so no API key goes into a URL",
  request: { body: { content: { 'application/json': { schema: TicketRequestSchema } }, required: false } },
  responses: {
    201: json(z.object({ ticket: z.string(), expiresAt: z.string(), transcriber: z.string().meta({ description: 'the streaming speech-to-text engine' }) }), 'the ticket'),
    400: failure('a bad room, purpose or participant'),
    ...AUTH_ERRORS,
  },
});

const listLiveRooms = apiRoute({
  operationId: 'listLiveRooms',
  method: 'get',
  path: '/live/rooms',
  summary: "the tenant's rooms in progress: who speaks, how many watch",
  responses: {
    200: json(
      z.object({
        rooms: z.array(z.object({ name: z.string(), startedAt: z.string(), speakers: z.array(z.string()), subscribers: z.number().int() })),
        transcriber: z.string(),
      }),
      'the rooms',
    ),
    ...AUTH_ERRORS,
  },
});

const streamLiveCaptions = apiRoute({
  operationId: 'streamLiveCaptions',
  method: 'get',
  path: '/live/rooms/{room}/captions',
  summary: "a room's captions as they are spoken, as Server-Sent Events (an API key in the header, or a subscribe ticket for EventSource)",
  // A key in the header, or a ticket in the query (the empty requirement: no key needed).
  security: [{ apiKey: [] }, {}],
  request: { params: RoomParams, query: z.object({ ticket: z.string().optional().meta({ description: 'a subscribe ticket for this room, from POST /live/tickets' }) }) },
  responses: {
    200: { description: 'caption events (event: the caption event type; data: the event as JSON)', content: { 'text/event-stream': { schema: z.string() } } },
    400: failure('a bad room name or an unknown query parameter'),
    ...AUTH_ERRORS,
  },
});

export const liveOperations = [createLiveTicket, listLiveRooms, streamLiveCaptions];

/**
 * The live plane's HTTP side, mounted under /api (paths /live/…): tickets for browsers' sockets, the tenant's rooms
 * in progress, and a room's captions as Server-Sent Events (read with fetch and an Authorization
 * header, or with EventSource and a subscribe ticket — never an API key in the URL).
 */
export function liveRoutes(relay: CaptionRelay) {
  const app = routeGroup<LiveEnv>();
  app.use('/live/*', limitBody(BODY_LIMITS.api));

  const authenticate = async (authorization: string | undefined, ticket: string | undefined, room: string): Promise<LiveCaller> => {
    const caller = await relay.authenticate({ authorization, ticket, purpose: 'subscribe', room });
    if (caller === null) throw new HttpError(401, 'send "Authorization: Bearer <API key>" (or a subscribe ticket for this room as ?ticket=)');
    return caller;
  };
  // Tickets and the room list take a key only; before the body is read.
  for (const path of ['/live/tickets', '/live/rooms']) {
    app.use(path, async (c, next) => {
      c.set('caller', await authenticate(c.req.header('Authorization'), undefined, ''));
      await next();
    });
  }

  app.openapi(createLiveTicket, async (c) => {
    const caller = c.get('caller');
    const body = TicketRequestSchema.parse(await c.req.json().catch(() => undefined));
    const minted = relay.tickets.mint({ purpose: body.purpose, tenantId: caller.tenantId, room: body.room, participant: body.participant ?? null });
    return c.json({ ticket: minted.ticket, expiresAt: minted.expiresAt.toISOString(), transcriber: relay.transcriberName }, 201);
  });

  app.openapi(listLiveRooms, async (c) => {
    const rooms = relay.hub.active(c.get('caller').tenantId).map((room) => ({ ...room, startedAt: room.startedAt.toISOString() }));
    return c.json({ rooms, transcriber: relay.transcriberName }, 200);
  });

  app.openapi(streamLiveCaptions, async (c) => {
    const { room } = c.req.valid('param');
    const unknown = Object.keys(c.req.query()).filter((name) => name !== 'ticket');
    if (unknown.length > 0) throw new HttpError(400, `unknown query parameter ${unknown.join(', ')}`);
    const caller = await authenticate(c.req.header('Authorization'), c.req.query('ticket'), room);
    const { queue, unsubscribe } = relay.hub.subscribe(caller.tenantId, room);
    return streamSSE(c, async (stream) => {
      stream.onAbort(unsubscribe);
      const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
      try {
        await pumpSubscription(queue, (delivery) => stream.writeSSE({ event: delivery.event.type, id: String(delivery.event.seq), data: JSON.stringify(delivery.event) }), relay.onDelivered);
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
      }
    }) as never;
  });

  return app;
}
