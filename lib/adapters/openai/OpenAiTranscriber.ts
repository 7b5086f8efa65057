import { toFile } from 'openai';
import type OpenAI from 'openai';
import { z } from 'zod';
import { ProviderUnavailableError, RecordingNotFoundError, RecordingTooLargeError } from '../../domain/errors.js';
import type { Transcriber } from '../../domain/ports/Transcriber.js';
import { transcriptFromCueLines } from '../../domain/transcript/cueLines.js';
import type { Transcript } from '../../domain/transcript/schema.js';
import { meterUsage } from '../../domain/usage/usageMeter.js';
import { toDomainError } from './errors.js';
import { DiarizedResponseSchema, linesFromDiarized, linesFromVerbose, VerboseResponseSchema, type TranscriptionLines } from './transcriptionResponse.js';

// The API takes files up to 25 MB.
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export interface OpenAiTranscriberOptions {
  client: OpenAI;
  /** Reads the recording; null when it does not exist (the blob store's getBytes). */
  getBytes: (key: string) => Promise<Uint8Array | null>;
  /**
   * Default `gpt-4o-transcribe-diarize`: its `diarized_json` answer labels speakers. Any other
   * model is asked for `verbose_json` (whisper-1, OpenAI-compatible Whisper servers): timed
   * segments, one speaker. gpt-4o-transcribe and -mini answer plain text without times, which a
   * transcript cannot be built from.
   */
  model?: string;
  /** ISO-639-1 hint; improves accuracy and latency. */
  language?: string;
  /** SDK retries per call. Default 0: the workflow retries the Transcribe step. */
  maxRetries?: number;
  /** Per attempt. Default 10 minutes: an hour of audio takes minutes to transcribe. */
  timeoutMs?: number;
}

/** Speech-to-text with OpenAI's audio API, mapped to the canonical transcript (source kind `openai`). */
export class OpenAiTranscriber implements Transcriber {
  readonly name: string;
  readonly #client: OpenAI;
  readonly #getBytes: (key: string) => Promise<Uint8Array | null>;
  readonly #model: string;
  readonly #diarize: boolean;
  readonly #language: string | undefined;
  readonly #requestOptions: { maxRetries: number; timeout: number };

  constructor(options: OpenAiTranscriberOptions) {
    this.#client = options.client;
    this.#getBytes = options.getBytes;
    this.#model = options.model ?? 'gpt-4o-transcribe-diarize';
    if (/^gpt-4o(-mini)?-transcribe(-\d|$)/.test(this.#model)) {
      throw new RangeError(`${this.#model} answers text without timestamps: use gpt-4o-transcribe-diarize or whisper-1`);
    }
    this.#diarize = this.#model.includes('diarize');
    this.#language = options.language;
    this.name = `openai:${this.#model}`;
    this.#requestOptions = { maxRetries: options.maxRetries ?? 0, timeout: options.timeoutMs ?? 600_000 };
  }

  async transcribe(request: { meetingId: string; recordingKey: string }): Promise<Transcript> {
    const { recordingKey } = request;
    const bytes = await this.#getBytes(recordingKey);
    if (bytes === null) throw new RecordingNotFoundError(`recording ${recordingKey} does not exist`);
    if (bytes.byteLength > MAX_UPLOAD_BYTES) {
      throw new RecordingTooLargeError(`recording ${recordingKey} is ${bytes.byteLength} bytes; OpenAI transcribes files up to ${MAX_UPLOAD_BYTES} bytes`);
    }
    const lines = await this.#transcribeBytes(bytes, recordingKey);
    meterUsage({ provider: 'openai', model: this.#model, unit: 'audio_minutes', quantity: lines.audioSeconds / 60 });
    return transcriptFromCueLines(lines.lines, {
      meetingId: request.meetingId,
      language: lines.language,
      durationMs: lines.durationMs,
      source: { kind: 'openai', detail: this.#model, key: recordingKey },
    });
  }

  async #transcribeBytes(bytes: Uint8Array, recordingKey: string): Promise<TranscriptionLines> {
    const what = `transcribing ${recordingKey} with ${this.#model}`;
    // The API tells the audio format by the file name's extension.
    const file = await toFile(bytes, recordingKey.slice(recordingKey.lastIndexOf('/') + 1));
    const language = this.#language ?? null;
    let answer: unknown;
    try {
      answer = this.#diarize
        ? await this.#client.audio.transcriptions.create(
            {
              file,
              model: this.#model,
              response_format: 'diarized_json',
              // Required by the diarizing model for audio over 30 s.
              chunking_strategy: 'auto',
              ...(this.#language === undefined ? {} : { language: this.#language }),
            },
            this.#requestOptions,
          )
        : await this.#client.audio.transcriptions.create(
            {
              file,
              model: this.#model,
              response_format: 'verbose_json',
              timestamp_granularities: ['segment'],
              ...(this.#language === undefined ? {} : { language: this.#language }),
            },
            this.#requestOptions,
          );
    } catch (error) {
      throw toDomainError(error, { what, apiKey: this.#client.apiKey });
    }
    if (this.#diarize) return linesFromDiarized(parse(DiarizedResponseSchema, answer, what), language);
    return linesFromVerbose(parse(VerboseResponseSchema, answer, what), language);
  }
}

function parse<T>(schema: z.ZodType<T>, answer: unknown, what: string): T {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new ProviderUnavailableError(`${what}: unexpected answer: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
