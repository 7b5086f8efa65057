import { deriveMeetingId } from '../meeting/meetingId.js';
import { catalogKey, resultPrefixFor } from '../meeting/resultKeys.js';
import { CatalogEntrySchema, type MeetingContext, type ResumeFrom } from '../meeting/schema.js';
import { readTenantSettings } from '../meeting/tenantSettings.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { WorkflowRunner } from '../ports/WorkflowRunner.js';
import { findJson } from '../workflow/jsonResults.js';
import { RecordingEventSchema, type RecordingEvent } from './recordingEvent.js';
import { assertRecordingOfTenant } from './recordingTenant.js';

export interface StartMeetingDeps {
  blobs: BlobStore;
  workflow: WorkflowRunner;
  clock: () => Date;
  /** The tenant of recordings outside tenants/<id>/ (the tenant rule needs it). */
  defaultTenant: string;
}

export interface StartedMeeting {
  tenantId: string;
  meetingId: string;
  executionName: string;
  resultPrefix: string;
  alreadyStarted: boolean;
}

/**
 * Starts the post-call workflow for a recording. The first run is named after the meeting
 * id, which is derived from tenant and recording: the same webhook twice, or two at once,
 * start one run. A reprocess run gets a fresh name. Every intake path comes through here, so
 * here the tenant rule is enforced: a recording is only ever filed under the tenant its key names.
 */
export async function startMeeting(
  deps: StartMeetingDeps,
  event: RecordingEvent,
  options: { resumeFrom?: ResumeFrom; reprocess?: boolean } = {},
): Promise<StartedMeeting> {
  const recording = RecordingEventSchema.parse(event);
  assertRecordingOfTenant(recording.recordingKey, recording.tenantId, deps.defaultTenant);
  const meetingId = deriveMeetingId(recording.tenantId, recording.recordingKey);
  const [settings, existing] = await Promise.all([
    readTenantSettings(deps.blobs, recording.tenantId),
    findJson(deps.blobs, catalogKey(recording.tenantId, meetingId), CatalogEntrySchema),
  ]);
  const runId = options.reprocess === true ? `${meetingId}-r${deps.clock().getTime().toString(36)}` : meetingId;
  const meeting: MeetingContext = {
    tenantId: recording.tenantId,
    meetingId,
    recordingKey: recording.recordingKey,
    // A meeting keeps the folder it was first given: results from before the per-extension layout stay where they are.
    resultPrefix: existing?.resultPrefix ?? resultPrefixFor(recording.recordingKey),
    runId,
    resumeFrom: options.resumeFrom ?? 'transcribe',
    targetLanguages: settings.targetLanguages,
    piiRedaction: settings.piiRedaction,
    recordedAt: recording.recordedAt,
    trigger: options.reprocess === true ? 'reprocess' : recording.trigger,
  };
  const started = await deps.workflow.start({ name: runId, input: { meeting } });
  return { tenantId: recording.tenantId, meetingId, executionName: started.executionName, resultPrefix: meeting.resultPrefix, alreadyStarted: started.alreadyStarted };
}
