/**
 * Hash routes, so the UI is one index.html that any static host (S3, CloudFront) can serve
 * without rewrite rules: #/signin, #/meetings, #/meetings/<id>?t=<ms>, #/search?q=…
 */
export type RouteName = 'signin' | 'meetings' | 'meeting' | 'search' | 'live' | 'shared';

export interface Route {
  name: RouteName;
  /** The meeting id, for the meeting page; the share token, for a shared meeting. */
  id: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route | null {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter((part) => part !== '');
  if (parts.length === 0) return { name: 'meetings', id: '', params };
  if (parts.length === 1 && (parts[0] === 'signin' || parts[0] === 'meetings' || parts[0] === 'search' || parts[0] === 'live')) return { name: parts[0], id: '', params };
  if (parts.length === 2 && parts[0] === 'shared') return { name: 'shared', id: decodeURIComponent(parts[1] ?? ''), params };
  if (parts.length === 2 && parts[0] === 'meetings') return { name: 'meeting', id: decodeURIComponent(parts[1] ?? ''), params };
  return null;
}

export const meetingHref = (meetingId: string, atMs?: number): string =>
  `#/meetings/${encodeURIComponent(meetingId)}${atMs === undefined ? '' : `?t=${Math.round(atMs)}`}`;

/** A moment of a shared meeting: the token stays in the fragment. */
export const sharedHref = (token: string, atMs?: number): string =>
  `#/shared/${encodeURIComponent(token)}${atMs === undefined ? '' : `?t=${Math.round(atMs)}`}`;

export const searchHref = (params: URLSearchParams): string => `#/search?${params.toString()}`;

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
