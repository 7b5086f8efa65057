import { startMeeting, type StartedMeeting, type StartMeetingDeps } from '../intake/startMeeting.js';
import { recordingVersion } from '../intake/recordingVersion.js';
import { findCatalogEntry } from '../meetings/catalogReads.js';
import { forgetWaitingMeeting } from './holdForConsent.js';
import { MeetingNotFoundError } from '../meetings/meetingErrors.js';
import { findConsentRecord, writeConsentRecord, type ConsentRecord, type ConsentSource } from './consentRecord.js';

export interface GrantedConsent {
  consent: ConsentRecord;
  /** The run consent released, when the meeting was waiting for it; null when it was not waiting. */
  started: StartedMeeting | null;
}

/**
 * Records that a meeting's participants agreed to its processing and, if the meeting was waiting
 * for that, starts its run (the same start a webhook makes, so the run is named after the same
 * files and a repeated request starts nothing more). Consent already recorded is kept as it was.
 */
export async function grantConsent(
  deps: StartMeetingDeps,
  request: { tenantId: string; meetingId: string; source: Extract<ConsentSource, 'api' | 'cli'>; recordedBy: string | null },
): Promise<GrantedConsent> {
  const entry = await findCatalogEntry(deps.blobs, request.tenantId, request.meetingId);
  if (entry === null) throw new MeetingNotFoundError(`no meeting ${request.meetingId}`);
  const consent =
    (await findConsentRecord(deps.blobs, entry.tenantId, entry.meetingId)) ??
    (await writeConsentRecord(deps.blobs, { tenantId: entry.tenantId, meetingId: entry.meetingId, grantedAt: deps.clock().toISOString(), source: request.source, recordedBy: request.recordedBy }));
  if (entry.listing?.state !== 'awaiting_consent') return { consent, started: null };
  // Deleted while it waited: the meeting goes with it (a new upload of the recording starts afresh).
  if ((await recordingVersion(deps.blobs, entry.recordingKey)) === null) {
    await forgetWaitingMeeting(deps.blobs, entry);
    throw new MeetingNotFoundError(`the recording of meeting ${entry.meetingId} was deleted while it awaited consent; the meeting is gone`);
  }
  const started = await startMeeting(deps, { tenantId: entry.tenantId, recordingKey: entry.recordingKey, recordedAt: entry.recordedAt, trigger: request.source });
  return { consent, started };
}
