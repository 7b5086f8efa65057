import { h } from '../dom.js';

export interface FollowAlong {
  /** "Back to current line": shown while following is paused. */
  button: HTMLButtonElement;
  /** The line being said changed: keep it in view, if following. */
  lineChanged(): void;
  /** Follow again from now on and bring the line into view (a jump, the button). */
  resume(): void;
  dispose(): void;
}

/** Keys that scroll the page or the transcript box (Space is the play/pause shortcut here). */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Keeps the line being said in view while the recording plays, as Otter and YouTube do. Where the
 * transcript is a scroll box (wide screens) that box scrolls; where it flows in the page (phones)
 * the page scrolls, the line landing below the sticky player. Scrolling by hand (wheel, touch,
 * scroll keys, the scrollbar) pauses following and shows a button that resumes it.
 */
export function followAlong(scroller: HTMLElement, playerBar: HTMLElement, currentRow: () => HTMLElement | null): FollowAlong {
  let following = true;
  const button = h('button', { type: 'button', class: 'follow-along', hidden: true }, 'Back to current line');

  /** The box scrolls only while it is one: styles.css lets it flow in the page on narrow screens. */
  const isBox = () => getComputedStyle(scroller).overflowY !== 'visible' && scroller.scrollHeight > scroller.clientHeight;
  const behavior = (): ScrollBehavior => (reducedMotion() ? 'auto' : 'smooth');

  const bringIntoView = () => {
    const row = currentRow();
    if (row === null) return;
    const box = row.getBoundingClientRect();
    if (isBox()) {
      const outer = scroller.getBoundingClientRect();
      if (box.top >= outer.top && box.top + Math.min(box.height, outer.height / 2) <= outer.bottom) return;
      scroller.scrollTo({ top: Math.max(0, scroller.scrollTop + box.top - outer.top - scroller.clientHeight / 3), behavior: behavior() });
      return;
    }
    const player = playerBar.getBoundingClientRect();
    const below = Math.max(0, player.bottom);
    const room = window.innerHeight - player.height;
    if (box.top >= below && box.top + Math.min(box.height, room / 2) <= window.innerHeight) return;
    // A quarter down the room under the player, so the line before stays in sight.
    window.scrollTo({ top: Math.max(0, window.scrollY + box.top - player.height - room / 4), behavior: behavior() });
  };

  const pause = () => {
    if (!following) return;
    following = false;
    button.hidden = false;
  };
  /** In the box's mode only what scrolls the box pauses; in the page's, anything that scrolls. */
  const byHand = (target: EventTarget | null) => {
    if (!isBox() || (target instanceof Node && scroller.contains(target))) pause();
  };
  const onWheel = (event: Event) => byHand(event.target);
  const onKey = (event: KeyboardEvent) => {
    if (!SCROLL_KEYS.has(event.key) || event.defaultPrevented) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input, textarea, select, audio, [contenteditable]')) return;
    byHand(target);
  };
  // A press on the page's scrollbar lands on <html>, on the box's on the box itself.
  const onPointer = (event: Event) => {
    if (event.target === document.documentElement || event.target === scroller) byHand(event.target);
  };
  window.addEventListener('wheel', onWheel, { passive: true });
  window.addEventListener('touchmove', onWheel, { passive: true });
  window.addEventListener('keydown', onKey);
  window.addEventListener('pointerdown', onPointer);

  const resume = () => {
    following = true;
    button.hidden = true;
    bringIntoView();
  };
  button.addEventListener('click', () => {
    resume();
    // The button hides itself: focus goes to the line it brought back, not to <body>.
    currentRow()?.focus({ preventScroll: true });
  });

  return {
    button,
    lineChanged: () => {
      if (following) bringIntoView();
    },
    resume,
    dispose: () => {
      window.removeEventListener('wheel', onWheel);
      window.removeEventListener('touchmove', onWheel);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    },
  };
}
