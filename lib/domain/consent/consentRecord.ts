import { z } from 'zod';
import { CONTROL_PREFIX } from '../meetings/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJsonIfValid, putJson } from '../jsonBlobs.js';

/** Where consent came from: the recording's object metadata, the LiveKit room's metadata, or a person through the API or CLI. */
export const ConsentSourceSchema = z.enum(['recording-metadata', 'livekit-room-metadata', 'api', 'cli']);
export type ConsentSource = z.infer<typeof ConsentSourceSchema>;

/** That the participants of a meeting agreed to its processing: when, how, and who recorded it. Never content. */
export const ConsentRecordSchema = z.object({
  schemaVersion: z.literal(1),
  tenantId: z.string(),
  meetingId: z.string(),
  grantedAt: z.iso.datetime({ offset: true }),
  source: ConsentSourceSchema,
  /** The API key id that recorded it; null for metadata and the CLI (the operator's own credentials). */
  recordedBy: z.string().nullable(),
});
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

export const consentKey = (tenantId: string, meetingId: string): string => `${CONTROL_PREFIX}tenants/${tenantId}/consent/${meetingId}.json`;

export const findConsentRecord = (blobs: BlobStore, tenantId: string, meetingId: string): Promise<ConsentRecord | null> =>
  findJsonIfValid(blobs, consentKey(tenantId, meetingId), ConsentRecordSchema);

export async function writeConsentRecord(blobs: BlobStore, record: Omit<ConsentRecord, 'schemaVersion'>): Promise<ConsentRecord> {
  const parsed = ConsentRecordSchema.parse({ schemaVersion: 1, ...record });
  await putJson(blobs, consentKey(parsed.tenantId, parsed.meetingId), parsed);
  return parsed;
}
