import { loadSettings } from './api.js';
import { h } from './dom.js';
import type { SignedUrl } from './types.js';

export interface Player {
  audio: HTMLAudioElement;
  /**
   * Asks `signedUrl` (the meeting's /audio-url) for a short-lived signed URL and plays from it:
   * the browser streams the recording with Range requests instead of downloading it whole first,
   * and the API key stays in the Authorization header, never in a URL. (The audio itself is not
   * an API call of the typed client: the <audio> element fetches the signed URL.)
   */
  load(signedUrl: () => Promise<SignedUrl>): Promise<void>;
  /** Seeks now, or as soon as the recording's metadata is in. */
  seek(ms: number): void;
  dispose(): void;
}

/** A fresh signed URL is asked for at most this often, so a recording that cannot play does not loop. */
const RENEW_AFTER_MS = 60_000;

export function createPlayer(label: string): Player {
  const audio = h('audio', { controls: true, preload: 'metadata', 'aria-label': label, class: 'player' });
  let pendingMs: number | null = null;
  let disposed = false;
  let askSignedUrl: (() => Promise<SignedUrl>) | null = null;
  let issuedAt = 0;

  audio.addEventListener('loadedmetadata', () => {
    if (pendingMs !== null) audio.currentTime = pendingMs / 1000;
    pendingMs = null;
  });

  const useSignedUrl = async (ask: () => Promise<SignedUrl>) => {
    const signed = await ask();
    if (disposed) return;
    issuedAt = Date.now();
    audio.src = `${loadSettings()?.baseUrl ?? ''}${signed.url}`;
  };

  // The URL lives 15 minutes; a player paused longer than that gets a 403 on its next range.
  // Take a new URL and carry on from the same moment.
  audio.addEventListener('error', () => {
    if (disposed || askSignedUrl === null || Date.now() - issuedAt < RENEW_AFTER_MS) return;
    const resumeAt = audio.currentTime;
    const wasPlaying = !audio.paused;
    pendingMs = resumeAt * 1000;
    void useSignedUrl(askSignedUrl).then(() => (wasPlaying ? audio.play() : undefined)).catch(() => undefined);
  });

  return {
    audio,
    load: async (ask) => {
      askSignedUrl = ask;
      await useSignedUrl(ask);
    },
    seek: (ms) => {
      if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) audio.currentTime = ms / 1000;
      else pendingMs = ms;
    },
    dispose: () => {
      disposed = true;
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    },
  };
}
