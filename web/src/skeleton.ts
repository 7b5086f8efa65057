import { h } from './dom.js';

/**
 * Loading skeletons: grey shapes where the content will be, so a slow answer shows what is coming
 * and the page does not jump when it arrives. The shapes are decoration (aria-hidden); the region
 * they fill says `aria-busy="true"`, and a status line tells screen readers "Loading…" in words.
 */

/** One grey bar of text, `width` as a CSS length; the line height is the text's. Set through CSSOM: the CSP refuses style attributes. */
function bone(width: string): HTMLElement {
  const bar = h('span', { class: 'bone' });
  bar.style.width = width;
  return bar;
}

/** A line of placeholder text in `tag` (p, h2…), so it takes that element's margins and line height. */
const boneLine = <K extends keyof HTMLElementTagNameMap>(tag: K, width: string, cls = ''): HTMLElement => h(tag, { class: cls, 'aria-hidden': 'true' }, bone(width));

const narrowOnly = (element: HTMLElement): HTMLElement => {
  element.classList.add('bone-narrow-only');
  return element;
};

/** Puts "Loading…" in a status line for screen readers; on screen it keeps the line's height with a bar. */
export function showLoading(status: HTMLElement, text: string): void {
  status.replaceChildren(h('span', { class: 'visually-hidden' }, text), h('span', { 'aria-hidden': 'true' }, bone('9rem')));
}

/** A status line for screen readers only ("Loading…"), taking no room: where the skeleton shows the shapes instead. */
export function hiddenLoadingStatus(text: string): HTMLElement {
  return h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }, text);
}

/** Marks a region busy while its skeleton shows; done() when the real content replaced it. */
export function markBusy(region: HTMLElement): () => void {
  region.setAttribute('aria-busy', 'true');
  return () => region.removeAttribute('aria-busy');
}

/** A meeting row of the list, in outline: title, date and badge, facts, two lines of preview. */
function meetingRowSkeleton(): HTMLElement {
  return h(
    'li',
    { class: 'card skeleton', 'aria-hidden': 'true' },
    boneLine('h2', '16rem', 'skeleton-title'),
    boneLine('p', '11rem', 'skeleton-meta'),
    boneLine('p', '20rem', 'skeleton-meta'),
    h('p', { class: 'skeleton-preview' }, bone('100%'), bone('70%')),
  );
}

export const meetingListSkeleton = (rows = 3): HTMLElement[] => Array.from({ length: rows }, meetingRowSkeleton);

/** A card with a heading and a few lines. */
const cardSkeleton = (lines: string[]): HTMLElement =>
  h('div', { class: 'card skeleton', 'aria-hidden': 'true' }, boneLine('h2', '8rem'), h('p', {}, lines.map((width) => bone(width))));

/** Transcript lines in outline: speaker and time, then the words. */
export function transcriptSkeleton(lines = 6): HTMLElement {
  return h(
    'div',
    { class: 'skeleton', 'aria-hidden': 'true' },
    h('div', { class: 'skeleton-toolbar' }, h('span', { class: 'bone bone-button' })),
    h(
      'ul',
      { class: 'skeleton-lines' },
      Array.from({ length: lines }, (_, index) => h('li', {}, bone('7rem'), bone(index % 2 === 0 ? '95%' : '60%'))),
    ),
  );
}

/** The meeting page below its heading: date, facts, the player, the result cards and the transcript; busy, with its "Loading…" status. */
export function meetingPageSkeleton(): HTMLElement {
  return h(
    'div',
    { class: 'skeleton-page', 'aria-busy': 'true' },
    hiddenLoadingStatus('Loading the meeting…'),
    boneLine('p', '10rem', 'skeleton-meta'),
    h('p', { class: 'skeleton-meta', 'aria-hidden': 'true' }, bone('18rem'), narrowOnly(bone('12rem'))),
    h('div', { class: 'skeleton-player', 'aria-hidden': 'true' }, h('span', { class: 'bone bone-player' })),
    h(
      'div',
      { class: 'meeting-layout' },
      h('div', { class: 'meeting-results' }, cardSkeleton(['100%', '100%', '80%']), cardSkeleton(['60%', '75%']), cardSkeleton(['90%', '50%'])),
      h('div', { class: 'card skeleton', 'aria-hidden': 'true' }, boneLine('h2', '7rem'), transcriptSkeleton()),
    ),
  );
}

/** Search results in outline: a meeting's heading and its hits. */
export function searchResultsSkeleton(groups = 2): HTMLElement[] {
  return Array.from({ length: groups }, () =>
    h(
      'div',
      { class: 'card skeleton', 'aria-hidden': 'true' },
      boneLine('h2', '14rem'),
      h('ul', { class: 'skeleton-hits' }, [0, 1].map(() => h('li', {}, h('span', { class: 'skeleton-hit-meta' }, bone('9rem')), bone('100%')))),
    ),
  );
}
