import { h } from '../dom.js';
import { formatDate } from '../format.js';
import { meetingHref } from '../router.js';
import type { MeetingSummary } from '../types.js';

const withSeconds = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The first way of saying each one's moment that tells all of them apart. */
function distinctMoments(group: readonly MeetingSummary[]): string[] {
  for (const say of [formatDate, withSeconds]) {
    const said = group.map((meeting) => `(recorded ${say(meeting.recordedAt)})`);
    if (new Set(said).size === said.length) return said;
  }
  return group.map((meeting, index) => `(recorded ${withSeconds(meeting.recordedAt)}, ${index + 1} of ${group.length})`);
}

/**
 * For meetings that share their title with another on the list: what tells each apart (its
 * meetingId → " (recorded 29 Nov 2026, 14:05)"; the leading space keeps the name readable whether or not the browser adds one around the hidden text). Meetings with a title of their own are not in it.
 */
export function linkNameSuffixes(meetings: readonly MeetingSummary[]): Map<string, string> {
  const byTitle = new Map<string, MeetingSummary[]>();
  for (const meeting of meetings) byTitle.set(meeting.title, [...(byTitle.get(meeting.title) ?? []), meeting]);
  const suffixes = new Map<string, string>();
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    distinctMoments(group).forEach((moment, index) => suffixes.set(group[index]?.meetingId ?? '', ` ${moment}`));
  }
  return suffixes;
}

/**
 * A link to the meeting named by its title. Where another row has the same title ("Project"), the
 * link's name also says when it was recorded, so a screen reader's list of links tells them apart
 * (on screen the date is beside it already).
 */
export function meetingTitleLink(meeting: MeetingSummary, suffix: string | undefined): HTMLAnchorElement {
  return h('a', { href: meetingHref(meeting.meetingId) }, meeting.title, suffix === undefined ? null : h('span', { class: 'visually-hidden' }, suffix));
}
