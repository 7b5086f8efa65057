import { ApiError, isSharedView } from '../api.js';
import { errorBox, h } from '../dom.js';

/** What went wrong, in words, and the way back: never a raw API message about ids, never a TypeError. */
export function errorInWords(error: unknown): HTMLElement {
  const { text, way } = explain(error);
  return h('div', { class: 'error-block' }, errorBox(text), way);
}

const link = (href: string, text: string) => h('a', { href, class: 'way-back' }, text);
const retry = () => h('button', { type: 'button', class: 'way-back', onclick: () => location.reload() }, 'Try again');
const backToMeetings = () => (isSharedView() ? null : link('#/meetings', 'Back to the meetings'));

function explain(error: unknown): { text: string; way: HTMLElement | null } {
  if (!(error instanceof ApiError)) return { text: error instanceof Error ? error.message : String(error), way: null };
  switch (error.status) {
    case 0:
      return { text: 'Could not reach aftercall. Check your connection, then try again.', way: retry() };
    case 401:
      return isSharedView()
        ? { text: 'This link no longer opens the meeting: it has expired or was revoked. Ask whoever shared it for a new one.', way: null }
        : { text: 'The API rejected the key: it may have been revoked or mistyped.', way: link('#/signin', 'Sign in again') };
    case 403:
      return { text: 'This key may not do that: it needs an admin key.', way: backToMeetings() };
    case 404:
      // Only the meeting's own absence is put in other words; a 404 of something in it says what.
      if (!/^no meeting |no longer there/.test(error.message)) return { text: error.message, way: null };
      return { text: isSharedView() ? 'The shared meeting is no longer there.' : 'There is no such meeting: it may have been deleted, or the link is mistyped.', way: backToMeetings() };
    case 410:
      // The API says when, why and from which stores: that is the whole point of the answer.
      return { text: `This meeting was erased. ${error.message.replace(/^meeting \S+ was /, 'It was ')}`, way: backToMeetings() };
    default:
      return error.status >= 500
        ? { text: 'aftercall could not answer just now. Try again in a moment.', way: retry() }
        : { text: error.message, way: backToMeetings() };
  }
}
