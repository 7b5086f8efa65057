import { apiFetch, download } from '../api.js';
import { h, liveStatus } from '../dom.js';
import { errorView } from './common.js';

/**
 * Export: the notes (summary, decisions, action items, chapters; the transcript if ticked) as a
 * Markdown or PDF download, or copied as Markdown to paste into a doc, a ticket or a chat.
 */
export function exportPanel(base: string, title: string): HTMLElement {
  const status = liveStatus();
  const withTranscript = h('input', { id: 'export-transcript', type: 'checkbox' });
  const fileBase = `${title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'meeting'}-notes`;
  const path = (format: 'md' | 'pdf') => `${base}/export?format=${format}&transcript=${withTranscript.checked}`;
  const failed = (error: unknown) => status.replaceChildren(errorView(error));

  const save = (format: 'md' | 'pdf') => () => {
    status.textContent = 'Preparing the file…';
    download(path(format), `${fileBase}.${format}`).then(() => (status.textContent = ''), failed);
  };
  const copy = () => {
    status.textContent = 'Copying…';
    apiFetch(path('md'))
      .then((response) => response.text())
      .then((markdown) => navigator.clipboard.writeText(markdown))
      .then(() => (status.textContent = 'Copied the notes as Markdown.'), failed);
  };

  return h(
    'section',
    { class: 'card export', 'aria-labelledby': 'export-heading' },
    h('h2', { id: 'export-heading' }, 'Export the notes'),
    h('div', { class: 'field inline' }, withTranscript, h('label', { for: 'export-transcript' }, 'Include the transcript')),
    h(
      'div',
      { class: 'buttons export-buttons' },
      h('button', { type: 'button', onclick: copy }, 'Copy as Markdown'),
      h('button', { type: 'button', onclick: save('md') }, 'Download Markdown'),
      h('button', { type: 'button', onclick: save('pdf') }, 'Download PDF'),
    ),
    status,
  );
}
