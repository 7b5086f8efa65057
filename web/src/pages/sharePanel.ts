import { ApiError } from '../api.js';
import { answer, api } from '../api/client.js';
import { h, liveStatus } from '../dom.js';
import { formatDate } from '../format.js';
import { keyRole } from '../keyRole.js';
import type { CreatedLink, ShareLink } from '../types.js';
import { errorView } from './common.js';

const EXPIRIES = [
  [1, '1 day'],
  [7, '7 days'],
  [30, '30 days'],
  [90, '90 days'],
] as const;

/** The page a link opens, on this origin: the token stays in the #fragment, which no server sees. */
export const sharedUrl = (path: string): string => new URL(path, location.href).href;

/**
 * For admins: make a read-only link to this meeting (expiring), see its links, revoke one. Only
 * admins may list links: for any other key the card is not shown and the list is never asked for.
 */
export function sharePanel(meetingId: string): HTMLElement {
  const section = h('section', { class: 'card share', 'aria-labelledby': 'share-heading', hidden: true }, h('h2', { id: 'share-heading' }, 'Share'));
  const status = liveStatus();
  const made = h('div', { class: 'share-made' });
  const list = h('div', { class: 'share-links' });
  const expiry = h('select', { id: 'share-expiry' }, EXPIRIES.map(([days, label]) => h('option', { value: days, selected: days === 7 }, label)));

  const refresh = async () => {
    const { links } = await answer(api().GET('/share-links', { params: { query: { meetingId } } }));
    list.replaceChildren(...linkList(links, revoke));
  };
  const revoke = (link: ShareLink) => {
    status.textContent = 'Revoking…';
    answer(api().DELETE('/share-links/{linkId}', { params: { path: { linkId: link.linkId } } }))
      .then(refresh)
      .then(
        () => (status.textContent = 'Revoked: the link no longer opens the meeting.'),
        (error: unknown) => status.replaceChildren(errorView(error)),
      );
  };

  const form = h(
    'form',
    { class: 'form share-form' },
    h('p', { class: 'hint' }, 'A read-only link to this meeting for someone without a key: its notes, transcript and recording, nothing else.'),
    h('div', { class: 'field inline' }, h('label', { for: 'share-expiry' }, 'Expires after'), expiry),
    h('button', { type: 'submit', class: 'primary' }, 'Create link'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = 'Creating the link…';
    answer(api().POST('/meetings/{id}/share-links', { params: { path: { id: meetingId } }, body: { expiresInDays: Number(expiry.value) } }))
      .then(async (created) => {
        made.replaceChildren(madeLink(created));
        status.textContent = `Link created; it expires ${formatDate(created.link.expiresAt)}.`;
        await refresh();
      })
      .catch((error: unknown) => {
        status.textContent = '';
        made.replaceChildren(errorView(error));
      });
  });

  section.append(form, status, made, list);
  const shown = async () => {
    if ((await keyRole()) !== 'admin') return section.remove();
    await refresh();
    section.hidden = false;
  };
  shown().catch((error: unknown) => {
    // The role changed since it was asked (a 403): no card. Anything else is worth saying.
    if (error instanceof ApiError && error.status === 403) section.remove();
    else {
      section.hidden = false;
      list.replaceChildren(errorView(error));
    }
  });
  return section;
}

function madeLink(created: CreatedLink): HTMLElement {
  const url = sharedUrl(created.path);
  const copyStatus = liveStatus();
  const field = h('input', { id: 'share-url', type: 'text', readonly: true, value: url });
  const copy = h('button', { type: 'button' }, 'Copy link');
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(url).then(
      () => (copyStatus.textContent = 'Copied.'),
      () => {
        field.select();
        copyStatus.textContent = 'Select the link and copy it (the browser refused the clipboard).';
      },
    );
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: 'share-url' }, 'The link (shown once: copy it now)'),
    h('div', { class: 'share-copy' }, field, copy),
    copyStatus,
  );
}

function linkList(links: ShareLink[], revoke: (link: ShareLink) => void): HTMLElement[] {
  if (links.length === 0) return [h('p', { class: 'hint' }, 'No links to this meeting yet.')];
  const now = Date.now();
  return [
    h('h3', { class: 'share-list-heading' }, 'Links to this meeting'),
    h(
      'ul',
      { class: 'share-list' },
      links.map((link) => {
        const state = link.revokedAt !== null ? `revoked ${formatDate(link.revokedAt)}` : Date.parse(link.expiresAt) <= now ? `expired ${formatDate(link.expiresAt)}` : `expires ${formatDate(link.expiresAt)}`;
        const active = link.revokedAt === null && Date.parse(link.expiresAt) > now;
        return h(
          'li',
          { class: 'share-link', 'data-link-id': link.linkId },
          h('span', {}, `Link ${link.linkId.slice(0, 6)}… made ${formatDate(link.createdAt)} by key ${link.createdBy}: ${state}`),
          active ? h('button', { type: 'button', class: 'revoke', 'aria-label': `Revoke link ${link.linkId.slice(0, 6)}`, onclick: () => revoke(link) }, 'Revoke') : null,
        );
      }),
    ),
  ];
}
