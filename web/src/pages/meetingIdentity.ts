import { h } from '../dom.js';
import { formatTime } from '../format.js';
import type { MeetingSummary, TalkTime } from '../types.js';

/** "34 min" / "1 h 05 min" / "45 s": a length people read at a glance. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const MAX_NAMED = 4;

/** Length and participants, for a list row or a page header; null when neither is known yet. */
export function identityFacts(meeting: MeetingSummary): HTMLElement | null {
  const participants = meeting.participants ?? [];
  const facts: (HTMLElement | string)[] = [];
  if (meeting.durationMs !== null && meeting.durationMs !== undefined) facts.push(h('span', { class: 'duration' }, formatDuration(meeting.durationMs)));
  if (participants.length > 0) {
    const named = participants.slice(0, MAX_NAMED).join(', ');
    const more = participants.length > MAX_NAMED ? ` and ${participants.length - MAX_NAMED} more` : '';
    facts.push(h('span', { class: 'participants' }, `${participants.length} ${participants.length === 1 ? 'participant' : 'participants'}: ${named}${more}`));
  }
  if (meeting.room) facts.push(h('span', { class: 'room' }, `Room: ${meeting.room}`));
  if (facts.length === 0) return null;
  return h('p', { class: 'meta identity-facts' }, ...facts.flatMap((fact, index) => (index === 0 ? [fact] : [' · ', fact])));
}

/** The summary's first sentences, under the list row's title. */
export function summaryPreview(meeting: MeetingSummary): HTMLElement | null {
  return meeting.summaryPreview ? h('p', { class: 'summary-preview' }, meeting.summaryPreview) : null;
}

/**
 * Talk time per speaker as a small bar chart that is also a list: every bar's value is in its
 * text (name, time, share), so a screen reader reads the same as the eye sees; the bars are
 * decoration.
 */
export function talkTimeChart(talkTime: readonly TalkTime[]): HTMLElement | null {
  if (talkTime.length === 0) return null;
  const most = Math.max(...talkTime.map((entry) => entry.share));
  return h(
    'section',
    { class: 'card talk-time', 'aria-labelledby': 'talk-time-heading' },
    h('h2', { id: 'talk-time-heading' }, 'Talk time'),
    h(
      'ul',
      { class: 'talk-time-list' },
      talkTime.map((entry) =>
        h(
          'li',
          {},
          h('span', { class: 'talk-time-name' }, entry.speaker),
          h('span', { class: 'talk-time-value' }, `${formatTime(entry.ms)} · ${Math.round(entry.share * 100)}%`),
          h('span', { class: 'talk-time-bar', 'aria-hidden': 'true' }, bar(most === 0 ? 0 : Math.max(2, (entry.share / most) * 100))),
        ),
      ),
    ),
  );
}

/** Set through the CSSOM: the page's CSP allows no inline style attributes. */
function bar(percent: number): HTMLElement {
  const fill = h('span', {});
  fill.style.width = `${percent.toFixed(1)}%`;
  return fill;
}
