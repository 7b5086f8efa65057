import { catalogKey, siblingTranscriptKeys } from '../meetings/resultKeys.js';
import { deriveMeetingId } from '../meetings/meetingId.js';
import { CatalogEntrySchema } from '../meetings/schema.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findJsonIfValid } from '../jsonBlobs.js';
import { isRecordingKey } from './recordingEvent.js';
import { recordingEventsFromS3Notification, transcriptEventsFromS3Notification } from './s3Notification.js';
import { startMeeting, type StartedMeeting, type StartMeetingDeps } from './startMeeting.js';

/**
 * The runs an S3 object-created notification asks for: one per new version of a recording, and
 * one per recording beside a new version of its transcript (a meeting that failed for want of a
 * good transcript is retried when one arrives). The same version announced again starts nothing.
 */
export async function startFromS3Notification(deps: StartMeetingDeps, json: unknown, options: { bucket: string; defaultTenant: string }): Promise<StartedMeeting[]> {
  const started: StartedMeeting[] = [];
  for (const event of recordingEventsFromS3Notification(json, options)) started.push(await startMeeting(deps, event));
  for (const event of transcriptEventsFromS3Notification(json, options)) {
    for (const recordingKey of await recordingsBesideTranscript(deps.blobs, event.transcriptKey)) {
      // The meeting keeps the time it was recorded at, not the transcript's upload time.
      const entry = await findJsonIfValid(deps.blobs, catalogKey(event.tenantId, deriveMeetingId(event.tenantId, recordingKey)), CatalogEntrySchema);
      started.push(await startMeeting(deps, { tenantId: event.tenantId, recordingKey, recordedAt: entry?.recordedAt ?? event.recordedAt, trigger: 's3' }));
    }
  }
  return started;
}

/** The recordings whose sidecar transcript this key is ("calls/a.vtt" → "calls/a.ogg"). */
export async function recordingsBesideTranscript(blobs: BlobStore, transcriptKey: string): Promise<string[]> {
  const stem = transcriptKey.slice(0, transcriptKey.lastIndexOf('.') + 1);
  return (await blobs.list(stem)).filter((key) => isRecordingKey(key) && siblingTranscriptKeys(key).includes(transcriptKey));
}
