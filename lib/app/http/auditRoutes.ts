import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuditLog } from '../../domain/audit/AuditLog.js';
import { AUDIT_PAGE_MAX, AuditActionSchema, AuditEntrySchema } from '../../domain/audit/auditEntry.js';
import type { ApiEnv } from './authContext.js';
import { isoDate } from './apiSchemas.js';
import { HttpError } from './errorResponse.js';
import { requireAdmin } from './requireApiKey.js';
import { ADMIN_ERRORS, apiRoute, failure, json, routeGroup } from './routeGroup.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
export const AuditQuerySchema = z.strictObject({
  from: isoDate('entries at or after').optional(),
  to: isoDate('entries at or before (a date: the whole day)').optional(),
  action: AuditActionSchema.optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50).meta({ description: `1..${AUDIT_PAGE_MAX}, default 50` }),
  cursor: z.string().min(1).max(200).optional().meta({ description: 'nextCursor of the previous page' }),
});

export const AuditResponseSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
  unreadable: z.array(z.string()).meta({ description: 'ids of entries that are listed but could not be read as entries' }),
});

const timeOf = (value: string, name: string, endOfDay: boolean): Date => {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new HttpError(400, `${name} must be an ISO date or time, e.g. 2026-03-01`);
  return new Date(time + (endOfDay && DATE_ONLY.test(value) ? DAY_MS - 1 : 0));
};

const listAuditEntries = apiRoute({
  operationId: 'listAuditEntries',
  method: 'get',
  path: '/audit',
  summary: "admin: the tenant's audit log (key changes, reprocess, delete, renames, consent, admin searches and questions), newest first",
  request: { query: AuditQuerySchema },
  responses: { 200: json(AuditResponseSchema, 'a page of entries'), 400: failure('bad filter or cursor'), ...ADMIN_ERRORS },
});

export const auditOperations = [listAuditEntries];

/**
 * `GET /api/audit`: the caller's tenant's audit log, newest first, for admins. The tenant is the
 * key's, never a parameter; the log has no route that writes, changes or removes an entry.
 */
export function auditRoutes(audit: AuditLog): OpenAPIHono<ApiEnv> {
  const app = routeGroup();
  app.openapi(
    listAuditEntries,
    async (c) => {
      requireAdmin(c);
      const { from, to, action, limit, cursor } = c.req.valid('query');
      const page = await audit.read(c.get('auth').tenantId, {
        limit,
        ...(from === undefined ? {} : { from: timeOf(from, 'from', false) }),
        ...(to === undefined ? {} : { to: timeOf(to, 'to', true) }),
        ...(action === undefined ? {} : { action }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      return c.json(page, 200);
    },
  );
  return app;
}
