import { deriveMeetingId } from '../meeting/meetingId.js';
import { resultPrefixFor } from '../meeting/resultKeys.js';
import type { MeetingContext, ResumeFrom } from '../meeting/schema.js';
import { readTenantSettings } from '../meeting/tenantSettings.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { WorkflowRunner } from '../ports/WorkflowRunner.js';
import { RecordingEventSchema, type RecordingEvent } from './recordingEvent.js';

export interface StartMeetingDeps {
  blobs: BlobStore;
  workflow: WorkflowRunner;
  clock: () => Date;
}

export interface StartedMeeting {
  meetingId: string;
  executionName: string;
  resultPrefix: string;
  alreadyStarted: boolean;
}

/**
 * Starts the post-call workflow for a recording. The first run is named after the meeting
 * id, which is derived from tenant and recording: the same webhook twice, or two at once,
 * start one run. A reprocess run gets a fresh name.
 */
export async function startMeeting(
  deps: StartMeetingDeps,
  event: RecordingEvent,
  options: { resumeFrom?: ResumeFrom; reprocess?: boolean } = {},
): Promise<StartedMeeting> {
  const recording = RecordingEventSchema.parse(event);
  const meetingId = deriveMeetingId(recording.tenantId, recording.recordingKey);
  const settings = await readTenantSettings(deps.blobs, recording.tenantId);
  const runId = options.reprocess === true ? `${meetingId}-r${deps.clock().getTime().toString(36)}` : meetingId;
  const meeting: MeetingContext = {
    tenantId: recording.tenantId,
    meetingId,
    recordingKey: recording.recordingKey,
    resultPrefix: resultPrefixFor(recording.recordingKey),
    runId,
    resumeFrom: options.resumeFrom ?? 'transcribe',
    targetLanguages: settings.targetLanguages,
    piiRedaction: settings.piiRedaction,
    recordedAt: recording.recordedAt,
    trigger: options.reprocess === true ? 'reprocess' : recording.trigger,
  };
  const started = await deps.workflow.start({ name: runId, input: { meeting } });
  return { meetingId, executionName: started.executionName, resultPrefix: meeting.resultPrefix, alreadyStarted: started.alreadyStarted };
}
