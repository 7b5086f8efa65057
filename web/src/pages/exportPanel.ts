import { saveFile } from '../api.js';
import type { MeetingReads } from '../api/meetingReads.js';
import { h, liveStatus } from '../dom.js';
import { errorView } from './common.js';

/**
 * Export: the notes (summary, decisions, action items, chapters; the transcript if ticked) as a
 * Markdown or PDF download, or copied as Markdown to paste into a doc, a ticket or a chat.
 */
export function exportPanel(reads: MeetingReads, title: string): HTMLElement {
  const status = liveStatus();
  const withTranscript = h('input', { id: 'export-transcript', type: 'checkbox' });
  const fileBase = `${title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'meeting'}-notes`;
  const failed = (error: unknown) => status.replaceChildren(errorView(error));

  const save = (format: 'md' | 'pdf') => () => {
    status.textContent = 'Preparing the file…';
    reads.notes(format, withTranscript.checked).then((file) => {
      saveFile(file, `${fileBase}.${format}`);
      status.textContent = '';
    }, failed);
  };
  const copy = () => {
    status.textContent = 'Copying…';
    reads
      .notes('md', withTranscript.checked)
      .then((file) => file.text())
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
