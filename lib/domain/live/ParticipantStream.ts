import type { Translator } from '../ports/Translator.js';
import { LiveProviderError } from './errors.js';
import type { LiveStream, LiveTranscriber, LiveTranscript } from './LiveTranscriber.js';
import { checkPcmChunk, pcmMs } from './pcmChunk.js';
import type { RoomHub } from './RoomHub.js';

export interface ParticipantStreamDeps {
  hub: RoomHub;
  transcriber: LiveTranscriber;
  /** Translates final captions into the room's target language; null means no second track. */
  translator: Translator | null;
  /** A monotonic clock in ms (performance.now): stamps when a provider message arrived. */
  now?: () => number;
  /** Waits between reconnection attempts; tests pass a faster one. */
  reconnectDelaysMs?: readonly number[];
  log?: (message: string, error: unknown) => void;
}

export interface ParticipantStreamOptions {
  tenantId: string;
  room: string;
  participant: string;
  sampleRate: number;
  language: string | null;
  translateTo: string | null;
  /** Called when the provider cannot be reached again: the ingest connection should be closed. */
  onFailed(error: LiveProviderError): void;
}

const DEFAULT_RECONNECT_DELAYS_MS = [0, 250, 1000, 2000, 4000];

/**
 * One participant's audio on its way to captions. It owns the provider connection, and when that
 * connection is lost it marks the gap for the room, reopens it (the only place that retries) and
 * carries on: caption times stay on the participant's own audio clock across connections.
 */
export class ParticipantStream {
  private stream: LiveStream | null = null;
  private sentBytes = 0;
  /** Where on the participant's audio clock the current provider connection started. */
  private connectionStartMs = 0;
  private ending = false;
  private reconnecting: Promise<void> | null = null;
  private readonly now: () => number;

  private constructor(
    private readonly deps: ParticipantStreamDeps,
    private readonly options: ParticipantStreamOptions,
  ) {
    this.now = deps.now ?? (() => performance.now());
  }

  static async start(deps: ParticipantStreamDeps, options: ParticipantStreamOptions): Promise<ParticipantStream> {
    const participant = new ParticipantStream(deps, options);
    participant.stream = await participant.open();
    return participant;
  }

  /** Forwards a chunk of audio; throws LiveInputError when it is not raw PCM. Audio during a reconnection is not captioned. */
  send(chunk: Uint8Array): void {
    checkPcmChunk(chunk, this.options.sampleRate, this.sentBytes === 0);
    this.sentBytes += chunk.length;
    this.stream?.send(chunk);
  }

  /** The participant stopped: flush the provider's last words, then tell the room. */
  async end(): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    const stream = this.stream;
    this.stream = null;
    await stream?.finish().catch((error: unknown) => this.deps.log?.('live: closing the provider stream failed', error));
    this.publish({ type: 'ended', participant: this.options.participant }, this.now());
  }

  private get heardMs(): number {
    return pcmMs(this.sentBytes, this.options.sampleRate);
  }

  private open(): Promise<LiveStream> {
    return this.deps.transcriber.open(
      { sampleRate: this.options.sampleRate, language: this.options.language },
      { onTranscript: (transcript) => this.onTranscript(transcript), onLost: (reason) => this.onLost(reason) },
    );
  }

  private onTranscript(transcript: LiveTranscript): void {
    const receivedAt = transcript.receivedAt ?? this.now();
    if (transcript.text.trim() === '' && transcript.kind === 'interim') return;
    const caption = {
      type: 'caption' as const,
      participant: this.options.participant,
      kind: transcript.kind,
      text: transcript.text,
      startMs: this.connectionStartMs + transcript.startMs,
      endMs: this.connectionStartMs + transcript.endMs,
      track: 'original' as const,
      language: this.options.language,
      source: this.deps.transcriber.name,
    };
    this.publish(caption, receivedAt);
    if (transcript.kind === 'final' && transcript.text.trim() !== '') void this.translate(caption);
  }

  private onLost(reason: string): void {
    if (this.ending || this.reconnecting !== null) return;
    this.stream = null;
    this.publish({ type: 'gap', participant: this.options.participant, fromMs: this.heardMs, reason }, this.now());
    this.reconnecting = this.reconnect(reason).finally(() => {
      this.reconnecting = null;
    });
  }

  private async reconnect(reason: string): Promise<void> {
    const delays = this.deps.reconnectDelaysMs ?? DEFAULT_RECONNECT_DELAYS_MS;
    let lastError: unknown = new Error(reason);
    for (const delay of delays) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.ending) return;
      try {
        const stream = await this.open();
        if (this.ending) {
          stream.abort();
          return;
        }
        this.connectionStartMs = this.heardMs;
        this.stream = stream;
        return;
      } catch (error) {
        lastError = error;
      }
    }
    const detail = lastError instanceof Error ? lastError.message : String(lastError);
    this.options.onFailed(new LiveProviderError(`the speech-to-text provider could not be reached again after ${delays.length} attempts (${detail})`));
  }

  private async translate(caption: { text: string; startMs: number; endMs: number; participant: string }): Promise<void> {
    const target = this.options.translateTo;
    if (target === null || this.deps.translator === null || target === this.options.language) return;
    try {
      const [translated] = await this.deps.translator.translate({ language: target, segments: [{ id: 'c', text: caption.text }] });
      if (translated === undefined) return;
      this.publish({ ...caption, type: 'caption', kind: 'final', text: translated.text, track: 'translation', language: target, source: this.deps.translator.name }, this.now());
    } catch (error) {
      // The original caption is already out; a missing translation is not worth ending the call over.
      this.deps.log?.('live: translating a caption failed', error);
    }
  }

  private publish(event: Parameters<RoomHub['publish']>[2], receivedAt: number): void {
    this.deps.hub.publish(this.options.tenantId, this.options.room, event, receivedAt);
  }
}
