import { h } from '../dom.js';

export interface ShortcutActions {
  togglePlay(): void;
  /** Seek by this many milliseconds (negative: back). */
  nudge(ms: number): void;
  /** Go to the next (1) or previous (-1) transcript line and play from it. */
  line(step: 1 | -1): void;
}

export const SEEK_STEP_MS = 5_000;

/** The keys, as aria-keyshortcuts names them. */
export const KEY_SHORTCUTS = 'Space ArrowLeft ArrowRight J K';

const SHORTCUTS: [keys: string, what: string][] = [
  ['Space', 'Play or pause'],
  ['← / →', `Back or forward ${SEEK_STEP_MS / 1000} seconds`],
  ['j / k', 'Next or previous transcript line (plays from it)'],
];

/** Where typing happens: every key belongs to the field. */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** What Space presses: a shortcut must not steal it. The player has keys of its own. */
const PRESSED_BY_SPACE = 'button, summary, [role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="tab"], [role="menuitem"], [role="option"]';

function ignored(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return true;
  const target = event.target instanceof Element ? event.target : null;
  if (target === null) return false;
  if (target.closest(TYPING) || (target instanceof HTMLElement && target.isContentEditable)) return true;
  if (target.closest('audio, video')) return true;
  return event.key === ' ' && target.closest(PRESSED_BY_SPACE) !== null;
}

/**
 * The meeting page's playback keys (YouTube's and Gmail's habits): Space plays or pauses,
 * ←/→ seek 5 s, J/K next/previous line. Never while typing, never with a modifier (those are
 * the browser's and the screen reader's), never Space on something Space presses. Returns the undo.
 */
export function playbackShortcuts(actions: ShortcutActions): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (ignored(event)) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === ' ') actions.togglePlay();
    else if (key === 'ArrowLeft') actions.nudge(-SEEK_STEP_MS);
    else if (key === 'ArrowRight') actions.nudge(SEEK_STEP_MS);
    else if (key === 'j') actions.line(1);
    else if (key === 'k') actions.line(-1);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

/** "Keyboard shortcuts", folded: what the keys do, for whoever looks for them. */
export function shortcutsHelp(): HTMLElement {
  return h(
    'details',
    { class: 'shortcuts' },
    h('summary', {}, 'Keyboard shortcuts'),
    h(
      'dl',
      { class: 'shortcut-list' },
      SHORTCUTS.map(([keys, what]) => h('div', {}, h('dt', {}, h('kbd', {}, keys)), h('dd', {}, what))),
    ),
    h('p', { class: 'hint' }, 'Not while typing in a field; Space on a focused button presses the button.'),
  );
}
