import { ForbiddenError } from '../errors.js';

/**
 * The one rule that decides a recording's tenant, applied by every intake path (S3 event,
 * LiveKit webhook, CLI, API reprocess): a key under `tenants/<id>/` belongs to tenant <id>,
 * any other key to the default tenant. The key is where the bytes are, so the tenant cannot
 * be chosen by whoever announces the recording; an announcer may only be refused.
 */
const TENANT_PREFIX = /^tenants\/([a-z0-9][a-z0-9-]{0,62})\//;

/** The tenant a key names by its prefix, or null for a key outside `tenants/`. */
export function tenantNamedByKey(key: string): string | null {
  return TENANT_PREFIX.exec(key)?.[1] ?? null;
}

export function tenantOfRecording(key: string, defaultTenant: string): string {
  return tenantNamedByKey(key) ?? defaultTenant;
}

/** Where a tenant's recordings go when nobody names a key: the bucket's root for the default tenant. */
export const tenantKeyPrefix = (tenantId: string, defaultTenant: string): string => (tenantId === defaultTenant ? '' : `tenants/${tenantId}/`);

/** Someone asked for a recording to be filed under a tenant the rule does not give it. */
export class TenantMismatchError extends ForbiddenError {
  override readonly name = 'TenantMismatchError';
}

/** Throws unless the rule gives `key` to `tenantId`. */
export function assertRecordingOfTenant(key: string, tenantId: string, defaultTenant: string): void {
  const owner = tenantOfRecording(key, defaultTenant);
  if (owner !== tenantId) {
    throw new TenantMismatchError(`recording ${key} belongs to tenant ${owner}, not ${tenantId}: a tenant's recordings live under tenants/<id>/`);
  }
}
