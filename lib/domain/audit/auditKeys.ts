import { CONTROL_PREFIX } from '../meetings/resultKeys.js';
import { AuditActionSchema, type AuditAction } from './auditEntry.js';

/** Every tenant's audit log lives here (one object per entry); the CDK stack denies deleting under it. */
export const AUDIT_PREFIX = `${CONTROL_PREFIX}audit/`;
export const auditTenantPrefix = (tenantId: string): string => `${AUDIT_PREFIX}${tenantId}/`;

/**
 * An entry's id: `<yyyy-mm-dd>T<HHMMSSmmm>-<action>-<16 hex>`. Its key is the tenant's folder, a
 * folder per day and the rest of the id, so a listing is in time order and names each entry's
 * action: the log is filtered by listing alone, and an id can only ever name a key inside the
 * tenant's own folder.
 */
const ID = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})-([a-zA-Z.]+)-([0-9a-f]{16})$/;

export interface ParsedAuditId {
  id: string;
  at: Date;
  action: AuditAction;
}

export function auditEntryId(at: Date, action: AuditAction, random: string): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}-${action}-${random}`;
}

export const auditEntryKey = (tenantId: string, id: string): string => `${auditTenantPrefix(tenantId)}${id.slice(0, 10)}/${id.slice(11)}.json`;

/** The id a key of the tenant's folder names, or null for anything else (a stray object, another layout). */
export function parseAuditKey(tenantId: string, key: string): ParsedAuditId | null {
  const prefix = auditTenantPrefix(tenantId);
  if (!key.startsWith(prefix) || !key.endsWith('.json')) return null;
  const rest = key.slice(prefix.length, -'.json'.length);
  return parseAuditId(rest.replace('/', 'T'));
}

export function parseAuditId(id: string): ParsedAuditId | null {
  const match = ID.exec(id);
  if (match === null) return null;
  const [, day, hh, mm, ss, ms, action] = match;
  const at = new Date(`${day}T${hh}:${mm}:${ss}.${ms}Z`);
  const parsedAction = AuditActionSchema.safeParse(action);
  if (Number.isNaN(at.getTime()) || !parsedAction.success) return null;
  return { id, at, action: parsedAction.data };
}
