import { clearSettings, loadSettings, useShareToken } from './api.js';
import { h } from './dom.js';
import type { Page } from './pages/common.js';
import { meetingListPage } from './pages/meetingList.js';
import { meetingPage } from './pages/meetingPage.js';
import { sharedMeetingPage } from './pages/sharedMeetingPage.js';
import { searchPage } from './pages/searchPage.js';
import { signInPage } from './pages/signIn.js';
import { livePage } from './live/livePage.js';
import { navigate, parseRoute, type Route, type RouteName } from './router.js';
import { setPageTitle } from './pageTitle.js';
import { signInHref } from './signInReturn.js';

const PAGES: Record<RouteName, (main: HTMLElement, route: Route) => Page> = {
  signin: signInPage,
  meetings: meetingListPage,
  meeting: meetingPage,
  search: searchPage,
  live: livePage,
  shared: sharedMeetingPage,
};

const PAGE_TITLES: Record<RouteName, string> = { signin: 'Sign in', meetings: 'Meetings', meeting: 'Meeting', search: 'Search', live: 'Live captions', shared: 'Shared meeting' };

let current: Page | null = null;

function render(): void {
  const main = document.getElementById('main');
  if (main === null) return;
  const route = parseRoute(location.hash);
  if (route === null) return navigate('#/meetings');
  // A share token is used only on its own page; anywhere else the stored key (or none) is.
  useShareToken(route.name === 'shared' ? route.id : null);
  // A deep link (a CRM task's meeting URL) opened before sign-in is where sign-in returns to.
  if (route.name !== 'signin' && route.name !== 'shared' && loadSettings() === null) return navigate(signInHref(location.hash));

  current?.cleanup?.();
  main.replaceChildren();
  renderNav(route);
  // Pages with a name of their own (a meeting's title) replace it once they know it.
  setPageTitle(PAGE_TITLES[route.name]);
  current = PAGES[route.name](main, route);
  main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function renderNav(route: Route): void {
  const nav = document.getElementById('nav');
  if (nav === null) return;
  // A shared meeting's page links to nothing else: no menu, and the brand is not a link.
  const brand = document.querySelector('.brand');
  if (route.name === 'shared') {
    brand?.removeAttribute('href');
    nav.replaceChildren();
    return;
  }
  brand?.setAttribute('href', '#/meetings');
  const signedIn = loadSettings() !== null;
  const link = (href: string, label: string, active: boolean) =>
    h('li', {}, h('a', { href, 'aria-current': active ? 'page' : false }, label));
  nav.replaceChildren(
    ...(signedIn
      ? [
          link('#/meetings', 'Meetings', route.name === 'meetings' || route.name === 'meeting'),
          link('#/search', 'Search', route.name === 'search'),
          link('#/live', 'Live', route.name === 'live'),
          h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: signOut }, 'Sign out')),
        ]
      : [link('#/signin', 'Sign in', true)]),
  );
}

function signOut(): void {
  clearSettings();
  navigate('#/signin');
}

// The skip link targets #main, which would otherwise be read as a route.
document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});

window.addEventListener('hashchange', render);
render();
