import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { RoomName } from '../../domain/live/captionEvents.js';
import { pumpSubscription } from '../../domain/live/pumpSubscription.js';
import type { CaptionRelay, LiveCaller } from '../live/CaptionRelay.js';
import { TicketRequestSchema } from '../live/liveParams.js';
import { BODY_LIMITS, limitBody } from './bodyLimits.js';
import { HttpError } from './errorResponse.js';

/** How often an idle SSE stream sends a comment, so proxies do not close it. */
const SSE_HEARTBEAT_MS = 15_000;

/**
 * The live plane's HTTP side, under /api/live: tickets for browsers' sockets, the tenant's rooms
 * in progress, and a room's captions as Server-Sent Events (read with fetch and an Authorization
 * header, or with EventSource and a subscribe ticket — never an API key in the URL).
 */
export function liveRoutes(relay: CaptionRelay): Hono<{ Variables: { caller: LiveCaller } }> {
  const app = new Hono<{ Variables: { caller: LiveCaller } }>();
  app.use('*', limitBody(BODY_LIMITS.api));

  const authenticate = async (authorization: string | undefined, ticket: string | undefined, room: string): Promise<LiveCaller> => {
    const caller = await relay.authenticate({ authorization, ticket, purpose: 'subscribe', room });
    if (caller === null) throw new HttpError(401, 'send "Authorization: Bearer <API key>" (or a subscribe ticket for this room as ?ticket=)');
    return caller;
  };

  app.post('/tickets', async (c) => {
    const caller = await authenticate(c.req.header('Authorization'), undefined, '');
    const body = TicketRequestSchema.parse(await c.req.json().catch(() => undefined));
    const minted = relay.tickets.mint({ purpose: body.purpose, tenantId: caller.tenantId, room: body.room, participant: body.participant ?? null });
    return c.json({ ticket: minted.ticket, expiresAt: minted.expiresAt.toISOString(), transcriber: relay.transcriberName }, 201);
  });

  app.get('/rooms', async (c) => {
    const caller = await authenticate(c.req.header('Authorization'), undefined, '');
    const rooms = relay.hub.active(caller.tenantId).map((room) => ({ ...room, startedAt: room.startedAt.toISOString() }));
    return c.json({ rooms, transcriber: relay.transcriberName });
  });

  app.get('/rooms/:room/captions', async (c) => {
    const room = RoomName.parse(c.req.param('room'));
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
    });
  });

  return app;
}
