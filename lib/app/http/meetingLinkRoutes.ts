import { Hono } from 'hono';
import { MEETING_ID_PATTERN } from '../../domain/meetings/meetingId.js';

/**
 * `/meetings/{id}?t=<ms>`, the app-relative links of earlier CRM events and API answers, open
 * the web UI's page of that meeting at that moment (its hash route; sign-in keeps it).
 */
export function meetingLinkRoutes(): Hono {
  const app = new Hono();
  app.get('/meetings/:id', (c, next) => {
    const id = c.req.param('id');
    if (!MEETING_ID_PATTERN.test(id)) return next();
    const t = c.req.query('t');
    const at = t !== undefined && /^\d{1,10}$/.test(t) ? `?t=${t}` : '';
    return c.redirect(`/#/meetings/${id}${at}`, 302);
  });
  return app;
}
