import { DeepgramLiveTranscriber } from '../../adapters/deepgram/DeepgramLiveTranscriber.js';
import { createDeepgramClient } from '../../adapters/deepgram/createDeepgramClient.js';
import { SpeechActivityTranscriber } from '../../adapters/offline/SpeechActivityTranscriber.js';
import { createOpenAiClient } from '../../adapters/openai/createOpenAiClient.js';
import { OpenAiTranslator } from '../../adapters/openai/OpenAiTranslator.js';
import type { Config } from '../../config/config.js';
import type { LiveTranscriber } from '../../domain/live/LiveTranscriber.js';
import type { BlobStore } from '../../domain/ports/BlobStore.js';
import type { Translator } from '../../domain/ports/Translator.js';
import { CaptionRelay, type CaptionRelayOptions } from './CaptionRelay.js';

/** Deepgram live when its key is set; otherwise the offline speech-activity stand-in, so the relay runs end to end without keys. */
export function chooseLiveTranscriber(config: Pick<Config, 'DEEPGRAM_API_KEY' | 'DEEPGRAM_BASE_URL' | 'DEEPGRAM_MODEL'>): LiveTranscriber {
  if (config.DEEPGRAM_API_KEY === undefined) return new SpeechActivityTranscriber();
  const client = createDeepgramClient({ apiKey: config.DEEPGRAM_API_KEY, baseUrl: config.DEEPGRAM_BASE_URL });
  return new DeepgramLiveTranscriber(client, { model: config.DEEPGRAM_MODEL });
}

/** The relay as configured: the live transcriber by key, the workflow's translator for the second track. */
export function createCaptionRelay(
  config: Config,
  deps: { blobs: BlobStore; translator: Translator | null } & Partial<Omit<CaptionRelayOptions, 'blobs' | 'translator' | 'defaultTenant' | 'transcriber'>>,
): CaptionRelay {
  return new CaptionRelay({ ...deps, transcriber: chooseLiveTranscriber(config), defaultTenant: config.AFTERCALL_DEFAULT_TENANT });
}

/** The second caption track's translator for a relay running on its own: the language model when its key is set, else none. */
export function liveTranslator(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>): Translator | null {
  if (config.OPENAI_API_KEY === undefined) return null;
  const client = createOpenAiClient({ apiKey: config.OPENAI_API_KEY, ...(config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL }) });
  return new OpenAiTranslator({ client, model: config.OPENAI_MODEL });
}
