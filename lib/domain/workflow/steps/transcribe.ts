import { z } from 'zod';
import { NoTranscriberError } from '../../errors.js';
import { resultFiles, resultKey, siblingTranscriptKeys } from '../../meetings/resultKeys.js';
import { MeetingContextSchema, type MeetingContext } from '../../meetings/schema.js';
import { supportsCallback, type Transcriber } from '../../ports/Transcriber.js';
import { formatOfKey, importTranscript } from '../../transcript/importTranscript.js';
import { renderSrt, renderVtt } from '../../transcript/renderSubtitles.js';
import { isMediaKey, isTrackKey, isTracksFolder, participantOfTrack } from '../../intake/recordingEvent.js';
import { mergeTrackTranscripts } from '../../transcript/mergeTracks.js';
import { redactPii } from '../../transcript/redactPii.js';
import type { Transcript } from '../../transcript/schema.js';
import { callbackUrl } from '../../transcriptionCallback/callbackSignature.js';
import { putJson } from '../../jsonBlobs.js';
import type { StepDeps } from '../StepDeps.js';
import { Pending, trackStep } from '../stepStatus.js';

export const TranscribeInputSchema = z.object({
  meeting: MeetingContextSchema,
  /** The Transcribe task waits for this token: the step completes it, now or when the provider calls back. */
  taskToken: z.string().min(1),
  transcriber: z.enum(['primary', 'secondary']).default('primary'),
  /** On the secondary path: why the primary transcriber gave up. */
  primaryError: z.object({ Error: z.string(), Cause: z.string().optional() }).optional(),
});
export type TranscribeInput = z.infer<typeof TranscribeInputSchema>;

export interface TranscribeResult {
  transcriptKey: string;
  source: string;
  utterances: number;
  speakers: number;
  durationMs: number;
}

export interface SubmittedTranscription {
  submitted: { requestId: string; provider: string };
}

/** Where a submitted transcription is remembered until its callback arrives. */
export const pendingTranscriptionKey = (resultPrefix: string): string => resultKey(resultPrefix, 'steps/transcribe.pending.json');

export const PendingTranscriptionSchema = z.object({
  meeting: MeetingContextSchema,
  taskToken: z.string(),
  requestId: z.string(),
  transcriber: z.enum(['primary', 'secondary']),
  /** The transcriber's name (e.g. "deepgram:nova-3"), for the reason a lost result gives. */
  provider: z.string().optional(),
});
export type PendingTranscription = z.infer<typeof PendingTranscriptionSchema>;

/**
 * Produces the canonical transcript: a transcript already beside the recording wins (it is
 * what the user gave us), else the configured speech-to-text provider — synchronously, or,
 * when callbacks are configured and the provider supports them, by handing the recording over
 * and letting the callback complete the task.
 */
export async function transcribe(deps: StepDeps, input: TranscribeInput): Promise<TranscribeResult | SubmittedTranscription> {
  const { meeting, taskToken } = input;
  const outcome = await trackStep(deps, meeting, 'transcribe', async () => {
    if (isTracksFolder(meeting.recordingKey)) return storeTranscript(deps, meeting, redactPii(await transcribeTracks(deps, input), meeting.piiRedaction));
    const imported = await importSibling(deps, meeting.meetingId, meeting.recordingKey);
    if (imported !== null) return storeTranscript(deps, meeting, redactPii(imported, meeting.piiRedaction));
    const transcriber = chooseTranscriber(deps, input);
    if (deps.callbacks !== null && supportsCallback(transcriber)) {
      const { requestId } = await transcriber.submitWithCallback({
        meetingId: meeting.meetingId,
        recordingKey: meeting.recordingKey,
        ...(await resultDestination(deps.callbacks, meeting)),
        redact: meeting.piiRedaction,
      });
      await putJson(deps.blobs, pendingTranscriptionKey(meeting.resultPrefix), { meeting, taskToken, requestId, transcriber: input.transcriber, provider: transcriber.name });
      return new Pending<TranscribeResult | SubmittedTranscription>(`waiting for ${transcriber.name} to post the transcript (request ${requestId})`, {
        submitted: { requestId, provider: transcriber.name },
      });
    }
    const transcript = await transcriber.transcribe({ meetingId: meeting.meetingId, recordingKey: meeting.recordingKey, redact: meeting.piiRedaction });
    return storeTranscript(deps, meeting, redactPii(transcript, meeting.piiRedaction));
  });
  if (!('submitted' in outcome)) await deps.taskTokens.succeed(taskToken, outcome);
  return outcome;
}

