import { z } from 'zod';
import { roomMetadataGrantsConsent } from '../consent/recordingConsent.js';
import { InvalidWebhookError } from './errors.js';
import { isRecordingKey, tracksFolderOf, type RecordingEvent } from './recordingEvent.js';
import { assertRecordingOfTenant, tenantKeyPrefix } from './recordingTenant.js';

// LiveKit's WebhookEvent in its protobuf JSON form: camelCase names, int64 as strings, times in ns.
const FileInfo = z.object({
  filename: z.string().default(''),
  location: z.string().default(''),
  endedAt: z.string().optional(),
});
export const LivekitWebhookSchema = z.object({
  event: z.string(),
  room: z.object({ sid: z.string().optional(), name: z.string().optional(), metadata: z.string().optional() }).optional(),
  id: z.string().optional(),
  createdAt: z.union([z.string(), z.number()]).optional(),
  egressInfo: z
    .object({
      egressId: z.string(),
      roomName: z.string().default(''),
      status: z.string().default(''),
      error: z.string().optional(),
      fileResults: z.array(FileInfo).default([]),
      file: FileInfo.optional(),
    })
    .optional(),
});

export type EgressOutcome =
  | { kind: 'recordings'; events: RecordingEvent[] }
  /** A room ended: if track egress wrote its participants' tracks, they are one meeting. */
  | { kind: 'roomFinished'; event: RecordingEvent; /** The room's metadata says its participants agreed to processing (see roomMetadataGrantsConsent). */ consented: boolean }
  | { kind: 'ignored'; reason: string };

export interface LivekitIntakeOptions {
  bucket: string;
  /** The tenant whose LiveKit key signed the webhook. */
  signerTenant: string;
  defaultTenant: string;
  now: Date;
}

/**
 * The recordings a LiveKit webhook announces. Only a completed egress starts work; other
 * events are acknowledged and ignored, so LiveKit does not retry them. A tenant's key signs
 * only for that tenant's recordings: a file under another tenant's prefix refuses the whole
 * webhook (TenantMismatchError) rather than filing it under either tenant.
 */
export function recordingEventsFromLivekit(json: unknown, options: LivekitIntakeOptions): EgressOutcome {
  const parsed = LivekitWebhookSchema.safeParse(json);
  if (!parsed.success) throw new InvalidWebhookError(`not a LiveKit webhook event: ${z.prettifyError(parsed.error)}`);
  const { event, egressInfo, room } = parsed.data;
  if (event === 'room_finished') {
    // The room's name and sid become a key prefix: only characters that cannot climb out of it.
    if (room?.sid === undefined || room.name === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(room.sid) || !/^[^/\\]{1,128}$/.test(room.name) || room.name.includes('..')) {
      return { kind: 'ignored', reason: 'room_finished without a usable room name and sid' };
    }
    return {
      kind: 'roomFinished',
      event: {
        tenantId: options.signerTenant,
        // The tenant's track egress writes under its own prefix (filepath tenants/<id>/rooms/{room_name}/…).
        recordingKey: `${tenantKeyPrefix(options.signerTenant, options.defaultTenant)}${tracksFolderOf(room.name, room.sid)}`,
        recordedAt: options.now.toISOString(),
        trigger: 'livekit',
        room: room.name,
      },
      consented: roomMetadataGrantsConsent(room.metadata),
    };
  }
  if (event !== 'egress_ended') return { kind: 'ignored', reason: `event "${event}" does not finish a recording` };
  if (egressInfo === undefined) throw new InvalidWebhookError('egress_ended without egressInfo');
  if (egressInfo.status !== 'EGRESS_COMPLETE') {
    return { kind: 'ignored', reason: `egress ${egressInfo.egressId} ended with status ${egressInfo.status}${egressInfo.error ? `: ${egressInfo.error}` : ''}` };
  }
  const files = egressInfo.fileResults.length > 0 ? egressInfo.fileResults : egressInfo.file === undefined ? [] : [egressInfo.file];
  const events = files.flatMap((file) => {
    const key = keyOfEgressFile(file, options.bucket);
    if (key === null || !isRecordingKey(key)) return [];
    assertRecordingOfTenant(key, options.signerTenant, options.defaultTenant);
    const room = egressInfo.roomName === '' ? {} : { room: egressInfo.roomName.slice(0, 128) };
    return [{ tenantId: options.signerTenant, recordingKey: key, recordedAt: endedAt(file.endedAt, options.now), trigger: 'livekit' as const, ...room }];
  });
  if (events.length === 0) return { kind: 'ignored', reason: `egress ${egressInfo.egressId} wrote no recording in bucket ${options.bucket}` };
  return { kind: 'recordings', events };
}

/** LiveKit reports s3://bucket/key or an https URL as location, and the key as filename. */
function keyOfEgressFile(file: z.infer<typeof FileInfo>, bucket: string): string | null {
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(file.location);
  if (s3 !== null) return s3[1] === bucket ? (s3[2] ?? null) : null;
  const name = file.filename.replace(/^\/+/, '');
  return name.length > 0 ? name : null;
}

function endedAt(nanos: string | undefined, now: Date): string {
  const ms = nanos !== undefined && /^\d{1,25}$/.test(nanos) ? Number(BigInt(nanos) / 1_000_000n) : Number.NaN;
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : now.toISOString();
}
