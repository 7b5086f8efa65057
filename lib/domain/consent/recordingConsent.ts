import { isMediaKey, isTrackKey, isTracksFolder } from '../intake/recordingEvent.js';
import { readTenantSettings } from '../tenants/tenantSettings.js';
import type { BlobStore } from '../ports/BlobStore.js';
import { findConsentRecord, writeConsentRecord, type ConsentRecord, type ConsentSource } from './consentRecord.js';

/**
 * The user metadata that carries consent on a recording object: `x-amz-meta-aftercall-consent:
 * granted` on the PUT (S3 hands it back lower-case, without the prefix). LiveKit egress sets it
 * through its S3 upload's `metadata` map.
 */
export const CONSENT_METADATA_KEY = 'aftercall-consent';
export const CONSENT_GRANTED = 'granted';

/** The key in a LiveKit room's metadata (a JSON object, set by the app that runs the room) that says its participants agreed. */
export const ROOM_CONSENT_FIELD = 'aftercallConsent';

/** Whether a LiveKit room's metadata string, a JSON object, says `"aftercallConsent": "granted"`. */
export function roomMetadataGrantsConsent(metadata: string | undefined): boolean {
  if (metadata === undefined || metadata.length === 0) return false;
  try {
    const parsed: unknown = JSON.parse(metadata);
    return typeof parsed === 'object' && parsed !== null && (parsed as Record<string, unknown>)[ROOM_CONSENT_FIELD] === CONSENT_GRANTED;
  } catch {
    return false;
  }
}

export interface ConsentQuestion {
  tenantId: string;
  meetingId: string;
  recordingKey: string;
  /** Consent the announcing event carried (a signed LiveKit webhook's room metadata). */
  announced?: ConsentSource;
}

/** Consent is not needed (the tenant does not require it), or is recorded: the record, or 'not-required'. Null: the meeting must wait. */
export async function consentFor(deps: { blobs: BlobStore; clock: () => Date }, question: ConsentQuestion): Promise<ConsentRecord | 'not-required' | null> {
  const settings = await readTenantSettings(deps.blobs, question.tenantId);
  if (!settings.requireConsent) return 'not-required';
  const recorded = await findConsentRecord(deps.blobs, question.tenantId, question.meetingId);
  if (recorded !== null) return recorded;
  const source = question.announced ?? ((await recordingCarriesConsent(deps.blobs, question.recordingKey)) ? 'recording-metadata' : null);
  if (source === null) return null;
  // Kept as a record: who agreed, when and how stays known if the object is later replaced.
  return writeConsentRecord(deps.blobs, { tenantId: question.tenantId, meetingId: question.meetingId, grantedAt: deps.clock().toISOString(), source, recordedBy: null });
}

/** The recording's metadata grants consent; for a folder of participant tracks, every track's must (each participant's own file). */
async function recordingCarriesConsent(blobs: BlobStore, recordingKey: string): Promise<boolean> {
  const keys = isTracksFolder(recordingKey) ? (await blobs.list(recordingKey)).filter((key) => isTrackKey(key) && isMediaKey(key)) : [recordingKey];
  if (keys.length === 0) return false;
  const heads = await Promise.all(keys.map((key) => blobs.head(key)));
  return heads.every((head) => head?.metadata?.[CONSENT_METADATA_KEY]?.trim().toLowerCase() === CONSENT_GRANTED);
}
