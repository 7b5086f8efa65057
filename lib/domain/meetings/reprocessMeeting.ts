import { createHash } from 'node:crypto';
import { meetingContext, type StartedMeeting, type StartMeetingDeps } from '../intake/startMeeting.js';
import { resultFiles, resultKey } from './resultKeys.js';
import { MeetingStatusSchema, type ResumeFrom } from './schema.js';
import { findJsonIfValid } from '../jsonBlobs.js';
import { writeMeetingStatus } from '../workflow/meetingStatus.js';
import { MeetingBusyError, MeetingNotFoundError } from './meetingErrors.js';
import { listingOf, refreshListing } from './listingRow.js';
import { findCatalogEntry } from './catalogReads.js';
import { ConsentRequiredError } from '../consent/consentErrors.js';
import { consentFor } from '../consent/recordingConsent.js';


/**
 * Runs a known meeting again, whole or from a step, reusing what the earlier steps stored. The
 * meeting shows as processing from the moment this returns, its earlier results readable until
 * the new ones replace them. One rerun at a time: while a run of the meeting is going this is a
 * MeetingBusyError, and the rerun's name follows from the run it replaces, so two requests at
 * once name the same run and only one starts it.
 */
export async function reprocessMeeting(
  deps: StartMeetingDeps,
  request: { tenantId: string; meetingId: string; from: ResumeFrom },
): Promise<StartedMeeting> {
  const entry = await findCatalogEntry(deps.blobs, request.tenantId, request.meetingId);
  if (entry === null) throw new MeetingNotFoundError(`no meeting ${request.meetingId} for tenant ${request.tenantId}`);
  const status = await findJsonIfValid(deps.blobs, resultKey(entry.resultPrefix, resultFiles.status), MeetingStatusSchema);
  if (status?.state === 'running' && (await deps.workflow.isRunning(status.runId))) throw busy(entry.meetingId);

  if ((await consentFor(deps, entry)) === null) {
    throw new ConsentRequiredError(`meeting ${entry.meetingId} awaits consent: record it (POST /api/meetings/{id}/consent, or aftercall consent) before it is processed`);
  }

  const previousRun = status?.runId ?? entry.meetingId;
  const runId = `${entry.meetingId}-r${createHash('sha256').update(previousRun).digest('hex').slice(0, 16)}`;
  const recording = { tenantId: entry.tenantId, recordingKey: entry.recordingKey, recordedAt: entry.recordedAt, trigger: 'reprocess' as const };
  const meeting = await meetingContext(deps, recording, entry.meetingId, runId, request.from);
  // Before the run starts, so no reader sees the old "ready" in between (and the run cannot end before this write).
  const running = await writeMeetingStatus(deps, meeting, 'running', deps.clock().toISOString());
  await refreshListing(deps.blobs, meeting, listingOf(running, null, null));
  const started = await deps.workflow.start({ name: runId, input: { meeting } });
  if (started.alreadyStarted) throw busy(entry.meetingId);
  return { tenantId: entry.tenantId, meetingId: entry.meetingId, executionName: started.executionName, resultPrefix: meeting.resultPrefix, alreadyStarted: false, awaitingConsent: false };
}

const busy = (meetingId: string) => new MeetingBusyError(`meeting ${meetingId} is being processed; reprocess it when that run has ended`);
