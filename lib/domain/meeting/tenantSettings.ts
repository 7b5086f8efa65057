import { z } from 'zod';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJson } from '../workflow/jsonResults.js';
import { tenantSettingsKey } from './resultKeys.js';
import { LanguageCode, PiiKindSchema } from './schema.js';

export const TenantSettingsSchema = z.object({
  schemaVersion: z.literal(1),
  /** Languages every meeting of the tenant is translated into. */
  targetLanguages: z.array(LanguageCode).max(20).default([]),
  /** Removed from every transcript (by the speech-to-text provider and again locally) before a model or the index sees it. */
  piiRedaction: z.array(PiiKindSchema).default([]),
});
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

export const DEFAULT_TENANT_SETTINGS: TenantSettings = { schemaVersion: 1, targetLanguages: [], piiRedaction: [] };

export async function readTenantSettings(blobs: BlobStore, tenantId: string): Promise<TenantSettings> {
  return (await findJson(blobs, tenantSettingsKey(tenantId), TenantSettingsSchema)) ?? DEFAULT_TENANT_SETTINGS;
}
