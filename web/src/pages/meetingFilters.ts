import { h } from '../dom.js';
import { navigate } from '../router.js';

/** The list's filters, as the API names them (GET /api/meetings): the route's query carries them, so a filtered list is a link. */
export const FILTER_NAMES = ['q', 'room', 'participant', 'from', 'to'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** The filters set in the route, for the API's query string. */
export function filterParams(params: URLSearchParams): URLSearchParams {
  const picked = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim() ?? '';
    if (value !== '') picked.set(name, value);
  }
  return picked;
}

/** A form of text, room, participant and dates; applying it changes the route (#/meetings?q=…). */
export function meetingFilters(params: URLSearchParams): HTMLElement {
  const field = (name: FilterName, label: string, type: string, hint?: string) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: `filter-${name}` }, label),
      h('input', { id: `filter-${name}`, name, type, value: params.get(name) ?? '', autocomplete: 'off', ...(hint === undefined ? {} : { placeholder: hint }) }),
    );
  const form = h(
    'form',
    { class: 'card form search-form meeting-filters', role: 'search', 'aria-label': 'Filter meetings' },
    h(
      'div',
      { class: 'filters' },
      field('q', 'Text', 'search', 'title, people, summary'),
      field('room', 'Room', 'text'),
      field('participant', 'Participant', 'text'),
      field('from', 'From', 'date'),
      field('to', 'To', 'date'),
    ),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Filter'), h('a', { href: '#/meetings', class: 'button' }, 'Clear')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = filterParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>)).toString();
    navigate(query === '' ? '#/meetings' : `#/meetings?${query}`);
  });
  return form;
}
