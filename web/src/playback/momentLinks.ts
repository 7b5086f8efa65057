import { parseRoute } from '../router.js';

/**
 * Links to a moment of this very meeting (the Ask card's citations) play it here, instead of
 * loading the page again (which would lose the answer being read). Others navigate as usual.
 */
export function momentLinksPlayHere(root: HTMLElement, meetingId: string, playAt: (ms: number, href: string) => void): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#/meetings/"]') : null;
    const href = link?.getAttribute('href');
    if (href === null || href === undefined) return;
    const route = parseRoute(href);
    const at = Number(route?.params.get('t'));
    if (route?.name !== 'meeting' || route.id !== meetingId || !route.params.has('t') || !Number.isFinite(at)) return;
    event.preventDefault();
    playAt(at, href);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
