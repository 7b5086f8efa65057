import { z } from 'zod';
import { InvalidWebhookError } from './errors.js';
import { resultPrefixOfTranscriptionResult } from '../meetings/resultKeys.js';
import { isRecordingKey, isSidecarTranscriptKey, type RecordingEvent } from './recordingEvent.js';
import { tenantOfRecording } from './recordingTenant.js';

// The S3 event notification shape (as S3 sends to Lambda, SQS or SNS): only what we read.
const S3NotificationSchema = z.object({
  Records: z.array(
    z.object({
      eventName: z.string(),
      eventTime: z.string(),
      s3: z.object({ bucket: z.object({ name: z.string() }), object: z.object({ key: z.string(), size: z.number().optional() }) }),
    }),
  ),
});

/**
 * S3 form-encodes keys in notifications: "+" for a space, "%XX" for UTF-8 bytes of everything
 * else it escapes (a "+" in the name arrives as "%2B", a "%" as "%25"). See encodeS3EventKey.
 */
export function decodeS3EventKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch (error) {
    throw new InvalidWebhookError(`S3 event key ${JSON.stringify(key)} is not URL-encoded as S3 encodes keys`, { cause: error });
  }
}

/** How S3 writes a key into an event notification; the embedded server's events go through it. */
export function encodeS3EventKey(key: string): string {
  const formEncode = (part: string) => encodeURIComponent(part).replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
  return key.split('/').map(formEncode).join('/');
}

type CreatedObject = { key: string; eventTime: string };

/** The objects created in our bucket that a notification announces. */
function createdObjects(json: unknown, bucket: string): CreatedObject[] {
  const parsed = S3NotificationSchema.safeParse(json);
  if (!parsed.success) throw new InvalidWebhookError(`not an S3 event notification: ${z.prettifyError(parsed.error)}`);
  return parsed.data.Records.flatMap((record) =>
    record.eventName.startsWith('ObjectCreated') && record.s3.bucket.name === bucket ? [{ key: decodeS3EventKey(record.s3.object.key), eventTime: record.eventTime }] : [],
  );
}

/** The provider results (PUT through a presigned URL) a notification announces: they complete a transcription, never start a run. */
export function transcriptionResultKeysFromS3Notification(json: unknown, options: { bucket: string }): string[] {
  return createdObjects(json, options.bucket).flatMap(({ key }) => (resultPrefixOfTranscriptionResult(key) === null ? [] : [key]));
}

/** The recordings an S3 object-created notification announces; results and transcripts are ignored. */
export function recordingEventsFromS3Notification(json: unknown, options: { bucket: string; defaultTenant: string }): RecordingEvent[] {
  return createdObjects(json, options.bucket).flatMap((record) => {
    const { key } = record;
    if (!isRecordingKey(key) || resultPrefixOfTranscriptionResult(key) !== null) return [];
    const recordedAt = Number.isNaN(Date.parse(record.eventTime)) ? new Date().toISOString() : new Date(record.eventTime).toISOString();
    return [{ tenantId: tenantOfRecording(key, options.defaultTenant), recordingKey: key, recordedAt, trigger: 's3' as const }];
  });
}

/** A transcript written beside a recording: a new version of it is a new run of that recording. */
export interface TranscriptEvent {
  tenantId: string;
  transcriptKey: string;
  recordedAt: string;
}

/** The sidecar transcripts an S3 object-created notification announces. */
export function transcriptEventsFromS3Notification(json: unknown, options: { bucket: string; defaultTenant: string }): TranscriptEvent[] {
  const parsed = S3NotificationSchema.safeParse(json);
  if (!parsed.success) throw new InvalidWebhookError(`not an S3 event notification: ${z.prettifyError(parsed.error)}`);
  return parsed.data.Records.flatMap((record) => {
    const key = decodeS3EventKey(record.s3.object.key);
    if (!record.eventName.startsWith('ObjectCreated') || record.s3.bucket.name !== options.bucket || !isSidecarTranscriptKey(key)) return [];
    const recordedAt = Number.isNaN(Date.parse(record.eventTime)) ? new Date().toISOString() : new Date(record.eventTime).toISOString();
    return [{ tenantId: tenantOfRecording(key, options.defaultTenant), transcriptKey: key, recordedAt }];
  });
}
