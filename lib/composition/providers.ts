import type OpenAI from 'openai';
import { createDeepgramClient } from '../adapters/deepgram/createDeepgramClient.js';
import { DeepgramLiveTranscriber } from '../adapters/deepgram/DeepgramLiveTranscriber.js';
import { SpeechActivityTranscriber } from '../adapters/offline/SpeechActivityTranscriber.js';
import { DeepgramTranscriber } from '../adapters/deepgram/DeepgramTranscriber.js';
import { createOpenAiClient } from '../adapters/openai/createOpenAiClient.js';
import { OpenAiAnswerer } from '../adapters/openai/OpenAiAnswerer.js';
import { OpenAiEmbedder } from '../adapters/openai/OpenAiEmbedder.js';
import { OpenAiTranscriber } from '../adapters/openai/OpenAiTranscriber.js';
import { OpenAiTranslator } from '../adapters/openai/OpenAiTranslator.js';
import { OpenAiUnderstander } from '../adapters/openai/OpenAiUnderstander.js';
import { createPineconeClient } from '../adapters/pinecone/createPineconeClient.js';
import { PineconeVectorIndex } from '../adapters/pinecone/PineconeVectorIndex.js';
import { vectorIndexUri, type Config } from '../config/config.js';
import { lazyVectorIndex } from '../app/lazyVectorIndex.js';
import { ExtractiveAnswerer } from '../domain/ask/ExtractiveAnswerer.js';
import type { LiveTranscriber } from '../domain/live/LiveTranscriber.js';
import type { Answerer } from '../domain/ports/Answerer.js';
import type { Embedder } from '../domain/ports/Embedder.js';
import type { Transcriber } from '../domain/ports/Transcriber.js';
import type { Translator } from '../domain/ports/Translator.js';
import type { Understander } from '../domain/ports/Understander.js';
import type { VectorIndex } from '../domain/ports/VectorIndex.js';
import { HashedTermEmbedder } from '../domain/search/hashedTermEmbedder.js';
import { ExtractiveUnderstander } from '../domain/understanding/ExtractiveUnderstander.js';
import { FallbackUnderstander } from '../domain/understanding/FallbackUnderstander.js';

export interface Providers {
  transcriber: Transcriber | null;
  secondaryTranscriber: Transcriber | null;
  translator: Translator | null;
  understander: Understander;
  /** Answers questions about the archive: the model when configured, else the extractive answer (also the fallback). */
  answerer: Answerer;
  embedder: Embedder;
  vectorIndex: VectorIndex & { close?(): Promise<void> };
}

/**
 * Each port gets the provider whose key is configured, else its embedded default. Keys are
 * read from configuration only (on AWS the Lambda loads them from Secrets Manager into it).
 */
export async function chooseProviders(
  config: Config,
  recording: { getBytes(key: string): Promise<Uint8Array | null>; presignedUrl?: (key: string) => Promise<string> },
): Promise<Providers> {
  const openai = openAiClientFor(config);

  const deepgram =
    config.DEEPGRAM_API_KEY === undefined
      ? null
      : new DeepgramTranscriber(createDeepgramClient({ apiKey: config.DEEPGRAM_API_KEY, baseUrl: config.DEEPGRAM_BASE_URL }), {
          model: config.DEEPGRAM_MODEL,
          redact: config.DEEPGRAM_REDACT,
          recording: { getBytes: recording.getBytes, ...(recording.presignedUrl === undefined ? {} : { presignedUrl: recording.presignedUrl }) },
        });
  const whisper = openai === null ? null : new OpenAiTranscriber({ client: openai, getBytes: recording.getBytes, model: config.OPENAI_TRANSCRIBE_MODEL });
  const [transcriber, secondaryTranscriber] = config.AFTERCALL_TRANSCRIBER === 'openai' ? [whisper, deepgram] : [deepgram, whisper];

  const offline = new ExtractiveUnderstander();
  const understander = openai === null ? offline : new FallbackUnderstander(new OpenAiUnderstander({ client: openai, model: config.OPENAI_MODEL }), offline);
  const translator = openai === null ? null : new OpenAiTranslator({ client: openai, model: config.OPENAI_MODEL });
  const answerer = openai === null ? new ExtractiveAnswerer() : new OpenAiAnswerer({ client: openai, model: config.OPENAI_MODEL });

  const useOpenAiEmbeddings = config.AFTERCALL_EMBEDDER === 'openai' || (config.AFTERCALL_EMBEDDER === 'auto' && openai !== null);
  if (useOpenAiEmbeddings && openai === null) throw new Error('AFTERCALL_EMBEDDER=openai needs OPENAI_API_KEY');
  const embedder: Embedder =
    useOpenAiEmbeddings && openai !== null
      ? new OpenAiEmbedder({
          client: openai,
          model: config.OPENAI_EMBEDDING_MODEL,
          ...(config.OPENAI_EMBEDDING_DIMENSIONS === undefined ? {} : { dimensions: config.OPENAI_EMBEDDING_DIMENSIONS }),
          ...(config.OPENAI_EMBEDDING_SIMILARITY_FLOOR === undefined ? {} : { similarityFloor: config.OPENAI_EMBEDDING_SIMILARITY_FLOOR }),
        })
      : new HashedTermEmbedder();

  const vectorIndex =
    config.PINECONE_API_KEY === undefined
      ? lazyVectorIndex(async () => {
          try {
            const { LanceVectorIndex } = await import('../adapters/lancedb/LanceVectorIndex.js');
            // One folder per embedding model: vectors of different models never share an index.
            return await LanceVectorIndex.open(`${vectorIndexUri(config)}/${embedder.model}`, embedder.dimensions);
          } catch (error) {
            throw new Error(`the embedded vector index (LanceDB) could not be opened; on AWS set PINECONE_API_KEY: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
          }
        })
      : new PineconeVectorIndex(createPineconeClient({ apiKey: config.PINECONE_API_KEY, controllerHostUrl: config.PINECONE_CONTROLLER_URL }), {
          indexName: config.PINECONE_INDEX,
          ...(config.PINECONE_INDEX_HOST === undefined ? {} : { indexHost: config.PINECONE_INDEX_HOST }),
        });

  return { transcriber, secondaryTranscriber, translator, understander, answerer, embedder, vectorIndex };
}

/** The language model's client when its key is set; null means the embedded defaults answer. */
function openAiClientFor(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>): OpenAI | null {
  if (config.OPENAI_API_KEY === undefined) return null;
  return createOpenAiClient({ apiKey: config.OPENAI_API_KEY, ...(config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL }) });
}

/** Deepgram live when its key is set; otherwise the offline speech-activity stand-in, so the relay runs end to end without keys. */
export function chooseLiveTranscriber(config: Pick<Config, 'DEEPGRAM_API_KEY' | 'DEEPGRAM_BASE_URL' | 'DEEPGRAM_MODEL'>): LiveTranscriber {
  if (config.DEEPGRAM_API_KEY === undefined) return new SpeechActivityTranscriber();
  const client = createDeepgramClient({ apiKey: config.DEEPGRAM_API_KEY, baseUrl: config.DEEPGRAM_BASE_URL });
  return new DeepgramLiveTranscriber(client, { model: config.DEEPGRAM_MODEL });
}

/** The second caption track's translator for a relay running on its own: the language model when its key is set, else none. */
export function liveTranslator(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>): Translator | null {
  const openai = openAiClientFor(config);
  return openai === null ? null : new OpenAiTranslator({ client: openai, model: config.OPENAI_MODEL });
}
