import { MeetingRunInProgressError, RecordingNotFoundError, RecordingTooLargeError, UnsupportedRecordingError } from '../../errors.js';
import { isMediaKey, isTrackKey, isTracksFolder } from '../../intake/recordingEvent.js';
import { detectRecordingType, MEDIA_SNIFF_BYTES } from '../../media/detectRecordingType.js';
import { resultFiles, resultKey } from '../../meetings/resultKeys.js';
import { MeetingStatusSchema, type StepInput } from '../../meetings/schema.js';
import { findJsonIfValid } from '../../jsonBlobs.js';
import { listingOf } from '../../meetings/listingRow.js';
import { recordInCatalog } from '../../meetings/recordInCatalog.js';
import { writeMeetingStatus } from '../meetingStatus.js';
import type { StepDeps } from '../StepDeps.js';
import { trackStep } from '../stepStatus.js';
import { keysToClearBeforeRun } from './resultsOfSteps.js';
import { transcriptionWaitSeconds } from '../../transcriptionCallback/transcriptionWait.js';

export interface IntakeResult {
  recording: { key: string; bytes: number; mime: string };
  /** How long Transcribe waits for its result (the state machine's TimeoutSecondsPath), scaled to the recording. */
  transcribeWaitSeconds: number;
  /** For a meeting recorded as one track per participant. */
  tracks?: string[];
}

/**
 * Checks the recording is there and is media, clears the progress of the steps this run will
 * redo, and marks the meeting running. Results stay until this run's steps overwrite them.
 */
export async function intake(deps: StepDeps, { meeting }: StepInput): Promise<IntakeResult> {
  // One run of a meeting at a time: the run of a newer version of the recording waits (the state
  // machine retries this, for a bounded time) until the run still writing the results has ended.
  const current = await findJsonIfValid(deps.blobs, resultKey(meeting.resultPrefix, resultFiles.status), MeetingStatusSchema);
  if (current?.state === 'running' && current.runId !== meeting.runId) {
    throw new MeetingRunInProgressError(`run ${current.runId} of meeting ${meeting.meetingId} is still writing its results; run ${meeting.runId} starts when it has ended`);
  }
  const now = deps.clock().toISOString();
  // The status and the catalog entry go first, so a recording that fails its checks still
  // shows up in the meeting list with the reason.
  await deps.blobs.delete(await keysToClearBeforeRun(deps.blobs, meeting));
  const status = await writeMeetingStatus(deps, meeting, 'running', now);
  await recordInCatalog(deps.blobs, meeting, now, listingOf(status, null, null));

  const withWait = (result: Omit<IntakeResult, 'transcribeWaitSeconds'>): IntakeResult => ({
    ...result,
    transcribeWaitSeconds: transcriptionWaitSeconds(result.recording, deps.limits.transcriptionWaitFloorSeconds),
  });
  return trackStep(deps, meeting, 'intake', async () => {
    if (!isTracksFolder(meeting.recordingKey)) return withWait({ recording: { key: meeting.recordingKey, ...(await checkRecording(deps, meeting.recordingKey)) } });
    const tracks = (await deps.blobs.list(meeting.recordingKey)).filter((key) => isTrackKey(key) && isMediaKey(key));
    if (tracks.length === 0) throw new RecordingNotFoundError(`no participant tracks under ${meeting.recordingKey}`);
    const checked = await Promise.all(tracks.map((key) => checkRecording(deps, key)));
    return withWait({ recording: { key: meeting.recordingKey, bytes: checked.reduce((sum, t) => sum + t.bytes, 0), mime: 'multipart/tracks' }, tracks });
  });
}

/** The recording (or one participant's track) exists, is not empty or too large, and its bytes are audio or video. */
async function checkRecording(deps: StepDeps, key: string): Promise<{ bytes: number; mime: string }> {
  const head = await deps.blobs.head(key);
  if (head === null) {
    throw new RecordingNotFoundError(`recording ${key} does not exist in the blob store`);
  }
  if (head.size === 0) {
    throw new UnsupportedRecordingError(`recording ${key} is empty (0 bytes)`);
  }
  if (head.size > deps.limits.maxRecordingBytes) {
    throw new RecordingTooLargeError(`recording ${key} is ${head.size} bytes; the limit is ${deps.limits.maxRecordingBytes} (AFTERCALL_MAX_RECORDING_BYTES)`);
  }
  const bytes = (await deps.blobs.getBytes(key, { start: 0, end: MEDIA_SNIFF_BYTES - 1 })) ?? new Uint8Array();
  const type = await detectRecordingType(bytes);
  if (type.mime === null) {
    throw new UnsupportedRecordingError(`recording ${key} is not an audio or video file (it looks like ${type.looksLike}); it may be corrupt`);
  }
  return { bytes: head.size, mime: type.mime };
}
