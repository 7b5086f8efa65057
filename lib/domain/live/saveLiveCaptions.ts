import { z } from 'zod';
import { tenantKeyPrefix } from '../intake/recordingTenant.js';
import { resultKey, resultPrefixFor } from '../meetings/resultKeys.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJson, putJson } from '../jsonBlobs.js';
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

/** A meeting's saved live captions: in its results folder (which may be of the earlier layout), else where the relay writes now. */
export async function findLiveCaptions(blobs: BlobStore, meeting: { recordingKey: string; resultPrefix: string }): Promise<LiveCaptionsFile | null> {
  const inFolder = await findJson(blobs, resultKey(meeting.resultPrefix, LIVE_CAPTIONS_FILE), LiveCaptionsFileSchema);
  if (inFolder !== null || meeting.resultPrefix === resultPrefixFor(meeting.recordingKey)) return inFolder;
  return findJson(blobs, liveCaptionsKey(meeting.recordingKey), LiveCaptionsFileSchema);
}

/**
 * Where a room's recording is expected when the caller names none: where LiveKit egress and the
 * demo put recordings, under the tenant's prefix (keys under `tenants/<id>/` belong to that tenant).
 */
export function defaultRecordingKey(tenantId: string, defaultTenant: string, room: string): string {
  return `${tenantKeyPrefix(tenantId, defaultTenant)}recordings/${room}.ogg`;
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
