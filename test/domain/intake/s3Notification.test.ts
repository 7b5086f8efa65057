import { describe, expect, it } from 'vitest';
import { InvalidWebhookError } from '../../../lib/domain/intake/errors.js';
import { recordingEventsFromS3Notification } from '../../../lib/domain/intake/s3Notification.js';

const record = (key: string, eventName = 'ObjectCreated:Put', bucket = 'rec-bucket') => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  eventName,
  eventTime: '2026-11-20T10:00:00.000Z',
  s3: { bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key, size: 10 } },
});
const options = { bucket: 'rec-bucket', defaultTenant: 'demo' };

describe('recordingEventsFromS3Notification', () => {
  it('turns an object-created recording into a recording event, decoding the key', () => {
    const events = recordingEventsFromS3Notification({ Records: [record('calls/weekly+sync%282%29.ogg')] }, options);
    expect(events).toEqual([{ tenantId: 'demo', recordingKey: 'calls/weekly sync(2).ogg', recordedAt: '2026-11-20T10:00:00.000Z', trigger: 's3' }]);
  });

  it('takes the tenant from a tenants/<id>/ prefix', () => {
    const [event] = recordingEventsFromS3Notification({ Records: [record('tenants/acme/calls/x.mp4')] }, options);
    expect(event?.tenantId).toBe('acme');
  });

  it('ignores transcripts, our own results, deletions and other buckets', () => {
    const events = recordingEventsFromS3Notification(
      {
        Records: [
          record('calls/x.vtt'),
          record('calls/x.aftercall/transcript.json'),
          record('calls/x.aftercall/odd.ogg'),
          record('_aftercall/tenants/demo/meetings/m.json'),
          record('calls/x.ogg', 'ObjectRemoved:Delete'),
          record('calls/x.ogg', 'ObjectCreated:Put', 'other-bucket'),
        ],
      },
      options,
    );
    expect(events).toEqual([]);
  });

  it('rejects what is not an S3 notification', () => {
    expect(() => recordingEventsFromS3Notification({ hello: 'world' }, options)).toThrow(InvalidWebhookError);
  });
});
