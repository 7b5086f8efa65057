import { apiFetch } from './api.js';
import { h } from './dom.js';

export interface Player {
  audio: HTMLAudioElement;
  /** Fetches the recording with the key (never a key in the URL) and plays it from a blob URL. */
  load(path: string): Promise<void>;
  /** Seeks now, or as soon as the recording's metadata is in. */
  seek(ms: number): void;
  dispose(): void;
}

export function createPlayer(label: string): Player {
  const audio = h('audio', { controls: true, preload: 'metadata', 'aria-label': label, class: 'player' });
  let pendingMs: number | null = null;
  let url: string | null = null;
  let disposed = false;

  audio.addEventListener('loadedmetadata', () => {
    if (pendingMs !== null) audio.currentTime = pendingMs / 1000;
    pendingMs = null;
  });

  return {
    audio,
    load: async (path) => {
      const blob = await (await apiFetch(path)).blob();
      if (disposed) return;
      url = URL.createObjectURL(blob);
      audio.src = url;
    },
    seek: (ms) => {
      if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) audio.currentTime = ms / 1000;
      else pendingMs = ms;
    },
    dispose: () => {
      disposed = true;
      audio.pause();
      audio.removeAttribute('src');
      if (url !== null) URL.revokeObjectURL(url);
    },
  };
}
