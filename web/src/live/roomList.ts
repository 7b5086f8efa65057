import { h } from '../dom.js';
import type { Timeline } from './liveCaptions.js';

import type { ActiveRoom } from '../types.js';

const roomHref = (name: string) => `#/live?${new URLSearchParams({ room: name }).toString()}`;

/**
 * The rooms in progress, agreeing with the captions on the page: the relay lists a room only
 * while someone streams into it, so the room being watched is added from its own captions
 * (who is still in it, or that everyone has left) rather than called "no call" beside them.
 */
export function roomListItems(rooms: readonly ActiveRoom[], shown: string, timeline: Timeline): HTMLLIElement[] {
  const items = rooms.map((room) =>
    h('li', {}, h('a', { href: roomHref(room.name), 'aria-current': room.name === shown ? 'page' : false }, room.name), ` — ${room.speakers.join(', ')}`),
  );
  const seen = shown !== '' && timeline.present.size > 0;
  if (seen && !rooms.some((room) => room.name === shown)) {
    const here = [...timeline.present].filter(([, present]) => present).map(([participant]) => participant);
    items.unshift(h('li', {}, h('a', { href: roomHref(shown), 'aria-current': 'page' }, shown), here.length > 0 ? ` — ${here.join(', ')}` : ' — everyone has left; its captions are below'));
  }
  if (items.length === 0) items.push(h('li', {}, shown === '' ? 'No call is being captioned right now.' : 'No call is being captioned right now; captions of this room appear below when someone speaks.'));
  return items;
}
