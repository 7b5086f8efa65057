import { z } from 'zod';
import { resultPrefixFor } from '../meeting/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { putJson } from '../workflow/jsonResults.js';
import { LiveEventSchema, type LiveEvent } from './captionEvents.js';

export const LIVE_CAPTIONS_FILE = 'live-captions.json';
export const LIVE_CAPTIONS_SCHEMA_VERSION = 1;

/** The live captions of one call, beside its recording. Marked `source: 'live'`: the batch transcript remains the record. */
export const LiveCaptionsFileSchema = z.object({
  schemaVersion: z.literal(LIVE_CAPTIONS_SCHEMA_VERSION),
  source: z.literal('live'),
  room: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  /** Final captions (both tracks) and gap markers, in the order they were delivered. */
  events: z.array(LiveEventSchema),
});
export type LiveCaptionsFile = z.infer<typeof LiveCaptionsFileSchema>;

export const liveCaptionsKey = (recordingKey: string): string => `${resultPrefixFor(recordingKey)}${LIVE_CAPTIONS_FILE}`;

/**
 * Where a room's recording is expected when the caller names none: where LiveKit egress and the
 * demo put recordings, under the tenant's prefix (keys under `tenants/<id>/` belong to that tenant).
 */
export function defaultRecordingKey(tenantId: string, defaultTenant: string, room: string): string {
  const folder = tenantId === defaultTenant ? 'recordings/' : `tenants/${tenantId}/recordings/`;
  return `${folder}${room}.ogg`;
}

/** Writes a finished call's live captions beside its recording; returns the key written. */
export async function saveLiveCaptions(
  blobs: BlobStore,
  call: { recordingKey: string; room: string; startedAt: Date; endedAt: Date; events: readonly LiveEvent[] },
): Promise<string> {
  const key = liveCaptionsKey(call.recordingKey);
  const file: LiveCaptionsFile = {
    schemaVersion: LIVE_CAPTIONS_SCHEMA_VERSION,
    source: 'live',
    room: call.room,
    startedAt: call.startedAt.toISOString(),
    endedAt: call.endedAt.toISOString(),
    events: [...call.events],
  };
  await putJson(blobs, key, file);
  return key;
}
