import { describe, expect, it } from 'vitest';
import { InvalidWebhookError } from '../../../lib/domain/intake/errors.js';
import { recordingEventsFromLivekit } from '../../../lib/domain/intake/livekitEgress.js';
import { TenantMismatchError } from '../../../lib/domain/intake/recordingTenant.js';

const now = new Date('2026-11-22T12:00:00Z');
const options = { bucket: 'rec-bucket', signerTenant: 'demo', defaultTenant: 'demo', now };
const egressEnded = (egressInfo: Record<string, unknown>) => ({ event: 'egress_ended', id: 'EV_1', createdAt: '1763812800', egressInfo });

describe('recordingEventsFromLivekit', () => {
  it('starts one recording per file of a completed egress, at the time it ended', () => {
    const outcome = recordingEventsFromLivekit(
      egressEnded({
        egressId: 'EG_1',
        roomName: 'standup',
        status: 'EGRESS_COMPLETE',
        fileResults: [{ filename: 'rooms/standup.ogg', location: 's3://rec-bucket/rooms/standup.ogg', size: '1000', endedAt: '1763812800000000000' }],
      }),
      options,
    );
    expect(outcome).toEqual({
      kind: 'recordings',
      events: [{ tenantId: 'demo', recordingKey: 'rooms/standup.ogg', recordedAt: '2025-11-22T12:00:00.000Z', trigger: 'livekit', room: 'standup' }],
    });
  });

  it('ignores events that do not finish a recording, and failed egresses, with the reason', () => {
    expect(recordingEventsFromLivekit({ event: 'room_started', room: { name: 'x' } }, options)).toEqual({
      kind: 'ignored',
      reason: 'event "room_started" does not finish a recording',
    });
    const failed = recordingEventsFromLivekit(egressEnded({ egressId: 'EG_2', status: 'EGRESS_FAILED', error: 'disk full' }), options);
    expect(failed).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('disk full') });
  });

  it('ignores files written to another bucket', () => {
    const outcome = recordingEventsFromLivekit(
      egressEnded({ egressId: 'EG_3', status: 'EGRESS_COMPLETE', fileResults: [{ filename: 'a.ogg', location: 's3://elsewhere/a.ogg' }] }),
      options,
    );
    expect(outcome.kind).toBe('ignored');
  });

  it('rejects a body that is not a LiveKit event', () => {
    expect(() => recordingEventsFromLivekit({ nope: true }, options)).toThrow(InvalidWebhookError);
    expect(() => recordingEventsFromLivekit({ event: 'egress_ended' }, options)).toThrow(InvalidWebhookError);
  });

  it("files a tenant's recording under the tenant whose key signed, and refuses keys of any other tenant", () => {
    const file = (key: string) => ({ filename: key, location: `s3://rec-bucket/${key}` });
    const alpha = { ...options, signerTenant: 'alpha' };
    expect(recordingEventsFromLivekit(egressEnded({ egressId: 'EG_4', status: 'EGRESS_COMPLETE', fileResults: [file('tenants/alpha/r/a.ogg')] }), alpha)).toMatchObject({
      kind: 'recordings',
      events: [{ tenantId: 'alpha', recordingKey: 'tenants/alpha/r/a.ogg' }],
    });
    const mixed = egressEnded({ egressId: 'EG_5', status: 'EGRESS_COMPLETE', fileResults: [file('tenants/alpha/r/a.ogg'), file('r/b.ogg')] });
    expect(() => recordingEventsFromLivekit(mixed, alpha)).toThrow(TenantMismatchError);
    expect(() => recordingEventsFromLivekit(mixed, options)).toThrow(TenantMismatchError);
  });

  it("looks for a finished room's tracks under the signing tenant's prefix", () => {
    const finished = { event: 'room_finished', room: { name: 'standup', sid: 'RM_1' } };
    expect(recordingEventsFromLivekit(finished, options)).toMatchObject({ kind: 'roomFinished', event: { tenantId: 'demo', recordingKey: 'rooms/standup/RM_1/tracks/' } });
    expect(recordingEventsFromLivekit(finished, { ...options, signerTenant: 'alpha' })).toMatchObject({
      kind: 'roomFinished',
      event: { tenantId: 'alpha', recordingKey: 'tenants/alpha/rooms/standup/RM_1/tracks/' },
    });
  });
});
