import { InvalidWebhookError } from '../intake/errors.js';
import { findCatalogEntry } from '../meetings/catalogReads.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { TaskTokens } from '../ports/TaskTokens.js';
import { supportsCallback, type Transcriber } from '../ports/Transcriber.js';
import { redactPii } from '../transcript/redactPii.js';
import { findJson } from '../jsonBlobs.js';
import { trackStep } from '../workflow/stepStatus.js';
import { pendingTranscriptionKey, PendingTranscriptionSchema, storeTranscript, type PendingTranscription } from '../workflow/steps/transcribe.js';
import { checkCallbackUrl } from './callbackSignature.js';
import { NotFoundError } from '../errors.js';

export interface CallbackDeps {
  blobs: BlobStore;
  taskTokens: TaskTokens;
  clock: () => Date;
  transcriber: Transcriber | null;
  secondaryTranscriber: Transcriber | null;
  callbacks: { secret: string } | null;
}

export class StaleCallbackError extends NotFoundError {
  override readonly name = 'StaleCallbackError';
}

/**
 * A provider posted the transcript of a submitted recording: check the URL's signature, store
 * the transcript beside the recording and complete the waiting Transcribe task. A body that is
 * not a transcript fails the task (the workflow's Retry and Catch take it from there).
 */
export async function completeTranscriptionCallback(deps: CallbackDeps, query: Record<string, string>, body: unknown): Promise<{ meetingId: string }> {
  const params = checkCallbackUrl(deps.callbacks, query);
  const entry = await findCatalogEntry(deps.blobs, params.tenant, params.meeting);
  if (entry === null) throw new StaleCallbackError(`no meeting ${params.meeting}`);
  const pending = await findJson(deps.blobs, pendingTranscriptionKey(entry.resultPrefix), PendingTranscriptionSchema);
  if (pending === null || pending.meeting.runId !== params.run) throw new StaleCallbackError(`no transcription of run ${params.run} is waiting`);

  await finishPendingTranscription(deps, pending, body);
  return { meetingId: pending.meeting.meetingId };
}

/**
 * The provider's result for a waiting transcription, however it arrived (posted to the API, or
 * PUT into the bucket): store the canonical transcript beside the recording and complete the
 * Transcribe task. A body that is not a transcript fails the task (the workflow's Retry and
 * Catch take it from there) and is reported as an InvalidWebhookError.
 */
export async function finishPendingTranscription(deps: Omit<CallbackDeps, 'callbacks'>, pending: PendingTranscription, body: unknown): Promise<void> {
  const { meeting, taskToken } = pending;
  const transcriber = pending.transcriber === 'primary' ? deps.transcriber : deps.secondaryTranscriber;
  if (transcriber === null || !supportsCallback(transcriber)) throw new StaleCallbackError('the transcriber that was asked is no longer configured');
  try {
    const result = await trackStep(deps, meeting, 'transcribe', async () => {
      // The transcriber meters the audio minutes it was posted.
      const transcript = transcriber.transcriptFromCallback(body, { meetingId: meeting.meetingId, recordingKey: meeting.recordingKey });
      return storeTranscript(deps, meeting, redactPii(transcript, meeting.piiRedaction));
    });
    await deps.taskTokens.succeed(taskToken, result);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    await deps.taskTokens.fail(taskToken, { name: failure.name, message: failure.message });
    throw new InvalidWebhookError(`callback body is not a transcript: ${failure.message}`);
  }
  await deps.blobs.delete([pendingTranscriptionKey(meeting.resultPrefix)]);
}
