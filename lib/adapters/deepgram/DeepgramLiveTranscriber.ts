import type { DeepgramClient } from '@deepgram/sdk';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { LiveStream, LiveStreamHandlers, LiveTranscriber } from '../../domain/live/LiveTranscriber.js';
import { DEFAULT_DEEPGRAM_MODEL } from './DeepgramTranscriber.js';

export interface DeepgramLiveOptions {
  model?: string;
  /** Silence (ms) after which Deepgram settles a final result with speech_final. */
  endpointingMs?: number;
  /** Gap (ms) after the last final word that makes Deepgram send UtteranceEnd. */
  utteranceEndMs?: number;
  /** How long the connection may take to open. */
  connectTimeoutMs?: number;
  /** Deepgram closes a stream after 10 s without audio; a KeepAlive this often holds it open while a participant is muted. */
  keepAliveMs?: number;
}

// Only the fields the relay reads; the rest of Deepgram's Results message is passed over.
const ResultsSchema = z.object({
  type: z.literal('Results'),
  start: z.number(),
  duration: z.number(),
  is_final: z.boolean().optional(),
  channel: z.object({ alternatives: z.array(z.object({ transcript: z.string() })) }),
});

/**
 * Deepgram live transcription through `@deepgram/sdk` (`listen.v1.connect`): linear16 mono,
 * interim results, endpointing, smart formatting, utterance-end and VAD events. The SDK's own
 * reconnection is off (`reconnectAttempts: 0`): it would resend nothing of the lost audio and
 * restart the clock silently, so the relay reconnects itself and marks the gap.
 */
export class DeepgramLiveTranscriber implements LiveTranscriber {
  readonly name: string;
  private readonly model: string;

  constructor(
    private readonly client: DeepgramClient,
    private readonly options: DeepgramLiveOptions = {},
  ) {
    this.model = options.model ?? DEFAULT_DEEPGRAM_MODEL;
    this.name = `deepgram:${this.model}`;
  }

  async open(options: { sampleRate: number; language: string | null }, handlers: LiveStreamHandlers): Promise<LiveStream> {
    const socket = await this.client.listen.v1.connect({
      model: this.model,
      encoding: 'linear16',
      sample_rate: options.sampleRate,
      channels: 1,
      interim_results: 'true',
      smart_format: 'true',
      punctuate: 'true',
      endpointing: this.options.endpointingMs ?? 300,
      utterance_end_ms: this.options.utteranceEndMs ?? 1000,
      vad_events: 'true',
      ...(options.language === null ? {} : { language: options.language }),
      reconnectAttempts: 0,
      connectionTimeoutInSeconds: (this.options.connectTimeoutMs ?? 10_000) / 1000,
    });
    let closing = false;
    let lost = false;
    let keepAlive: NodeJS.Timeout | undefined;
    const loseOnce = (reason: string) => {
      if (closing || lost) return;
      lost = true;
      clearInterval(keepAlive);
      handlers.onLost(reason);
    };
    socket.on('message', (message) => {
      const receivedAt = performance.now();
      const results = ResultsSchema.safeParse(message);
      if (!results.success) return; // Metadata, SpeechStarted, UtteranceEnd: nothing to caption.
      handlers.onTranscript({
        kind: results.data.is_final === true ? 'final' : 'interim',
        text: results.data.channel.alternatives[0]?.transcript ?? '',
        // Deepgram gives seconds as floats; whole milliseconds are what captions show.
        startMs: Math.round(results.data.start * 1000),
        endMs: Math.round((results.data.start + results.data.duration) * 1000),
        receivedAt,
      });
    });
    // One handler per event: the SDK keeps only the last one registered for an event.
    let markClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (markClosed = resolve));
    socket.on('close', (event) => {
      markClosed();
      loseOnce(`Deepgram closed the stream (code ${event.code})`);
    });
    socket.on('error', (error) => loseOnce(`Deepgram stream error: ${error.message}`));

    // The SDK only dials when asked: connect() first, then wait for the socket to open.
    socket.connect();
    try {
      await socket.waitForOpen();
    } catch (error) {
      closing = true;
      socket.close();
      throw error;
    }
    keepAlive = setInterval(() => socket.sendKeepAlive({ type: 'KeepAlive' }), this.options.keepAliveMs ?? 5000);
    keepAlive.unref();

    return {
      send: (pcm) => {
        if (closing || lost) return;
        try {
          socket.sendMedia(pcm);
        } catch (error) {
          // The SDK throws when the socket is no longer open; its close event may still be on its way.
          loseOnce(`Deepgram stream not open: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      finish: async () => {
        if (closing || lost) return;
        closing = true;
        clearInterval(keepAlive);
        // CloseStream makes Deepgram send its last results and Metadata, then close.
        socket.sendCloseStream({ type: 'CloseStream' });
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
        await Promise.race([closed, timeout]);
        socket.close();
      },
      abort: () => {
        closing = true;
        clearInterval(keepAlive);
        socket.close();
      },
    };
  }
}
