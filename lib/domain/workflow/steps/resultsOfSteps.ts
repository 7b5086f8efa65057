import { findJsonIfValid } from '../../jsonBlobs.js';
import { resultFiles, resultKey } from '../../meetings/resultKeys.js';
import { StepStatusSchema, type MeetingContext, type ResumeFrom } from '../../meetings/schema.js';
import type { BlobStore } from '../../ports/BlobStore.js';

const ORDER: readonly ResumeFrom[] = ['transcribe', 'translate', 'understand', 'index', 'publish'];

/** The steps a run performs: from resumeFrom on, except that understanding again keeps the translations. */
export function stepsRun(resumeFrom: ResumeFrom): ResumeFrom[] {
  return ORDER.slice(ORDER.indexOf(resumeFrom)).filter((step) => !(resumeFrom === 'understand' && step === 'translate'));
}

/**
 * What a run must remove before it starts: the statuses of every step it will redo, so the
 * meeting's progress is this run's. The results themselves and the manifest stay readable
 * until this run's steps overwrite them (Publish drops what no step of it wrote again).
 * Intake's own status of this run stays: it is the state machine retrying Intake, and that
 * status is how the retry counts its attempt (as every step's retry does) for the manifest.
 */
export async function keysToClearBeforeRun(blobs: BlobStore, meeting: MeetingContext): Promise<string[]> {
  const folder = resultKey(meeting.resultPrefix, 'steps/');
  const prefixes = ['intake', ...stepsRun(meeting.resumeFrom)].map((step) => `${folder}${step}`);
  const intakeStatus = resultKey(meeting.resultPrefix, resultFiles.stepStatus('intake'));
  const keys = (await blobs.list(folder)).filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
  if (!keys.includes(intakeStatus) || (await findJsonIfValid(blobs, intakeStatus, StepStatusSchema))?.runId !== meeting.runId) return keys;
  return keys.filter((key) => key !== intakeStatus);
}
