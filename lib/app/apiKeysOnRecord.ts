import type { AuditLog } from '../domain/audit/AuditLog.js';
import type { AuditActor } from '../domain/audit/auditEntry.js';
import type { ApiKeyInfo, CreateApiKeyInput } from '../domain/auth/apiKeySchema.js';
import { createApiKey, describeApiKey, revokeApiKey } from '../domain/auth/apiKeys.js';
import type { BlobStore } from '../domain/ports/BlobStore.js';

/** Creates a key and records it in its tenant's audit log (who, the key's id, role and name; never the key). */
export async function createApiKeyOnRecord(blobs: BlobStore, audit: AuditLog, actor: AuditActor, input: CreateApiKeyInput): Promise<{ key: string; record: ApiKeyInfo }> {
  const created = await createApiKey(blobs, input);
  const { keyId, tenantId, role, name } = created.record;
  await audit.record({ tenantId, actor, action: 'apiKey.create', target: { type: 'apiKey', id: keyId }, details: { role, name } });
  return created;
}

/** Revokes a key and records it in the tenant the key belonged to; null (nothing recorded) when there was no such key. */
export async function revokeApiKeyOnRecord(blobs: BlobStore, audit: AuditLog, actor: AuditActor, keyId: string): Promise<ApiKeyInfo | null> {
  const key = await describeApiKey(blobs, keyId);
  if (key === null || !(await revokeApiKey(blobs, keyId))) return null;
  await audit.record({ tenantId: key.tenantId, actor, action: 'apiKey.revoke', target: { type: 'apiKey', id: keyId }, details: { role: key.role, name: key.name } });
  return key;
}
