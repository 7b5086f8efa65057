import type { Transcript } from '../transcript/schema.js';

/** Speech-to-text with diarisation over a recording in the blob store. */
export interface Transcriber {
  /** Names the provider and model, recorded in the manifest. */
  readonly name: string;
  transcribe(request: { meetingId: string; recordingKey: string }): Promise<Transcript>;
}
