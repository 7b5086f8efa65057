import type { DeepgramClient } from '@deepgram/sdk';
import { z } from 'zod';
import type { DeepgramRedaction } from '../../config/deepgramRedactions.js';
import { InvalidTranscriptError, RecordingNotFoundError, UnsupportedRecordingError } from '../../domain/errors.js';
import type { PiiKind } from '../../domain/meetings/schema.js';
import type { CallbackTranscriber, TranscriptionRequest } from '../../domain/ports/Transcriber.js';
import { parseDeepgramListenResponse, transcriptFromDeepgramResponse } from '../../domain/transcript/importDeepgramJson.js';
import type { Transcript } from '../../domain/transcript/schema.js';
import { meterUsage } from '../../domain/usage/usageMeter.js';
import { DeepgramErrorBodySchema, describeDeepgramErrorBody, isAboutTheAudio, providerErrorFrom } from './deepgramErrors.js';


/** A tenant's PII kinds in Deepgram's redaction vocabulary. */
const DEEPGRAM_REDACTION_FOR: Record<PiiKind, readonly DeepgramRedaction[]> = {
  card_numbers: ['pci'],
  account_numbers: ['account_number'],
  ssn: ['ssn'],
};

/** Where the recording comes from. Deepgram fetches a URL itself; without one the bytes are uploaded. */
export interface RecordingSource {
  /** A URL Deepgram can reach; a loopback S3 is not one, so locally this is left out. */
  presignedUrl?(key: string): Promise<string>;
  getBytes(key: string): Promise<Uint8Array | null>;
}

export interface DeepgramTranscriberOptions {
  model?: string;
  /** Applied to every request: redacted text is all Deepgram returns, so it never reaches the index or a language model. */
  redact?: readonly DeepgramRedaction[];
  recording: RecordingSource;
  /** A BCP-47 tag; unset means Deepgram detects the language. */
  language?: string;
  /** How long a synchronous transcription may take before it counts as a transient failure. */
  timeoutMs?: number;
  /** How long handing a recording over for a callback may take: Deepgram answers once it has the audio. */
  submitTimeoutMs?: number;
}

export const DEFAULT_DEEPGRAM_MODEL = 'nova-3';

/**
 * What every request asks for: diarised, punctuated words and nothing else. `utterances` and
 * `paragraphs` would repeat every word (or sentence) of the transcript a second and third time
 * — about 2.5 MB per audio hour instead of 1.2 — and the lines are derived from the words'
 * speakers and pauses as Deepgram derives its utterances (importDeepgramJson.ts).
 */
export const DEEPGRAM_FEATURES = { diarize: true, smart_format: true, punctuate: true } as const;
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const DEFAULT_SUBMIT_TIMEOUT_MS = 2 * 60 * 1000;

const AcceptedSchema = z.object({ request_id: z.string().min(1) });

/** Deepgram pre-recorded speech-to-text: diarised, punctuated, optionally redacted, answered now or posted to a callback. */
export class DeepgramTranscriber implements CallbackTranscriber {
  readonly name: string;
  private readonly model: string;
  private readonly redact: readonly DeepgramRedaction[];
  private readonly recording: RecordingSource;
  private readonly language: string | undefined;
  private readonly timeoutMs: number;
  private readonly submitTimeoutMs: number;

  constructor(
    private readonly client: DeepgramClient,
    options: DeepgramTranscriberOptions,
  ) {
    this.model = options.model ?? DEFAULT_DEEPGRAM_MODEL;
    this.redact = options.redact ?? [];
    this.recording = options.recording;
    this.language = options.language;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.submitTimeoutMs = options.submitTimeoutMs ?? DEFAULT_SUBMIT_TIMEOUT_MS;
    this.name = `deepgram:${this.model}`;
  }

  async transcribe({ meetingId, recordingKey, redact }: TranscriptionRequest): Promise<Transcript> {
    const answer = await this.send(recordingKey, {}, this.timeoutMs, `transcribing ${recordingKey}`, redact);
    const response = parseDeepgramListenResponse(answer);
    const transcript = transcriptFromDeepgramResponse(response, {
      meetingId,
      language: this.language ?? null,
      source: { kind: 'deepgram', detail: this.model, key: recordingKey },
    });
    meterDeepgramAudio(this.model, response.metadata.duration);
    return transcript;
  }

