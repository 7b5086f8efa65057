import { z } from 'zod';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJson } from '../jsonBlobs.js';
import { tenantSettingsKey } from '../meetings/resultKeys.js';
import { LanguageCode, PiiKindSchema } from '../meetings/schema.js';

const Days = z.number().int().min(1).max(36_500);

/** Days each store keeps a meeting's data (counted from when it was recorded); a store left out keeps it until deleted. */
export const RetentionSchema = z.strictObject({
  /** Every result beside the recording, the search documents, the CRM delivery log and the catalog entry: the meeting is erased (a tombstone stays). */
  resultsDays: Days.optional(),
  /** The search documents alone (sooner than the results: the meeting stays readable, no longer searchable). */
  indexDays: Days.optional(),
  /** The captions saved by the live relay. */
  liveCaptionsDays: Days.optional(),
  /** The recording itself (and a transcript uploaded beside it): off unless set, the recording is the customer's. */
  recordingDays: Days.optional(),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const TenantSettingsSchema = z.object({
  schemaVersion: z.literal(1),
  /** Languages every meeting of the tenant is translated into. */
  targetLanguages: z.array(LanguageCode).max(20).default([]),
  /** Removed from every transcript (by the speech-to-text provider and again locally) before a model or the index sees it. */
  piiRedaction: z.array(PiiKindSchema).default([]),
  /**
   * A recording is processed only once consent is recorded for it (its object metadata, the
   * LiveKit room's metadata, or the API/CLI); until then it waits in `awaiting_consent` and no
   * provider sees it.
   */
  requireConsent: z.boolean().default(false),
  /** How long each kind of data is kept, in days after the recording; absent: kept until deleted. */
  retention: RetentionSchema.default({}),
});
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

export const DEFAULT_TENANT_SETTINGS: TenantSettings = { schemaVersion: 1, targetLanguages: [], piiRedaction: [], requireConsent: false, retention: {} };

export async function readTenantSettings(blobs: BlobStore, tenantId: string): Promise<TenantSettings> {
  return (await findJson(blobs, tenantSettingsKey(tenantId), TenantSettingsSchema)) ?? DEFAULT_TENANT_SETTINGS;
}
