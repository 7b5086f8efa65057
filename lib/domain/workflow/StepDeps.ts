import type { BlobStore } from '../ports/BlobStore.js';
import type { Embedder } from '../ports/Embedder.js';
import type { Transcriber } from '../ports/Transcriber.js';
import type { Translator } from '../ports/Translator.js';
import type { Understander } from '../ports/Understander.js';
import type { VectorIndex } from '../ports/VectorIndex.js';

/** Everything the workflow's steps touch, as ports; chosen by configuration, never imported by steps. */
export interface StepDeps {
  blobs: BlobStore;
  /** Null when no speech-to-text provider is configured: only transcripts beside recordings are read. */
  transcriber: Transcriber | null;
  /** Null when no translation provider is configured: translation is recorded as skipped. */
  translator: Translator | null;
  understander: Understander;
  embedder: Embedder;
  vectorIndex: VectorIndex;
  clock: () => Date;
  limits: { maxRecordingBytes: number };
}
