import { h, liveStatus } from '../dom.js';
import { formatTime } from '../format.js';
import type { Player } from '../player.js';
import type { TranscriptView } from '../transcriptView.js';
import { followAlong, type FollowAlong } from './followAlong.js';
import { momentLinksPlayHere } from './momentLinks.js';
import { playFrom, tryPlay } from './playFrom.js';
import { trackPlayerHeight } from './playerHeight.js';
import { KEY_SHORTCUTS, playbackShortcuts, shortcutsHelp } from './shortcuts.js';
import { skipTranscript } from './skipTranscript.js';

export interface MeetingPlayback {
  /** A moment was chosen (chapter, action item, decision, line, citation): seek there and play. */
  playAt(ms: number): void;
  /** "Keyboard shortcuts", to put under the player. */
  help: HTMLElement;
  /** The transcript, once loaded: what to put before and after its lines. */
  attachTranscript(view: TranscriptView): { before: HTMLElement[]; after: HTMLElement[] };
  dispose(): void;
}

/**
 * How the meeting page plays: a chosen moment seeks and plays, the line being said is marked and
 * kept in view, keyboard shortcuts, the sticky player's height for scroll-padding, a way past the
 * transcript. `bar` is the sticky player; `meetingId` says which citations are this meeting's.
 */
export function meetingPlayback(player: Player, bar: HTMLElement, meetingId: string): MeetingPlayback {
  const { audio } = player;
  // Seen: "press play" when the browser would not start the audio by itself.
  const hint = liveStatus();
  // Heard: what a shortcut did, for screen readers (the player shows it to the eye).
  const announcer = h('p', { class: 'visually-hidden playback-announcer', role: 'status', 'aria-live': 'polite' });
  bar.append(hint, announcer);
  audio.setAttribute('aria-keyshortcuts', KEY_SHORTCUTS);

  let transcript: TranscriptView | null = null;
  let follow: FollowAlong | null = null;
  /** The last moment chosen, until the recording's metadata lets currentTime say it. */
  let chosenMs: number | null = null;
  const nowMs = () => (audio.readyState >= HTMLMediaElement.HAVE_METADATA ? Math.round(audio.currentTime * 1000) : (chosenMs ?? 0));
  const blocked = () => (hint.textContent = `Press play (or Space) to listen from ${formatTime(nowMs())}.`);

  const mark = () => {
    if (transcript?.highlight(nowMs())) follow?.lineChanged();
  };
  audio.addEventListener('timeupdate', mark);
  audio.addEventListener('seeked', mark);
  audio.addEventListener('play', () => (hint.textContent = ''));

  const playAt = (ms: number) => {
    chosenMs = ms;
    transcript?.highlight(ms);
    follow?.resume();
    playFrom(player, ms, blocked);
  };

  const undo = [
    trackPlayerHeight(bar),
    momentLinksPlayHere(document.body, meetingId, (ms, href) => {
      playAt(ms);
      history.replaceState(null, '', href);
    }),
    playbackShortcuts({
      togglePlay: () => {
        if (audio.paused) {
          void tryPlay(audio, blocked).then((playing) => playing && (announcer.textContent = 'Playing'));
        } else {
          audio.pause();
          announcer.textContent = `Paused at ${formatTime(nowMs())}`;
        }
      },
      nudge: (ms) => {
        if (audio.readyState < HTMLMediaElement.HAVE_METADATA) return;
        const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
        audio.currentTime = Math.min(end, Math.max(0, audio.currentTime + ms / 1000));
        announcer.textContent = formatTime(nowMs());
      },
      line: (step) => {
        const start = transcript?.lineStart(step) ?? null;
        if (start === null) return;
        playAt(start);
        const speaker = transcript?.currentRow()?.querySelector('.utterance-speaker')?.textContent ?? '';
        announcer.textContent = `${formatTime(start)} ${speaker}`.trim();
      },
    }),
  ];

  return {
    playAt,
    help: shortcutsHelp(),
    attachTranscript: (view) => {
      transcript = view;
      follow = followAlong(view.element, bar, view.currentRow);
      undo.push(follow.dispose);
      // Opened at a moment (or already playing): mark it and bring it into view, once the lines are in the page.
      if (chosenMs !== null || !audio.paused) queueMicrotask(mark);
      const skip = skipTranscript();
      return { before: [skip.link, follow.button], after: [skip.end] };
    },
    dispose: () => {
      for (const done of undo) done();
    },
  };
}
