import { DEEPGRAM_FEATURES } from '../adapters/deepgram/DeepgramTranscriber.js';
import { listenResponse, type ListenOptions, type ScriptedTurn } from '../../test/support/fakes/deepgramListenResponse.js';

/**
 * What a synchronous Lambda accepts as its event (API Gateway → Lambda): the ceiling of the old
 * POST callback route. New submissions have Deepgram PUT the body into S3, where no such limit applies.
 */
export const LAMBDA_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

const PHRASE = 'so the next thing on the agenda is the budget for the remote control and I think we should agree on it today'.split(' ');

/** Four people taking turns of 10–29 words at 150 words a minute, 0.6 s apart: a busy meeting. */
export function busySpeech(hours: number): ScriptedTurn[] {
  const turns: ScriptedTurn[] = [];
  for (let at = 0, n = 0; at < hours * 3_600_000; n += 1) {
    const words = 10 + (n % 20);
    const durationMs = words * 400;
    turns.push({ speaker: n % 4, text: `${Array.from({ length: words }, (_, k) => PHRASE[(n + k) % PHRASE.length]).join(' ')}.`, startMs: at, endMs: at + durationMs });
    at += durationMs + 600;
  }
  return turns;
}

export interface CallbackSize {
  hours: number;
  /** utterances=true&paragraphs=true on top of the words, as requested before. */
  previousBytes: number;
  /** What the transcriber asks for now (DEEPGRAM_FEATURES). */
  currentBytes: number;
}

/** The size of Deepgram's callback body (the fake's documented response shape) for `hours` of speech. */
export function benchCallbackSizes(hours: readonly number[] = [1, 6]): CallbackSize[] {
  const options: ListenOptions = {
    model: 'nova-3',
    diarize: DEEPGRAM_FEATURES.diarize,
    utterances: false,
    punctuate: DEEPGRAM_FEATURES.punctuate,
    smartFormat: DEEPGRAM_FEATURES.smart_format,
    paragraphs: false,
    detectLanguage: true,
    redact: [],
    extra: { meeting_id: 'mtg_000000000000000000000000' },
  };
  return hours.map((h) => {
    const turns = busySpeech(h);
    const size = (o: ListenOptions) =>
      Buffer.byteLength(JSON.stringify(listenResponse(turns, o, { requestId: 'bench', durationSeconds: h * 3600, detectedLanguage: 'en', audioDigest: 'bench' })));
    return { hours: h, previousBytes: size({ ...options, utterances: true, paragraphs: true }), currentBytes: size(options) };
  });
}
