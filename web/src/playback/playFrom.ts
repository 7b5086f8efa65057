import type { Player } from '../player.js';

/**
 * Plays. A browser may refuse to play without a user gesture (autoplay policy: a moment link
 * opened from another app, say): then `onBlocked` says so in words. The refusal is expected, so
 * it is never left as an unhandled rejection (a console error); the player stays usable.
 */
export function tryPlay(audio: HTMLMediaElement, onBlocked: () => void): Promise<boolean> {
  return audio.play().then(
    () => true,
    (error: unknown) => {
      // AbortError: a pause or a new source came first, which is what the user asked for.
      if (error instanceof DOMException && error.name === 'NotAllowedError') onBlocked();
      return false;
    },
  );
}

/** Seeks (now, or once the recording's metadata is in) and plays from there. */
export function playFrom(player: Player, ms: number, onBlocked: () => void): void {
  player.seek(ms);
  void tryPlay(player.audio, onBlocked);
}
