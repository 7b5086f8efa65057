import type { DeliveryQueue } from '../crm/ports.js';
import type { MeetingLinks } from '../meetings/links.js';
import type { BlobStore } from '../ports/BlobStore.js';
import type { Embedder } from '../ports/Embedder.js';
import type { TaskTokens } from '../ports/TaskTokens.js';
import type { Transcriber } from '../ports/Transcriber.js';
import type { Translator } from '../ports/Translator.js';
import type { Understander } from '../ports/Understander.js';
import type { VectorIndex } from '../ports/VectorIndex.js';
import type { PriceTable } from '../usage/priceTable.js';

/** Everything the workflow's steps touch, as ports; chosen by configuration, never imported by steps. */
export interface StepDeps {
  blobs: BlobStore;
  /** Null when no speech-to-text provider is configured: only transcripts beside recordings are read. */
  transcriber: Transcriber | null;
  /** Takes over when the first transcriber fails persistently (the workflow's Catch routes to it). */
  secondaryTranscriber: Transcriber | null;
  /** Completes the Transcribe task, which waits for a token so no function waits on a long transcription. */
  taskTokens: TaskTokens;
  /**
   * Where providers send results; null means transcribe synchronously. With `resultUploadUrl`
   * the provider PUTs its result into the bucket beside the recording (no size limit); without
   * it, it posts to `<baseUrl>/callbacks/deepgram`.
   */
  callbacks: { baseUrl: string; secret: string; resultUploadUrl?: (key: string) => Promise<string> } | null;
  /** Null when no translation provider is configured: translation is recorded as skipped. */
  translator: Translator | null;
  understander: Understander;
  embedder: Embedder;
  vectorIndex: VectorIndex;
  clock: () => Date;
  /** Prices for the manifest's cost estimate. */
  prices: PriceTable;
  limits: { maxRecordingBytes: number; transcriptionWaitFloorSeconds: number };
  /** Absolute links to meeting pages for CRM events (AFTERCALL_WEB_URL); unset, links are app-relative. */
  links?: MeetingLinks;
  /** Outbox of CRM webhooks, filled by Publish after the manifest; null sends none. */
  deliveries: DeliveryQueue | null;
}
