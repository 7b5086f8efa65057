import type { PiiKind } from '../meetings/schema.js';
import type { Transcript } from '../transcript/schema.js';

export interface TranscriptionRequest {
  meetingId: string;
  recordingKey: string;
  /** Personal data the provider should redact, when it can. */
  redact?: readonly PiiKind[];
}

/** Speech-to-text with diarisation over a recording in the blob store. */
export interface Transcriber {
  /** Names the provider and model, recorded in the manifest. */
  readonly name: string;
  transcribe(request: TranscriptionRequest): Promise<Transcript>;
}

/** A transcriber that can post its result to a URL later instead of answering the request. */
export interface CallbackTranscriber extends Transcriber {
  /** `PUT` sends the result to a presigned object-store URL; `POST` (the default) to an HTTP endpoint. */
  submitWithCallback(request: TranscriptionRequest & { callbackUrl: string; callbackMethod?: 'POST' | 'PUT' }): Promise<{ requestId: string }>;
  /** Maps what the provider posted to the callback URL; throws when it is not a transcript. */
  transcriptFromCallback(body: unknown, meta: { meetingId: string; recordingKey: string }): Transcript;
}

export const supportsCallback = (transcriber: Transcriber): transcriber is CallbackTranscriber =>
  'submitWithCallback' in transcriber && typeof (transcriber as CallbackTranscriber).submitWithCallback === 'function';
