import { tracedBlobStore, tracedEmbedder, tracedTranscriber, tracedTranslator, tracedUnderstander, tracedVectorIndex } from '../adapters/otel/tracedPorts.js';
import type { Telemetry } from '../adapters/otel/Telemetry.js';
import type { Config } from '../config/config.js';
import type { BlobStore } from '../domain/ports/BlobStore.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import type { Providers } from './providers.js';

/** Every port the steps call, each call a span under its step with its latency, tokens and cost. */
export function tracedProviders(ports: Providers & { blobs: BlobStore }, telemetry: Telemetry, config: Config): Providers & { blobs: BlobStore } {
  return {
    blobs: tracedBlobStore(ports.blobs, telemetry),
    transcriber: ports.transcriber === null ? null : tracedTranscriber(ports.transcriber, telemetry),
    secondaryTranscriber: ports.secondaryTranscriber === null ? null : tracedTranscriber(ports.secondaryTranscriber, telemetry),
    translator: ports.translator === null ? null : tracedTranslator(ports.translator, telemetry),
    understander: tracedUnderstander(ports.understander, telemetry),
    // Not a step's port: an ask is a request of its own, outside any run's trace.
    answerer: ports.answerer,
    embedder: tracedEmbedder(ports.embedder, telemetry, ports.embedder instanceof HashedTermEmbedder ? 'aftercall-lexical' : 'openai'),
    vectorIndex: tracedVectorIndex(ports.vectorIndex, telemetry, config.PINECONE_API_KEY === undefined ? 'lancedb' : 'pinecone'),
  };
}