/**
 * Where the provider sends its result: a presigned PUT into the bucket beside the recording when
 * the deployment can sign one (the body lands in S3 whatever its size, and the object-created
 * event completes the task), else a signed URL on the HTTP API (bounded by its body limit).
 */
async function resultDestination(
  callbacks: NonNullable<StepDeps['callbacks']>,
  meeting: MeetingContext,
): Promise<{ callbackUrl: string; callbackMethod: 'POST' | 'PUT' }> {
  if (callbacks.resultUploadUrl !== undefined) {
    return { callbackUrl: await callbacks.resultUploadUrl(resultKey(meeting.resultPrefix, resultFiles.transcriptionResult)), callbackMethod: 'PUT' };
  }
  return { callbackUrl: callbackUrl(callbacks.baseUrl, callbacks.secret, { tenant: meeting.tenantId, meeting: meeting.meetingId, run: meeting.runId }), callbackMethod: 'POST' };
}

/** Writes the transcript in its three forms; shared by the synchronous path and the provider's callback. */
export async function storeTranscript(deps: Pick<StepDeps, 'blobs'>, meeting: Pick<MeetingContext, 'resultPrefix'>, transcript: Transcript): Promise<TranscribeResult> {
  const transcriptKey = resultKey(meeting.resultPrefix, resultFiles.transcriptJson);
  await putJson(deps.blobs, transcriptKey, transcript);
  await deps.blobs.put(resultKey(meeting.resultPrefix, resultFiles.transcriptVtt), renderVtt(transcript), 'text/vtt; charset=utf-8');
  await deps.blobs.put(resultKey(meeting.resultPrefix, resultFiles.transcriptSrt), renderSrt(transcript), 'application/x-subrip; charset=utf-8');
  return transcribeResultOf(transcriptKey, transcript);
}

/** What the Transcribe task outputs for a stored transcript. */
export const transcribeResultOf = (transcriptKey: string, transcript: Transcript): TranscribeResult => ({
  transcriptKey,
  source: `${transcript.source.kind}:${transcript.source.detail}`,
  utterances: transcript.utterances.length,
  speakers: transcript.speakers.length,
  durationMs: transcript.durationMs,
});

async function importSibling(deps: StepDeps, meetingId: string, recordingKey: string): Promise<Transcript | null> {
  for (const key of siblingTranscriptKeys(recordingKey)) {
    const format = formatOfKey(key);
    if (format === null || key === recordingKey) continue;
    const text = await deps.blobs.getText(key);
    if (text !== null) return importTranscript(text, format, { meetingId, key });
  }
  return null;
}

/**
 * Each participant's track on its own (a transcript beside a track is imported, as for a
 * recording), labelled with the participant, merged by time. Tracks are transcribed
 * synchronously: each is one voice, shorter than the meeting.
 */
async function transcribeTracks(deps: StepDeps, input: TranscribeInput): Promise<Transcript> {
  const { meeting } = input;
  const keys = (await deps.blobs.list(meeting.recordingKey)).filter((key) => isTrackKey(key) && isMediaKey(key));
  const tracks = await Promise.all(
    keys.map(async (key) => ({
      participant: participantOfTrack(key),
      transcript:
        (await importSibling(deps, meeting.meetingId, key)) ??
        (await chooseTranscriber(deps, input).transcribe({ meetingId: meeting.meetingId, recordingKey: key, redact: meeting.piiRedaction })),
    })),
  );
  return mergeTrackTranscripts(meeting.meetingId, meeting.recordingKey, tracks);
}

function chooseTranscriber(deps: StepDeps, input: TranscribeInput): Transcriber {
  if (input.transcriber === 'secondary') {
    if (deps.secondaryTranscriber !== null) return deps.secondaryTranscriber;
    const why = input.primaryError === undefined ? 'the first transcriber failed' : `${input.primaryError.Error}: ${input.primaryError.Cause ?? ''}`;
    throw new NoTranscriberError(`speech-to-text failed after retries (${why}) and no second transcriber is configured (set OPENAI_API_KEY)`);
  }
  if (deps.transcriber !== null) return deps.transcriber;
  const looked = siblingTranscriptKeys(input.meeting.recordingKey).join(', ');
  throw new NoTranscriberError(
    `no transcript beside the recording (looked for ${looked}) and no speech-to-text provider is configured: put a transcript beside the recording or set DEEPGRAM_API_KEY`,
  );
}
