import { h } from '../dom.js';

const END_ID = 'transcript-end';

/**
 * "Skip transcript", shown when focused, before the lines (each a tab stop), and where it lands:
 * the end of the transcript. The href is for what the link means; routes live in the hash, so a
 * click moves focus itself instead of changing the address.
 */
export function skipTranscript(): { link: HTMLAnchorElement; end: HTMLElement } {
  const end = h('p', { id: END_ID, class: 'transcript-end hint', tabindex: -1 }, 'End of the transcript.');
  const link = h('a', { class: 'skip-transcript', href: `#${END_ID}` }, 'Skip transcript');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    end.focus();
  });
  return { link, end };
}
