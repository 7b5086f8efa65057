import { z } from 'zod';
import { InvalidWebhookError } from '../intake/errors.js';
import { resultPrefixOfTranscriptionResult } from '../meetings/resultKeys.js';
import { findJson } from '../jsonBlobs.js';
import { pendingTranscriptionKey, PendingTranscriptionSchema } from '../workflow/steps/transcribe.js';
import { finishPendingTranscription, StaleCallbackError, type CallbackDeps } from './completeTranscriptionCallback.js';

// A transcription carries its request id in `metadata`; an error body Deepgram sends instead, at the top.
const RequestIdSchema = z.union([
  z.object({ metadata: z.object({ request_id: z.string() }) }).transform((body) => body.metadata.request_id),
  z.object({ request_id: z.string() }).transform((body) => body.request_id),
]);

/**
 * The provider PUT its result into the bucket through the presigned URL Transcribe gave it (the
 * URL is the authentication: only this deployment could sign it, for this one key). The result
 * completes the transcription waiting beside it only when it answers that request: a late
 * result of an earlier run, or an object nobody asked for, completes nothing. Either way the
 * raw result is removed once read: the canonical transcript is what stays.
 */
export async function completeTranscriptionResult(deps: Omit<CallbackDeps, 'callbacks'>, key: string): Promise<{ meetingId: string }> {
  const prefix = resultPrefixOfTranscriptionResult(key);
  if (prefix === null) throw new InvalidWebhookError(`${key} is not a transcription result key`);
  const pending = await findJson(deps.blobs, pendingTranscriptionKey(prefix), PendingTranscriptionSchema);
  if (pending === null) throw new StaleCallbackError(`no transcription is waiting for ${key}`);
  const text = await deps.blobs.getText(key);
  if (text === null) throw new StaleCallbackError(`${key} is gone (already completed)`);

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const requestId = RequestIdSchema.safeParse(body);
  if (!requestId.success || requestId.data !== pending.requestId) {
    const found = requestId.success ? `request ${requestId.data}` : 'no request id';
    throw new StaleCallbackError(`${key} holds ${found}, not the waiting request ${pending.requestId}: nothing completed`);
  }
  await finishPendingTranscription(deps, pending, body);
  await deps.blobs.delete([key]);
  return { meetingId: pending.meeting.meetingId };
}
