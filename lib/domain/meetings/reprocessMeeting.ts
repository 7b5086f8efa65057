import { startMeeting, type StartedMeeting, type StartMeetingDeps } from '../intake/startMeeting.js';
import type { ResumeFrom } from '../meeting/schema.js';
import { findCatalogEntry } from './meetingView.js';
import { NotFoundError } from '../errors.js';

export class MeetingNotFoundError extends NotFoundError {
  override readonly name = 'MeetingNotFoundError';
}

/** Runs a known meeting again, whole or from a step, reusing what the earlier steps stored. */
export async function reprocessMeeting(
  deps: StartMeetingDeps,
  request: { tenantId: string; meetingId: string; from: ResumeFrom },
): Promise<StartedMeeting> {
  const entry = await findCatalogEntry(deps.blobs, request.tenantId, request.meetingId);
  if (entry === null) throw new MeetingNotFoundError(`no meeting ${request.meetingId} for tenant ${request.tenantId}`);
  return startMeeting(
    deps,
    { tenantId: entry.tenantId, recordingKey: entry.recordingKey, recordedAt: entry.recordedAt, trigger: 'reprocess' },
    { resumeFrom: request.from, reprocess: true },
  );
}
