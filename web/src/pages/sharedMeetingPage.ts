import { sharedReads } from '../api/meetingReads.js';
import type { Route } from '../router.js';
import { sharedHref } from '../router.js';
import type { Page } from './common.js';
import { meetingPage } from './meetingPage.js';

/**
 * A meeting opened through a share link (#/shared/<token>): the meeting page, read-only, from the
 * /api/shared routes with the token in the Authorization header. Nothing else is reachable.
 */
export function sharedMeetingPage(main: HTMLElement, route: Route): Page {
  return meetingPage(main, route, {
    reads: sharedReads(),
    hrefAt: (ms) => sharedHref(route.id, ms),
    shared: true,
  });
}
