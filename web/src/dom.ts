/**
 * The one way the UI makes DOM: text always goes in as text nodes, so nothing the API returns
 * (titles, transcripts, snippets) can become markup. There is no innerHTML anywhere.
 */
export type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A status line screen readers announce without moving focus. */
export function liveStatus(text = ''): HTMLParagraphElement {
  return h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, text);
}

export function errorBox(message: string): HTMLParagraphElement {
  return h('p', { class: 'error', role: 'alert' }, message);
}
