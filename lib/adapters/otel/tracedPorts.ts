import type { BlobStore } from '../../domain/ports/BlobStore.js';
import type { Embedder } from '../../domain/ports/Embedder.js';
import { supportsCallback, type CallbackTranscriber, type Transcriber } from '../../domain/ports/Transcriber.js';
import type { Translator } from '../../domain/ports/Translator.js';
import type { Understander } from '../../domain/ports/Understander.js';
import type { VectorIndex } from '../../domain/ports/VectorIndex.js';
import { inProviderSpan } from './providerSpan.js';
import type { Telemetry } from './Telemetry.js';

/** "deepgram:nova-3" → "deepgram"; an engine without a provider prefix is named as it is. */
export const providerOf = (engineName: string): string => engineName.split(':')[0] ?? engineName;

// Decorators around the ports, so that no adapter knows about tracing: each call becomes a
// provider span (see providerSpan.ts); everything else passes through unchanged.

export function tracedBlobStore(inner: BlobStore, telemetry: Telemetry): BlobStore {
  const call = <T>(operation: string, work: () => Promise<T>) => inProviderSpan(telemetry, { provider: 's3', operation }, work);
  return {
    getText: (key) => call('getText', () => inner.getText(key)),
    getBytes: (key, range) => call('getBytes', () => inner.getBytes(key, range)),
    put: (key, body, contentType) => call('put', () => inner.put(key, body, contentType)),
    head: (key) => call('head', () => inner.head(key)),
    list: (prefix) => call('list', () => inner.list(prefix)),
    listVersions: (prefix) => call('listVersions', () => inner.listVersions(prefix)),
    delete: (keys) => call('delete', () => inner.delete(keys)),
  };
}

export function tracedTranscriber(inner: Transcriber, telemetry: Telemetry): Transcriber {
  const provider = providerOf(inner.name);
  const traced: Transcriber = { name: inner.name, transcribe: (request) => inProviderSpan(telemetry, { provider, operation: 'transcribe' }, () => inner.transcribe(request)) };
  if (!supportsCallback(inner)) return traced;
  const withCallback: CallbackTranscriber = {
    ...traced,
    submitWithCallback: (request) => inProviderSpan(telemetry, { provider, operation: 'submit' }, () => inner.submitWithCallback(request)),
    transcriptFromCallback: (body, meta) => inner.transcriptFromCallback(body, meta),
  };
  return withCallback;
}

export function tracedTranslator(inner: Translator, telemetry: Telemetry): Translator {
  const provider = providerOf(inner.name);
  return { name: inner.name, translate: (request) => inProviderSpan(telemetry, { provider, operation: 'translate' }, () => inner.translate(request)) };
}

export function tracedUnderstander(inner: Understander, telemetry: Telemetry): Understander {
  const provider = providerOf(inner.name);
  return { name: inner.name, understand: (transcript, options) => inProviderSpan(telemetry, { provider, operation: 'understand' }, () => inner.understand(transcript, options)) };
}

export function tracedEmbedder(inner: Embedder, telemetry: Telemetry, provider: string): Embedder {
  return { model: inner.model, dimensions: inner.dimensions, similarityFloor: inner.similarityFloor, embed: (texts) => inProviderSpan(telemetry, { provider, operation: 'embed' }, () => inner.embed(texts)) };
}

export function tracedVectorIndex<V extends VectorIndex & { close?(): Promise<void> }>(inner: V, telemetry: Telemetry, provider: string): VectorIndex & { close?(): Promise<void> } {
  const call = <T>(operation: string, work: () => Promise<T>) => inProviderSpan(telemetry, { provider, operation }, work);
  const keywordQuery = inner.keywordQuery?.bind(inner);
  const replaceMeetings = inner.replaceMeetings?.bind(inner);
  const close = inner.close?.bind(inner);
  return {
    replaceMeeting: (tenantId, meetingId, documents) => call('replaceMeeting', () => inner.replaceMeeting(tenantId, meetingId, documents)),
    ...(replaceMeetings === undefined ? {} : { replaceMeetings: (tenantId: string, meetings: Parameters<typeof replaceMeetings>[1]) => call('replaceMeetings', () => replaceMeetings(tenantId, meetings)) }),
    deleteMeeting: (tenantId, meetingId) => call('deleteMeeting', () => inner.deleteMeeting(tenantId, meetingId)),
    query: (query) => call('query', () => inner.query(query)),
    // Optional in the port: an index without keyword search must still look like one.
    ...(keywordQuery === undefined ? {} : { keywordQuery: (query: Parameters<typeof keywordQuery>[0]) => call('keywordQuery', () => keywordQuery(query)) }),
    ...(close === undefined ? {} : { close }),
  };
}
