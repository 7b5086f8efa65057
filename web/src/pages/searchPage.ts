import { answer, api } from '../api/client.js';
import { h, liveStatus } from '../dom.js';
import { formatTime, KIND_LABELS } from '../format.js';
import { meetingHref, navigate, searchHref, type Route } from '../router.js';
import type { HitKind, MeetingSummary, SearchHit, SearchQuery } from '../types.js';
import { askPanel } from './askPanel.js';
import { markBusy, searchResultsSkeleton, showLoading } from '../skeleton.js';
import { errorView, markedText, pageHeading, type Page } from './common.js';
import { linkNameSuffixes, meetingTitleLink } from './meetingTitleLink.js';

const TEXT_FILTERS = ['speaker', 'from', 'to'] as const;
const isHitKind = (kind: string): kind is HitKind => Object.hasOwn(KIND_LABELS, kind);

/** Archive search: the query lives in the URL, so a search can be shared and Back works. */
export function searchPage(main: HTMLElement, route: Route): Page {
  const value = (name: string) => route.params.get(name) ?? '';
  const field = (id: string, label: string, control: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const query = h('input', { id: 'search-q', name: 'q', type: 'search', value: value('q'), required: true, autocomplete: 'off' });
  const kind = h(
    'select',
    { id: 'search-kind', name: 'kind' },
    h('option', { value: '' }, 'Everything'),
    Object.entries(KIND_LABELS).map(([code, label]) => h('option', { value: code, selected: value('kind') === code }, label)),
  );
  const speaker = h('input', { id: 'search-speaker', name: 'speaker', type: 'text', value: value('speaker'), autocomplete: 'off' });
  const from = h('input', { id: 'search-from', name: 'from', type: 'date', value: value('from') });
  const to = h('input', { id: 'search-to', name: 'to', type: 'date', value: value('to') });

  const form = h(
    'form',
    { class: 'card form search-form', role: 'search' },
    field('search-q', 'Search the archive', query),
    h('div', { class: 'filters' }, field('search-kind', 'Kind', kind), field('search-speaker', 'Speaker', speaker), field('search-from', 'From', from), field('search-to', 'To', to)),
    h('button', { type: 'submit', class: 'primary' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, input] of [['q', query], ['kind', kind], ['speaker', speaker], ['from', from], ['to', to]] as const) {
      if (input.value.trim() !== '') params.set(name, input.value.trim());
    }
    navigate(searchHref(params));
  });

  const status = liveStatus();
  const results = h('div', { class: 'search-results' });
  main.append(pageHeading('Search'), form, status, results, askPanel());

  let stopped = false;
  if (value('q').trim() !== '') {
    const query: SearchQuery = { q: value('q'), limit: 50 };
    for (const name of TEXT_FILTERS) if (value(name) !== '') query[name] = value(name);
    // A kind the archive does not have (a hand-edited link) searches everything.
    const kind = value('kind');
    if (isHitKind(kind)) query.kind = kind;
    showLoading(status, 'Searching…');
    results.replaceChildren(...searchResultsSkeleton());
    const loaded = markBusy(results);
    Promise.all([answer(api().GET('/search', { params: { query } })), meetingTitles()]).then(
      ([{ hits }, titles]) => {
        if (stopped) return;
        status.textContent = hits.length === 0 ? 'No matches.' : `${hits.length} match${hits.length === 1 ? '' : 'es'}.`;
        loaded();
        const groups = groupByMeeting(hits);
        // Two groups under one title ("Weekly sync") are named apart by when each was recorded.
        const suffixes = linkNameSuffixes(groups.flatMap(([meetingId]) => titles.get(meetingId) ?? []));
        results.replaceChildren(...groups.map(([meetingId, group]) => meetingGroup(meetingId, titles.get(meetingId) ?? null, suffixes.get(meetingId), group)));
      },
      (error: unknown) => {
        if (stopped) return;
        status.textContent = '';
        loaded();
        results.replaceChildren(errorView(error));
      },
    );
  }
  return { cleanup: () => (stopped = true) };
}

/** The meetings for the group headings (the newest 100), by id; ids will do for the rest. */
async function meetingTitles(): Promise<Map<string, MeetingSummary>> {
  try {
    const { meetings } = await answer(api().GET('/meetings', { params: { query: { limit: 100 } } }));
    return new Map(meetings.map((meeting) => [meeting.meetingId, meeting]));
  } catch {
    return new Map();
  }
}

/** Meetings in the order of their best hit; hits within one stay best first. */
function groupByMeeting(hits: SearchHit[]): [string, SearchHit[]][] {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) groups.set(hit.meetingId, [...(groups.get(hit.meetingId) ?? []), hit]);
  return [...groups];
}

function meetingGroup(meetingId: string, meeting: MeetingSummary | null, nameSuffix: string | undefined, hits: SearchHit[]): HTMLElement {
  const headingId = `hits-${meetingId}`;
  return h(
    'section',
    { class: 'card hit-group', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, meeting === null ? h('a', { href: meetingHref(meetingId) }, meetingId) : meetingTitleLink(meeting, nameSuffix)),
    h(
      'ul',
      { class: 'hits' },
      hits.map((hit) =>
        h(
          'li',
          {},
          h(
            'a',
            { class: 'hit', href: meetingHref(meetingId, hit.startMs) },
            h('span', { class: 'hit-meta' }, formatTime(hit.startMs), ' · ', KIND_LABELS[hit.kind] ?? hit.kind, hit.speaker === null ? null : ` · ${hit.speaker}`),
            h('span', { class: 'snippet' }, markedText(hit.snippet)),
          ),
        ),
      ),
    ),
  );
}
