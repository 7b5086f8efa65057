import { h } from './dom.js';
import { formatTime } from './format.js';
import type { Transcript, Utterance } from './types.js';

export interface TranscriptView {
  element: HTMLElement;
  /** Marks the utterance being said at `ms`; true when that is another line than before. Scrolling is the follow-along's (playback/followAlong.ts). */
  highlight(ms: number): boolean;
  /** The row (its button) marked as being said, if any. */
  currentRow(): HTMLElement | null;
  /** Where the line after (1) or before (-1) the marked one starts; null past either end. */
  lineStart(step: 1 | -1): number | null;
  /** Shows a translation's text (by utterance id), or the original with null. */
  setTexts(texts: Map<string, string> | null, language: string | null): void;
  /** Shows speakers' new names (speaker id → name) on their lines. */
  renameSpeakers(names: Record<string, string>): void;
}

/**
 * The transcript as a list of buttons: each row is focusable, Enter or Space (or a click) seeks
 * the player to it, and the row being spoken is highlighted as the audio plays.
 */
export function transcriptView(transcript: Transcript, onSeek: (utterance: Utterance, row?: HTMLElement) => void): TranscriptView {
  const names = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
  const utterances = [...transcript.utterances].sort((a, b) => a.startMs - b.startMs);
  const textNodes = new Map<string, HTMLElement>();
  const rows = utterances.map((utterance) => {
    const text = h('span', { class: 'utterance-text' }, utterance.text);
    textNodes.set(utterance.id, text);
    const speaker = names.get(utterance.speakerId) ?? utterance.speakerId;
    return h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'utterance', 'data-utterance-id': utterance.id, 'data-start-ms': utterance.startMs, onclick: (event: Event) => onSeek(utterance, event.currentTarget as HTMLElement) },
        h('span', { class: 'utterance-time' }, formatTime(utterance.startMs)),
        h('span', { class: 'utterance-speaker' }, speaker),
        text,
      ),
    );
  });
  const list = h('ol', { class: 'transcript-list' }, rows);
  const scroller = h('div', { class: 'transcript-scroller', tabindex: -1 }, list);
  let currentIndex = -1;

  const indexAt = (ms: number): number => {
    // The last utterance that has started: between two, the earlier stays lit.
    let low = 0;
    let high = utterances.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((utterances[middle]?.startMs ?? 0) <= ms) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };

  return {
    element: scroller,
    highlight: (ms) => {
      const index = indexAt(ms);
      if (index === currentIndex) return false;
      const previous = rows[currentIndex]?.firstElementChild;
      previous?.classList.remove('current');
      previous?.removeAttribute('aria-current');
      currentIndex = index;
      const button = rows[index]?.firstElementChild;
      button?.classList.add('current');
      button?.setAttribute('aria-current', 'true');
      return true;
    },
    currentRow: () => (rows[currentIndex]?.firstElementChild as HTMLElement | null | undefined) ?? null,
    lineStart: (step) => utterances[currentIndex + step]?.startMs ?? null,
    renameSpeakers: (renamed) => {
      for (const row of rows) {
        const button = row.firstElementChild as HTMLElement | null;
        const name = renamed[utterances.find((u) => u.id === button?.dataset.utteranceId)?.speakerId ?? ''];
        const label = button?.querySelector('.utterance-speaker');
        if (name !== undefined && label) label.textContent = name;
      }
    },
    setTexts: (texts, language) => {
      for (const utterance of utterances) {
        const node = textNodes.get(utterance.id);
        if (node === undefined) continue;
        node.textContent = texts?.get(utterance.id) ?? utterance.text;
        if (language === null) node.removeAttribute('lang');
        else node.setAttribute('lang', language);
      }
    },
  };
}
