import type { AuditEntry, AuditPage, AuditQuery, AuditRecordInput } from './auditEntry.js';

/**
 * A tenant's append-only record of who did what. `record` adds one entry and never replaces
 * one; there is no way to change or remove an entry through this port. Record a change after
 * it succeeded, and a read (a search, a question) before its answer leaves: no data is shown
 * unrecorded. A failure to record is an error of the request, never ignored.
 */
export interface AuditLog {
  record(entry: AuditRecordInput): Promise<AuditEntry>;
  /** One tenant's entries, newest first; nothing of another tenant is reachable. */
  read(tenantId: string, query: AuditQuery): Promise<AuditPage>;
}
