import { z } from 'zod';
import { ManifestSchema } from '../../meetings/manifestSchema.js';
import { resultFiles, resultKey } from '../../meetings/resultKeys.js';
import { MeetingContextSchema, type MeetingStatus } from '../../meetings/schema.js';
import { listingOf, refreshListing } from '../../meetings/listingRow.js';
import { TranscriptSchema } from '../../transcript/schema.js';
import { findJsonIfValid } from '../../jsonBlobs.js';
import { writeMeetingStatus } from '../meetingStatus.js';
import { readStepStatuses } from '../stepStatus.js';
import type { StepDeps } from '../StepDeps.js';

export const RecordFailureInputSchema = z.object({
  meeting: MeetingContextSchema,
  /** What the state machine's Catch puts at ResultPath: the error name and its cause. */
  error: z.object({ Error: z.string(), Cause: z.string().optional() }),
});
export type RecordFailureInput = z.infer<typeof RecordFailureInputSchema>;

/** Marks the meeting failed beside the recording, naming the step and the reason. Leaves every result as it was. */
export async function recordFailure(deps: StepDeps, { meeting, error }: RecordFailureInput): Promise<MeetingStatus> {
  const status = await writeMeetingStatus(deps, meeting, 'failed', deps.clock().toISOString(), {
    step: await failedStep(deps, meeting),
    name: error.Error,
    message: causeMessage(error.Cause),
  });
  // A run that fails after its Publish wrote the manifest still lists as ready, as stateOf says;
  // a rerun that fails lists as failed, the earlier manifest and results still readable.
  const [manifest, transcript] = await Promise.all([
    findJsonIfValid(deps.blobs, resultKey(meeting.resultPrefix, resultFiles.manifest), ManifestSchema),
    findJsonIfValid(deps.blobs, resultKey(meeting.resultPrefix, resultFiles.transcriptJson), TranscriptSchema),
  ]);
  await refreshListing(deps.blobs, meeting, listingOf(status, manifest?.runId ?? null, transcript?.speakers ?? null));
  return status;
}

async function failedStep(deps: StepDeps, meeting: RecordFailureInput['meeting']): Promise<string | null> {
  for (const status of (await readStepStatuses(deps.blobs, meeting.resultPrefix)).values()) {
    if (status.state === 'failed' && status.runId === meeting.runId) return status.step;
  }
  return null;
}

/** Lambda puts a JSON error document in Cause; the local runner the bare message. Users get the message only. */
function causeMessage(cause: string | undefined): string {
  if (cause === undefined || cause.length === 0) return 'no details';
  try {
    const parsed = z.object({ errorMessage: z.string() }).safeParse(JSON.parse(cause));
    if (parsed.success) return parsed.data.errorMessage;
  } catch {
    // not JSON: the cause is the message itself
  }
  return cause;
}
