import type { ConsentSource } from '../consent/consentRecord.js';
import { holdForConsent } from '../consent/holdForConsent.js';
import { consentFor } from '../consent/recordingConsent.js';
import { deriveMeetingId } from '../meetings/meetingId.js';
import { catalogKey, resultPrefixFor } from '../meetings/resultKeys.js';
import { CatalogEntrySchema, type MeetingContext, type ResumeFrom } from '../meetings/schema.js';
import { readTenantSettings } from '../tenants/tenantSettings.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { WorkflowRunner } from '../ports/WorkflowRunner.js';
import { findJson } from '../jsonBlobs.js';
import { RecordingEventSchema, type RecordingEvent } from './recordingEvent.js';
import { assertRecordingOfTenant } from './recordingTenant.js';
import { recordingVersion } from './recordingVersion.js';

export interface StartMeetingDeps {
  blobs: BlobStore;
  workflow: WorkflowRunner;
  clock: () => Date;
  /** The tenant of recordings outside tenants/<id>/ (the tenant rule needs it). */
  defaultTenant: string;
  /**
   * How long a start waits for a recording that is not in the store yet (a webhook that came
   * before the upload finished); 0 or unset: not at all. After it the run starts anyway and
   * fails saying the recording does not exist; the recording's own upload starts a new run.
   */
  recordingWaitMs?: number;
}

export interface StartedMeeting {
  tenantId: string;
  meetingId: string;
  executionName: string;
  resultPrefix: string;
  alreadyStarted: boolean;
  /** The tenant requires consent and none is recorded: the meeting waits in `awaiting_consent` and no run was started. */
  awaitingConsent: boolean;
}

const RECORDING_POLL_MS = 250;
/** The run of a recording that was not there: one per meeting, so repeated webhooks fail it once. */
const ABSENT = 'absent';

/**
 * The name of the run that processes these versions of a meeting's files. The meeting id stays
 * derived from tenant and recording key (links never change); the run is keyed by what it
 * processes, so the same webhook twice, or two at once, start one run, and a replaced
 * recording or transcript starts a new one (Step Functions keeps a name for 90 days).
 */
export const runNameFor = (meetingId: string, version: string | null): string => `${meetingId}-${version ?? ABSENT}`;

/**
 * Starts the post-call workflow for a recording, once per version of its files. Every intake
 * path comes through here, so here the tenant rule is enforced: a recording is only ever filed
 * under the tenant its key names.
 */
export async function startMeeting(
  deps: StartMeetingDeps,
  event: RecordingEvent,
  options: { resumeFrom?: ResumeFrom; runId?: string; /** Consent the event itself carried (a signed webhook's room metadata). */ consent?: ConsentSource } = {},
): Promise<StartedMeeting> {
  const recording = RecordingEventSchema.parse(event);
  assertRecordingOfTenant(recording.recordingKey, recording.tenantId, deps.defaultTenant);
  const meetingId = deriveMeetingId(recording.tenantId, recording.recordingKey);
  const runId = options.runId ?? runNameFor(meetingId, await waitForVersion(deps, recording.recordingKey));
  const meeting = await meetingContext(deps, recording, meetingId, runId, options.resumeFrom ?? 'transcribe');
  const started = { tenantId: recording.tenantId, meetingId, resultPrefix: meeting.resultPrefix };
  // Every path to a run passes here (reprocess checks the same), so no run starts without consent where the tenant asks for it.
  const consent = await consentFor(deps, { tenantId: recording.tenantId, meetingId, recordingKey: recording.recordingKey, ...(options.consent === undefined ? {} : { announced: options.consent }) });
  if (consent === null) {
    await holdForConsent(deps.blobs, meeting, deps.clock().toISOString());
    return { ...started, executionName: runId, alreadyStarted: false, awaitingConsent: true };
  }
  const run = await deps.workflow.start({ name: runId, input: { meeting } });
  return { ...started, executionName: run.executionName, alreadyStarted: run.alreadyStarted, awaitingConsent: false };
}

/** What every step of the run receives. */
export async function meetingContext(deps: Pick<StartMeetingDeps, 'blobs'>, recording: RecordingEvent, meetingId: string, runId: string, resumeFrom: ResumeFrom): Promise<MeetingContext> {
  const [settings, existing] = await Promise.all([
    readTenantSettings(deps.blobs, recording.tenantId),
    findJson(deps.blobs, catalogKey(recording.tenantId, meetingId), CatalogEntrySchema),
  ]);
  return {
    tenantId: recording.tenantId,
    meetingId,
    recordingKey: recording.recordingKey,
    // A meeting keeps the folder it was first given: results from before the per-extension layout stay where they are.
    resultPrefix: existing?.resultPrefix ?? resultPrefixFor(recording.recordingKey),
    runId,
    resumeFrom,
    targetLanguages: settings.targetLanguages,
    piiRedaction: settings.piiRedaction,
    recordedAt: recording.recordedAt,
    trigger: recording.trigger,
    ...(recording.room === undefined ? {} : { room: recording.room }),
  };
}

async function waitForVersion(deps: StartMeetingDeps, recordingKey: string): Promise<string | null> {
  const deadline = Date.now() + (deps.recordingWaitMs ?? 0);
  for (;;) {
    const version = await recordingVersion(deps.blobs, recordingKey);
    if (version !== null || Date.now() >= deadline) return version;
    await new Promise((done) => setTimeout(done, Math.min(RECORDING_POLL_MS, Math.max(1, deadline - Date.now()))));
  }
}
