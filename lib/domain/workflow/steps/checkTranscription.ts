import { z } from 'zod';
import { TranscriptionLostError } from '../../errors.js';
import { resultFiles, resultKey } from '../../meetings/resultKeys.js';
import { MeetingContextSchema, StepStatusSchema } from '../../meetings/schema.js';
import { TranscriptSchema } from '../../transcript/schema.js';
import { findJson } from '../../jsonBlobs.js';
import type { StepDeps } from '../StepDeps.js';
import { trackStep } from '../stepStatus.js';
import { pendingTranscriptionKey, PendingTranscriptionSchema, transcribeResultOf, type TranscribeResult } from './transcribe.js';

export const CheckTranscriptionInputSchema = z.object({
  meeting: MeetingContextSchema,
  /** How long the Transcribe task waited (its TimeoutSecondsPath). */
  waitSeconds: z.number().int().positive(),
});
export type CheckTranscriptionInput = z.infer<typeof CheckTranscriptionInputSchema>;

/**
 * The Transcribe task's wait ran out. Resubmitting would pay for the recording again and could
 * post two transcripts, so this looks instead: a transcript this run stored as the wait ended
 * lets the run go on; otherwise the run fails now, saying which request never answered, and the
 * pending record is removed so a callback arriving later completes nothing.
 */
export async function checkTranscription(deps: StepDeps, { meeting, waitSeconds }: CheckTranscriptionInput): Promise<TranscribeResult> {
  const status = await findJson(deps.blobs, resultKey(meeting.resultPrefix, resultFiles.stepStatus('transcribe')), StepStatusSchema);
  if (status?.runId === meeting.runId && status.state === 'succeeded') {
    const transcriptKey = resultKey(meeting.resultPrefix, resultFiles.transcriptJson);
    const transcript = await findJson(deps.blobs, transcriptKey, TranscriptSchema);
    if (transcript !== null) return transcribeResultOf(transcriptKey, transcript);
  }
  const pendingKey = pendingTranscriptionKey(meeting.resultPrefix);
  const pending = await findJson(deps.blobs, pendingKey, PendingTranscriptionSchema);
  const waiting = pending?.meeting.runId === meeting.runId ? pending : null;
  if (waiting !== null) await deps.blobs.delete([pendingKey]);
  const what =
    waiting === null
      ? `no transcript of ${meeting.recordingKey} within ${waitSeconds} s`
      : `${waiting.provider ?? `the ${waiting.transcriber} transcriber`} accepted ${meeting.recordingKey} (request ${waiting.requestId}) but posted no transcript within ${waitSeconds} s`;
  return trackStep(deps, meeting, 'transcribe', async () => {
    throw new TranscriptionLostError(`${what}; nothing was resubmitted (reprocess the meeting to try again)`);
  });
}
