import { describe, expect, it } from 'vitest';
import { InvalidWebhookError } from '../../../lib/domain/intake/errors.js';
import { decodeS3EventKey, encodeS3EventKey, recordingEventsFromS3Notification } from '../../../lib/domain/intake/s3Notification.js';

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

  it('decodes keys exactly as S3 encodes them: "+" for a space, %2B for a plus, %25 for a percent, UTF-8 escapes', () => {
    const cases: [string, string][] = [
      ['calls/plan%2Bbudget.ogg', 'calls/plan+budget.ogg'],
      ['calls/100%25.ogg', 'calls/100%.ogg'],
      ['calls/a%252Fb.ogg', 'calls/a%2Fb.ogg'],
      ['calls/weekly+sync.ogg', 'calls/weekly sync.ogg'],
      ['calls/r%C3%A9union+%E2%98%95.ogg', 'calls/réunion ☕.ogg'],
    ];
    for (const [wire, key] of cases) {
      expect(recordingEventsFromS3Notification({ Records: [record(wire)] }, options).map((e) => e.recordingKey)).toEqual([key]);
      expect(encodeS3EventKey(key)).toBe(wire);
      expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
    }
  });

  it('rejects a key that is not URL-encoded, naming it, instead of throwing a bare URIError', () => {
    expect(() => recordingEventsFromS3Notification({ Records: [record('calls/100%.ogg')] }, options)).toThrow(/calls\/100%\.ogg/);
    expect(() => recordingEventsFromS3Notification({ Records: [record('calls/100%.ogg')] }, options)).toThrow(InvalidWebhookError);
  });
});
