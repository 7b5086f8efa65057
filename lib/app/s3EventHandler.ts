import { transcriptionResultKeysFromS3Notification } from '../domain/intake/s3Notification.js';
import { startFromS3Notification } from '../domain/intake/startFromS3Notification.js';
import type { StartedMeeting, StartMeetingDeps } from '../domain/intake/startMeeting.js';
import { InvalidWebhookError } from '../domain/intake/errors.js';
import { StaleCallbackError, type CallbackDeps } from '../domain/transcriptionCallback/completeTranscriptionCallback.js';
import { completeTranscriptionResult } from '../domain/transcriptionCallback/completeTranscriptionResult.js';

export interface S3EventOutcome {
  started: StartedMeeting[];
  /** Meetings whose transcription a provider's result (PUT beside the recording) completed. */
  completed: string[];
}

/**
 * A recording (or a transcript beside one) lands in the bucket → one post-call run. The run's
 * name is the meeting id with the version of its files, so S3's at-least-once delivery (or a
 * LiveKit webhook for the same file) starts nothing twice, and a replaced file starts a new run.
 * A provider's result PUT beside a recording (its presigned URL) completes the waiting
 * transcription instead; it never starts a run. Other results are filtered out by the domain.
 */
export function createS3EventHandler(
  deps: Omit<StartMeetingDeps, 'defaultTenant'>,
  options: { bucket: string; defaultTenant: string; completion: () => Promise<Omit<CallbackDeps, 'callbacks'>>; log?: (message: string, error: unknown) => void },
) {
  const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
  return async (event: unknown): Promise<S3EventOutcome> => {
    const completed: string[] = [];
    for (const key of transcriptionResultKeysFromS3Notification(event, options)) {
      // A result nobody waits for (a late one, an earlier run's), or one that failed its task, is
      // logged, not retried; anything else (the store unavailable) throws, so Lambda retries the event.
      try {
        completed.push((await completeTranscriptionResult(await options.completion(), key)).meetingId);
      } catch (error) {
        if (!(error instanceof StaleCallbackError || error instanceof InvalidWebhookError)) throw error;
        log(`did not complete a transcription from ${key}`, error);
      }
    }
    const started = await startFromS3Notification({ ...deps, defaultTenant: options.defaultTenant }, event, options);
    return { started, completed };
  };
}
