import { z } from 'zod';
import { InvalidWebhookError } from './errors.js';
import { isRecordingKey, tenantOfKey, type RecordingEvent } from './recordingEvent.js';

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

/** S3 URL-encodes keys in notifications, with "+" for spaces. */
const decodeKey = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

/** The recordings an S3 object-created notification announces; results and transcripts are ignored. */
export function recordingEventsFromS3Notification(json: unknown, options: { bucket: string; defaultTenant: string }): RecordingEvent[] {
  const parsed = S3NotificationSchema.safeParse(json);
  if (!parsed.success) throw new InvalidWebhookError(`not an S3 event notification: ${z.prettifyError(parsed.error)}`);
  return parsed.data.Records.flatMap((record) => {
    const key = decodeKey(record.s3.object.key);
    if (!record.eventName.startsWith('ObjectCreated') || record.s3.bucket.name !== options.bucket || !isRecordingKey(key)) return [];
    const recordedAt = Number.isNaN(Date.parse(record.eventTime)) ? new Date().toISOString() : new Date(record.eventTime).toISOString();
    return [{ tenantId: tenantOfKey(key, options.defaultTenant), recordingKey: key, recordedAt, trigger: 's3' as const }];
  });
}
