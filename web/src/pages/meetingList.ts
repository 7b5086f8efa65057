import { answer, api } from '../api/client.js';
import { h, liveStatus } from '../dom.js';
import { formatDate } from '../format.js';
import type { Route } from '../router.js';
import { setPageTitle } from '../pageTitle.js';
import { filterParams, meetingFilters, type FilterName } from './meetingFilters.js';
import { identityFacts, summaryPreview } from './meetingIdentity.js';
import { linkNameSuffixes, meetingTitleLink } from './meetingTitleLink.js';
import { progressLine } from './readyEstimate.js';
import { markBusy, meetingListSkeleton, showLoading } from '../skeleton.js';
import type { MeetingSummary } from '../types.js';
import { degradedLine, errorView, failureLine, pageHeading, stateBadges, type Page } from './common.js';

const REFRESH_MS = 3_000;
const PAGE_SIZE = 50;

/** Every meeting with its state; refreshes itself while any is still processing. */
export function meetingListPage(main: HTMLElement, route: Route): Page {
  const list = h('ul', { class: 'meeting-list', 'aria-label': 'Meetings' });
  const status = liveStatus();
  showLoading(status, 'Loading meetings…');
  const more = h('button', { type: 'button', hidden: true }, 'Show more meetings');
  const filters = filterParams(route.params);
  const filtered = filters.toString() !== '';
  const filterQuery: Partial<Record<FilterName, string>> = Object.fromEntries(filters);
  setPageTitle(filtered ? 'Meetings (filtered)' : 'Meetings');
  main.append(pageHeading('Meetings'), meetingFilters(route.params), status, list, more);
  list.replaceChildren(...meetingListSkeleton());
  const loaded = markBusy(list);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let pages = 1;
  const meetingRow = (meeting: MeetingSummary, nameSuffix: string | undefined): HTMLLIElement => {
    return h(
      'li',
      { class: 'card meeting-row' },
      h('h2', { class: 'meeting-title' }, meetingTitleLink(meeting, nameSuffix)),
      h('p', { class: 'meta' }, h('time', { datetime: meeting.recordedAt }, formatDate(meeting.recordedAt)), ' ', ...stateBadges(meeting)),
      identityFacts(meeting),
      progressLine(meeting),
      summaryPreview(meeting),
      failureLine(meeting),
      meeting.degraded ? degradedLine(meeting.degradedReasons) : null,
    );
  };

  /** The first `pages` pages again: a refresh keeps what "Show more" revealed. */
  const fetchPages = async () => {
    const meetings: MeetingSummary[] = [];
    let cursor: string | null | undefined;
    for (let page = 0; page < pages; page += 1) {
      const query = { ...filterQuery, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
      const result = await answer(api().GET('/meetings', { params: { query } }));
      meetings.push(...result.meetings);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return { meetings, hasMore: Boolean(cursor) };
  };

  more.addEventListener('click', () => {
    pages += 1;
    clearTimeout(timer);
    void load();
  });

  const load = async () => {
    try {
      const { meetings, hasMore } = await fetchPages();
      if (stopped) return;
      const suffixes = linkNameSuffixes(meetings);
      list.replaceChildren(...meetings.map((meeting) => meetingRow(meeting, suffixes.get(meeting.meetingId))));
      loaded();
      more.hidden = !hasMore;
      const processing = meetings.filter((meeting) => meeting.state === 'processing').length;
      status.textContent =
        meetings.length === 0
          ? filtered
            ? 'No meeting matches these filters.'
            : 'No meetings yet. Drop a recording into the bucket to start one.'
          : processing > 0
            ? `${processing} still processing; this list refreshes itself.`
            : `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}.`;
      if (processing > 0) timer = setTimeout(() => void load(), REFRESH_MS);
    } catch (error) {
      if (stopped) return;
      status.textContent = '';
      list.replaceChildren(h('li', {}, errorView(error)));
      loaded();
    }
  };
  void load();

  return {
    cleanup: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
