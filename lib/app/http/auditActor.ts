import type { AuditLog } from '../../domain/audit/AuditLog.js';
import type { AuditActor, AuditDetails, AuditEntry, AuditRecordInput } from '../../domain/audit/auditEntry.js';
import type { AuthContext } from './authContext.js';

/** An API caller as the audit log names it: its key's public id and role, never the secret. */
export const actorOf = (auth: AuthContext): AuditActor => ({ type: 'apiKey', keyId: auth.keyId, role: auth.role });

/** Records an action of the API caller in its own tenant's log. */
export const recordAs = (
  audit: AuditLog,
  auth: AuthContext,
  entry: Omit<AuditRecordInput, 'tenantId' | 'actor' | 'details'> & { details?: AuditDetails },
): Promise<AuditEntry> => audit.record({ ...entry, tenantId: auth.tenantId, actor: actorOf(auth) });
