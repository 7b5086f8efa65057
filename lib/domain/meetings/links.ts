/** Paths of the web UI's meeting page, relative to the app (which redirects them to the page): kept for receivers of older events. */
export const meetingPath = (meetingId: string): string => `/meetings/${meetingId}`;

/** The moment something was said, for a link that opens the meeting there. */
export const momentPath = (meetingId: string, startMs: number): string => `${meetingPath(meetingId)}?t=${startMs}`;

/**
 * Absolute links to a meeting and to a moment in it, for anything read away from the web UI
 * (CRM events, exports, API responses). The page is addressed by its hash route, so the link
 * opens on any static host without rewrite rules; a reader who is not signed in signs in first
 * and lands on the same page.
 */
export interface MeetingLinks {
  meeting(meetingId: string): string;
  moment(meetingId: string, startMs: number): string;
}

/**
 * Links under the web UI's public base URL (AFTERCALL_WEB_URL, else AFTERCALL_PUBLIC_URL, else the
 * local server's own address). Read on every call: the local server learns its port after start.
 * With no base known, links are relative to the app's origin.
 */
export function meetingLinks(baseUrl: string | null | (() => string | null)): MeetingLinks {
  const base = () => (typeof baseUrl === 'function' ? baseUrl() : baseUrl)?.replace(/\/+$/, '') ?? null;
  const page = (root: string, meetingId: string) => `${root}/#/meetings/${encodeURIComponent(meetingId)}`;
  return {
    meeting: (meetingId) => {
      const root = base();
      return root === null ? meetingPath(meetingId) : page(root, meetingId);
    },
    moment: (meetingId, startMs) => {
      const root = base();
      const at = Math.max(0, Math.round(startMs));
      return root === null ? momentPath(meetingId, at) : `${page(root, meetingId)}?t=${at}`;
    },
  };
}

/** Where nothing configured a base URL: the app-relative paths of older events (the app redirects them to the page). */
export const RELATIVE_LINKS: MeetingLinks = meetingLinks(null);
