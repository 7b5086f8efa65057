import { z } from 'zod';
import { TenantId } from '../meetings/schema.js';

export const AUDIT_SCHEMA_VERSION = 1;

/**
 * Everything the audit log records. Names are `<what>.<verb>`; they appear in object keys (so a
 * filter by action lists, never reads) and must stay letters and dots. Some have no caller yet and
 * are here so the feature that adds them records under a name operators already know:
 * share links, consent (engineer F) and questions to the archive (engineer B).
 */
export const AUDIT_ACTIONS = [
  'apiKey.create',
  'apiKey.revoke',
  'shareLink.create',
  'shareLink.revoke',
  'meeting.reprocess',
  'meeting.delete',
  'meeting.renameSpeakers',
  'meeting.edit',
  'consent.record',
  'consent.withdraw',
  'archive.search',
  'archive.ask',
  /** The retention sweep erased a meeting, or some of its stores (actor: system "retention-sweep"; details: reason, stores). */
  'meeting.erase',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/**
 * Who did it. An API caller is named by its key's public id and role (never the secret); the
 * operator's CLI by the OS user running it; a share link by its id; the service itself (a
 * retention sweep) by the job's name.
 */
export const AuditActorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('apiKey'), keyId: z.string().min(1).max(64), role: z.enum(['member', 'admin']) }),
  z.object({ type: z.literal('operator'), name: z.string().min(1).max(200) }),
  z.object({ type: z.literal('shareLink'), linkId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('system'), name: z.string().min(1).max(200) }),
]);
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** What the action was done to: a meeting, a key, a share link, or the tenant's archive (a search). */
export const AuditTargetSchema = z.object({
  type: z.enum(['meeting', 'apiKey', 'shareLink', 'archive', 'tenant']),
  id: z.string().min(1).max(200),
});
export type AuditTarget = z.infer<typeof AuditTargetSchema>;

/** Small, flat facts about the action (the query searched, the step reprocessed from): never content. */
const DetailValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);
export const AuditDetailsSchema = z.record(z.string().max(64), DetailValue).refine((details) => Object.keys(details).length <= 20, 'at most 20 details');
export type AuditDetails = z.infer<typeof AuditDetailsSchema>;

export const AuditEntrySchema = z.object({
  schemaVersion: z.literal(AUDIT_SCHEMA_VERSION),
  /** The entry's name in the log (its object key without the tenant folder): also a page cursor. */
  id: z.string(),
  tenantId: TenantId,
  at: z.iso.datetime(),
  actor: AuditActorSchema,
  action: AuditActionSchema,
  target: AuditTargetSchema,
  details: AuditDetailsSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** What a caller records; `at` defaults to the log's clock. */
export const AuditRecordInputSchema = z.object({
  tenantId: TenantId,
  actor: AuditActorSchema,
  action: AuditActionSchema,
  target: AuditTargetSchema,
  details: AuditDetailsSchema.default({}),
  at: z.date().optional(),
});
export type AuditRecordInput = z.input<typeof AuditRecordInputSchema>;

export const AUDIT_PAGE_MAX = 200;

/** A page of one tenant's log, newest first. */
export interface AuditQuery {
  from?: Date;
  to?: Date;
  action?: AuditAction;
  limit: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Null on the last page. */
  nextCursor: string | null;
  /** Entries listed but not readable as entries (ids): shown, never skipped silently. */
  unreadable: string[];
}
