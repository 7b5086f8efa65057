/**
 * Replaces what `main` shows (a page that was loading shows the meeting). Focus that was in what
 * goes away would otherwise drop to <body>; it goes to the new page heading instead, so a screen
 * reader hears where it is and Tab starts from the top of the page.
 */
export function replaceKeepingFocus(main: HTMLElement, ...children: Node[]): void {
  const hadFocus = document.activeElement !== null && main.contains(document.activeElement);
  main.replaceChildren(...children);
  if (hadFocus && !main.contains(document.activeElement)) main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}
