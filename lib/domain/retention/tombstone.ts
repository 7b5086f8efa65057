import { z } from 'zod';
import { CONTROL_PREFIX } from '../meetings/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJsonIfValid, putJson } from '../jsonBlobs.js';

/** The stores a meeting's data lives in, as a tombstone names them. */
export const ERASABLE_STORES = ['results', 'live-captions', 'index', 'deliveries', 'recording', 'catalog'] as const;
export type ErasableStore = (typeof ERASABLE_STORES)[number];

/**
 * What is left of an erased meeting: its id, when, why and from which stores — never its title,
 * recording key, speakers or any other content. The API answers 410 Gone with it.
 */
export const TombstoneSchema = z.object({
  schemaVersion: z.literal(1),
  tenantId: z.string(),
  meetingId: z.string(),
  erasedAt: z.iso.datetime({ offset: true }),
  reason: z.string(),
  stores: z.array(z.enum(ERASABLE_STORES)),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;

export const tombstoneKey = (tenantId: string, meetingId: string): string => `${CONTROL_PREFIX}tenants/${tenantId}/tombstones/${meetingId}.json`;

export const findTombstone = (blobs: BlobStore, tenantId: string, meetingId: string): Promise<Tombstone | null> =>
  findJsonIfValid(blobs, tombstoneKey(tenantId, meetingId), TombstoneSchema);

export async function writeTombstone(blobs: BlobStore, tombstone: Omit<Tombstone, 'schemaVersion'>): Promise<Tombstone> {
  const parsed = TombstoneSchema.parse({ schemaVersion: 1, ...tombstone });
  await putJson(blobs, tombstoneKey(parsed.tenantId, parsed.meetingId), parsed);
  return parsed;
}