  /** Hands the recording over; Deepgram answers with a request id now and posts the result to `callbackUrl` later. */
  async submitWithCallback({
    meetingId,
    recordingKey,
    callbackUrl,
    callbackMethod = 'POST',
    redact,
  }: TranscriptionRequest & { callbackUrl: string; callbackMethod?: 'POST' | 'PUT' }): Promise<{ requestId: string }> {
    // Deepgram echoes `extra` in the posted metadata, so the callback can be checked against the meeting.
    // `callback_method=PUT` (https://developers.deepgram.com/docs/callback) lets the callback be a presigned S3 URL.
    const callback = { callback: callbackUrl, ...(callbackMethod === 'PUT' ? { callback_method: 'PUT' as const } : {}), extra: `meeting_id:${meetingId}` };
    const answer = await this.send(recordingKey, callback, this.submitTimeoutMs, `submitting ${recordingKey}`, redact);
    const accepted = AcceptedSchema.safeParse(answer);
    if (!accepted.success) {
      throw new InvalidTranscriptError(`Deepgram did not accept ${recordingKey} for a callback: its answer has no request_id`);
    }
    return { requestId: accepted.data.request_id };
  }

  /** The callback's body as a transcript; meters the audio, as the synchronous path does. */
  transcriptFromCallback(body: unknown, meta: { meetingId: string; recordingKey: string }): Transcript {
    const transcript = transcriptFromDeepgramCallback(body, { ...meta, model: this.model, ...(this.language === undefined ? {} : { language: this.language }) });
    meterDeepgramAudio(this.model, transcript.durationMs / 1000);
    return transcript;
  }

  private async send(
    recordingKey: string,
    extra: { callback?: string; callback_method?: 'PUT'; extra?: string },
    timeoutMs: number,
    action: string,
    tenantRedaction: readonly PiiKind[] = [],
  ): Promise<unknown> {
    const redact = [...new Set([...this.redact, ...tenantRedaction.flatMap((kind) => DEEPGRAM_REDACTION_FOR[kind])])];
    const query = {
      model: this.model,
      ...DEEPGRAM_FEATURES,
      ...(this.language === undefined ? { detect_language: true } : { language: this.language }),
      ...extra,
    };
    const requestOptions = {
      // Per request as well as on the client: the workflow's Retry is the only retry (see createDeepgramClient).
      maxRetries: 0,
      timeoutInSeconds: timeoutMs / 1000,
      // The SDK types `redact` as one string; Deepgram takes it repeated (redact=pci&redact=ssn), as queryParams sends arrays.
      ...(redact.length === 0 ? {} : { queryParams: { redact } }),
    };
    const media = this.client.listen.v1.media;

    if (this.recording.presignedUrl !== undefined) {
      const url = await this.recording.presignedUrl(recordingKey);
      try {
        return await media.transcribeUrl({ url, ...query }, requestOptions);
      } catch (error) {
        throw providerErrorFrom(error, action);
      }
    }
    const bytes = await this.recording.getBytes(recordingKey);
    if (bytes === null) throw new RecordingNotFoundError(`recording ${recordingKey} does not exist`);
    try {
      return await media.transcribeFile(bytes, query, requestOptions);
    } catch (error) {
      throw providerErrorFrom(error, action);
    }
  }
}

/** Deepgram bills pre-recorded audio by its duration. */
export function meterDeepgramAudio(model: string, durationSeconds: number): void {
  meterUsage({ provider: 'deepgram', model, unit: 'audio_minutes', quantity: durationSeconds / 60 });
}

/**
 * Maps what Deepgram posted to a callback URL (the full `/v1/listen` response) to the canonical
 * transcript, exactly as the synchronous path does. Pure: the caller meters and stores it.
 */
export function transcriptFromDeepgramCallback(
  body: unknown,
  meta: { meetingId: string; recordingKey: string; model: string; language?: string },
): Transcript {
  const failure = DeepgramErrorBodySchema.safeParse(body);
  if (failure.success) {
    const detail = describeDeepgramErrorBody(body);
    if (isAboutTheAudio(detail)) throw new UnsupportedRecordingError(`Deepgram could not transcribe ${meta.recordingKey}: ${detail}`);
    throw new InvalidTranscriptError(`Deepgram posted a failure instead of a transcript for ${meta.recordingKey}: ${detail}`);
  }
  const response = parseDeepgramListenResponse(body);
  const echoedMeeting = response.metadata.extra?.['meeting_id'];
  if (echoedMeeting !== undefined && echoedMeeting !== meta.meetingId) {
    throw new InvalidTranscriptError(`Deepgram's callback is for meeting ${echoedMeeting}, not ${meta.meetingId}`);
  }
  return transcriptFromDeepgramResponse(response, {
    meetingId: meta.meetingId,
    language: meta.language ?? null,
    source: { kind: 'deepgram', detail: meta.model, key: meta.recordingKey },
  });
}
