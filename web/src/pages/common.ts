import { h } from '../dom.js';
import { errorInWords } from './errorInWords.js';
import { snippetParts } from '../format.js';
import type { Degradation, MeetingSummary } from '../types.js';

/** What a page hands back to the router. */
export interface Page {
  /** Stops timers and frees blob URLs when the user leaves. */
  cleanup?(): void;
}

/** The error to show, in words, with a way back (sign in again, the meetings, try again). */
export const errorView = (error: unknown): HTMLElement => errorInWords(error);

/** A page heading the router focuses after navigation, so screen readers hear where they are. */
export function pageHeading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1, class: 'page-heading' }, text);
}

/** State badges: the text says it all, colour only repeats it. */
export function stateBadges(meeting: MeetingSummary): HTMLElement[] {
  const badges =
    meeting.state === 'awaiting_consent'
      ? [h('span', { class: 'badge badge-awaiting_consent', title: 'Nothing has been processed: the tenant requires consent, and none is recorded for this recording yet.' }, 'awaiting consent')]
      : [h('span', { class: `badge badge-${meeting.state}` }, meeting.state)];
  if (meeting.degraded) {
    badges.push(h('span', { class: 'badge badge-degraded', title: 'Some results came from the offline fallback; the manifest says which and why.' }, 'degraded'));
  }
  return badges;
}

/** Where and why a failed meeting stopped, or null for one that did not fail. */
export function failureLine(meeting: MeetingSummary): HTMLElement | null {
  if (meeting.state !== 'failed' || meeting.error === null) return null;
  const { step, name, message } = meeting.error;
  return h('p', { class: 'failure' }, `Failed${step === null ? '' : ` in ${step}`}: ${name} — ${message}`);
}

/** What the manifest says about a degraded meeting: which step fell back, and why. */
export function degradedLine(reasons: readonly Degradation[]): HTMLElement | null {
  if (reasons.length === 0) return null;
  return h('p', { class: 'degraded-reason' }, `Degraded: ${reasons.map(({ step, reason }) => `${step} — ${reason}`).join('; ')}`);
}

/** Text whose «…» marks (search snippets, extractive answers) become <mark>, as text: never markup. */
export function markedText(text: string): (HTMLElement | string)[] {
  return snippetParts(text).map((part) => (part.match ? h('mark', {}, part.text) : part.text));
}
