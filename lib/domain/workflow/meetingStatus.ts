import { resultFiles, resultKey } from '../meetings/resultKeys.js';
import { STATUS_SCHEMA_VERSION, type MeetingContext, type MeetingStatus } from '../meetings/schema.js';
import type { StepDeps } from './StepDeps.js';
import { putJson } from '../jsonBlobs.js';

/** Writes the meeting's status.json beside the recording: running, succeeded or failed (with why). */
export async function writeMeetingStatus(
  deps: Pick<StepDeps, 'blobs'>,
  meeting: MeetingContext,
  state: MeetingStatus['state'],
  at: string,
  error: MeetingStatus['error'] = null,
  degraded = false,
): Promise<MeetingStatus> {
  const status: MeetingStatus = {
    schemaVersion: STATUS_SCHEMA_VERSION,
    meetingId: meeting.meetingId,
    tenantId: meeting.tenantId,
    recordingKey: meeting.recordingKey,
    runId: meeting.runId,
    state,
    updatedAt: at,
    error,
    degraded,
  };
  await putJson(deps.blobs, resultKey(meeting.resultPrefix, resultFiles.status), status);
  return status;
}
