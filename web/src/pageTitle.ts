const APP = 'aftercall';

/** The tab's title: "Weekly sync — aftercall", so a tab, a bookmark and the history say which page it is. */
export function setPageTitle(page: string | null): void {
  document.title = page === null || page === '' ? APP : `${page} — ${APP}`;
}
