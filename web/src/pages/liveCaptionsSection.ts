import { ApiError } from '../api.js';
import type { MeetingReads } from '../api/meetingReads.js';
import { h } from '../dom.js';
import { formatTime } from '../format.js';
import type { SavedLiveCaptions } from '../types.js';
import { errorView } from './common.js';

/**
 * The captions people saw during the call, when the relay saved them beside the recording:
 * folded away, and labelled rough — the transcript is the record. Removes itself when the
 * meeting has none (most meetings: a recording uploaded after the fact never had a live room).
 */
export function liveCaptionsSection(reads: MeetingReads): HTMLElement {
  const body = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));
  const section = h(
    'section',
    { class: 'card live-captions-saved', 'aria-labelledby': 'live-saved-heading' },
    h('details', {}, h('summary', {}, h('h2', { id: 'live-saved-heading' }, 'Live captions from the call')), body),
  );
  reads.liveCaptions().then(
    (saved) => body.replaceChildren(...savedLines(saved)),
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) section.remove();
      else body.replaceChildren(errorView(error));
    },
  );
  return section;
}

function savedLines(saved: SavedLiveCaptions): HTMLElement[] {
  const lines = saved.events.flatMap((event) => {
    if (event.type === 'gap') return [h('li', { class: 'live-gap' }, `${event.participant}: captions lost for a moment (${event.reason})`)];
    if (event.type !== 'caption' || event.kind !== 'final') return [];
    const label = event.track === 'translation' ? `${event.participant} [${event.language ?? ''}]` : event.participant;
    return [h('li', { class: event.track === 'translation' ? 'live-line translation' : 'live-line' }, h('span', { class: 'time' }, formatTime(event.startMs)), ' ', h('strong', {}, label), ': ', event.text)];
  });
  return [
    h('p', { class: 'hint' }, `As shown live in room ${saved.room} — fast and rough; the transcript is the record. Times are into each participant's own stream.`),
    lines.length === 0 ? h('p', { class: 'hint' }, 'No final captions were saved.') : h('ol', { class: 'live-saved' }, lines),
  ];
}
