import { h, type Child } from '../dom.js';
import { formatTime } from '../format.js';
import type { Decision } from '../types.js';

type SeekLink = (ms: number, attrs: Record<string, string>, ...children: Child[]) => HTMLAnchorElement;

/** What the meeting settled, each a link to where it was said; styled like the action items. */
export function decisionsSection(decisions: Decision[] | null, seekLink: SeekLink): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'decisions-heading' },
    h('h2', { id: 'decisions-heading' }, 'Decisions'),
    decisions === null || decisions.length === 0
      ? h('p', { class: 'hint' }, 'No decisions.')
      : h(
          'ul',
          { class: 'action-items decisions' },
          decisions.map((decision) =>
            h('li', {}, seekLink(decision.startMs, { class: 'decision-link' }, h('span', { class: 'time' }, formatTime(decision.startMs)), ' ', decision.text)),
          ),
        ),
  );
}
