import type { LiveStream, LiveStreamHandlers, LiveTranscriber } from '../../domain/live/LiveTranscriber.js';

/**
 * What the offline stand-in shows instead of words: that someone is talking, and that no
 * recogniser runs here. A bare "[speaking]" read like a transcript line wherever captions are
 * shown or saved without the live page's notice (the meeting page, live-captions.json, the API).
 */
export const SPEAKING_TEXT = '(speaking: not captioned, no speech recogniser is configured)';

export interface SpeechActivityOptions {
  /** RMS level (of 32768) above which a 20 ms frame counts as voiced; about -36 dBFS by default. */
  threshold?: number;
  /** Silence that ends a turn, like Deepgram's endpointing. */
  endpointingMs?: number;
  /** How often an interim caption is repeated while someone speaks. */
  interimEveryMs?: number;
}

const FRAME_MS = 20;
/** Voiced time needed before a turn starts, so clicks and coughs do not caption. */
const MIN_SPEECH_MS = 60;

/**
 * The live transcriber without keys: no speech recognition runs on this machine, so it reports
 * speech activity from the audio's energy — an interim caption saying so while a participant
 * talks and a final one with the turn's start and end when they pause. Labelled by its name
 * ("offline:speech-activity") on every caption, so nobody mistakes it for a transcript.
 */
export class SpeechActivityTranscriber implements LiveTranscriber {
  readonly name = 'offline:speech-activity';

  constructor(private readonly options: SpeechActivityOptions = {}) {}

  async open(options: { sampleRate: number }, handlers: LiveStreamHandlers): Promise<LiveStream> {
    const threshold = this.options.threshold ?? 500;
    const endpointingMs = this.options.endpointingMs ?? 400;
    const interimEveryMs = this.options.interimEveryMs ?? 500;
    const frameBytes = (options.sampleRate * 2 * FRAME_MS) / 1000;
    let pending = new Uint8Array(0);
    let clockMs = 0;
    let voicedRunMs = 0;
    let turnStartMs: number | null = null;
    let lastVoiceMs = 0;
    let nextInterimMs = 0;
    let closed = false;

    const endTurn = () => {
      if (turnStartMs === null) return;
      handlers.onTranscript({ kind: 'final', text: SPEAKING_TEXT, startMs: turnStartMs, endMs: lastVoiceMs });
      turnStartMs = null;
    };
    const frame = (samples: Int16Array) => {
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      const voiced = Math.sqrt(sum / samples.length) >= threshold;
      clockMs += FRAME_MS;
      voicedRunMs = voiced ? voicedRunMs + FRAME_MS : 0;
      if (voiced) lastVoiceMs = clockMs;
      if (turnStartMs === null && voicedRunMs >= MIN_SPEECH_MS) {
        turnStartMs = clockMs - voicedRunMs;
        nextInterimMs = clockMs;
      }
      if (turnStartMs === null) return;
      if (clockMs - lastVoiceMs >= endpointingMs) return endTurn();
      if (clockMs >= nextInterimMs) {
        handlers.onTranscript({ kind: 'interim', text: SPEAKING_TEXT, startMs: turnStartMs, endMs: clockMs });
        nextInterimMs = clockMs + interimEveryMs;
      }
    };

    return {
      send: (pcm) => {
        if (closed) return;
        const joined = new Uint8Array(pending.length + pcm.length);
        joined.set(pending);
        joined.set(pcm, pending.length);
        let at = 0;
        for (; at + frameBytes <= joined.length; at += frameBytes) {
          const bytes = joined.slice(at, at + frameBytes);
          frame(new Int16Array(bytes.buffer, 0, bytes.length / 2));
        }
        pending = joined.slice(at);
      },
      finish: async () => {
        if (!closed) endTurn();
        closed = true;
      },
      abort: () => {
        closed = true;
      },
    };
  }
}
