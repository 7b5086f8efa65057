/** A piece of text the speech-to-text provider produced for one participant's audio. */
export interface LiveTranscript {
  kind: 'interim' | 'final';
  text: string;
  /** Milliseconds from the start of this provider connection's audio. */
  startMs: number;
  endMs: number;
  /** performance.now() when the provider's message reached the adapter, so the relay's latency includes its own parsing. */
  receivedAt?: number;
}

export interface LiveStreamHandlers {
  onTranscript(transcript: LiveTranscript): void;
  /** The connection ended without being asked to: the caller decides whether to reopen. */
  onLost(reason: string): void;
}

/** One open provider connection for one participant's audio. */
export interface LiveStream {
  /** 16-bit little-endian mono PCM at the sample rate it was opened with. */
  send(pcm: Uint8Array): void;
  /** Flushes what the provider holds and closes; resolves when it is closed. */
  finish(): Promise<void>;
  /** Closes at once, without waiting for the provider's last results. */
  abort(): void;
}

/**
 * Streaming speech-to-text, as the relay uses it. One connection per participant; the
 * adapter never reconnects by itself — the relay does, so that it can mark the gap.
 */
export interface LiveTranscriber {
  /** Who produces the text, shown on every caption (e.g. "deepgram:nova-3", "offline:speech-activity"). */
  readonly name: string;
  open(options: { sampleRate: number; language: string | null }, handlers: LiveStreamHandlers): Promise<LiveStream>;
}
