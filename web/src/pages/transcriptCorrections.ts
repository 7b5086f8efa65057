import { h, liveStatus } from '../dom.js';
import type { Utterance } from '../types.js';
import { answer, api } from '../api/client.js';
import { messageOf } from './editing.js';

export interface TranscriptCorrections {
  /** The toolbar control: a toggle button and what the last save said. */
  element: HTMLElement;
  /** True while "Correct lines" is on: a click on a line opens it for correcting instead of seeking. */
  readonly active: boolean;
  open(utterance: Utterance, row: HTMLElement): void;
}

/**
 * Correcting transcript lines (admins). One toggle for the whole transcript, so the lines stay one
 * tab stop each; while it is on, choosing a line opens its text in place. Each save quotes the
 * line's version (0 as transcribed; the page counts its own saves).
 */
export function transcriptCorrections(meetingId: string): TranscriptCorrections {
  const versions = new Map<string, number>();
  const status = liveStatus();
  let active = false;
  const toggle = h('button', { type: 'button', class: 'correct-toggle', 'aria-pressed': 'false' }, 'Correct lines');
  toggle.addEventListener('click', () => {
    active = !active;
    toggle.setAttribute('aria-pressed', String(active));
    status.textContent = active ? 'Choose a line to correct it.' : '';
  });

  const open = (utterance: Utterance, row: HTMLElement) => {
    if (row.parentElement?.querySelector('.line-form') !== null && row.parentElement?.querySelector('.line-form') !== undefined) return;
    const id = `line-${utterance.id}`;
    const text = h('textarea', { id, rows: 3, maxlength: 2000, required: true }, utterance.text);
    const close = () => {
      form.remove();
      row.focus();
    };
    const form = h(
      'form',
      {
        class: 'line-form',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          status.textContent = 'Saving…';
          try {
            const saved = await answer(
              api().PATCH('/meetings/{id}/transcript/{utteranceId}', {
                params: { path: { id: meetingId, utteranceId: utterance.id } },
                body: { version: versions.get(utterance.id) ?? 0, text: text.value },
              }),
            );
            versions.set(utterance.id, saved.version);
            // The view reads the utterance's text when switching back from a translation.
            utterance.text = saved.text;
            const shown = row.querySelector('.utterance-text');
            if (shown !== null) shown.textContent = saved.text;
            status.textContent = saved.version === 0 ? 'Correction removed: the line reads as transcribed.' : 'Line corrected.';
            close();
          } catch (error) {
            status.textContent = `Not saved: ${messageOf(error)}`;
          }
        },
      },
      h('label', { for: id }, 'Corrected line'),
      text,
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Save line'), h('button', { type: 'button', onclick: close }, 'Cancel')),
    );
    row.after(form);
    text.focus();
  };

  return {
    element: h('div', { class: 'buttons corrections' }, toggle, status),
    get active() {
      return active;
    },
    open,
  };
}
