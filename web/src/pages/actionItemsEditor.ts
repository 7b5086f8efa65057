import { h, liveStatus, type Child } from '../dom.js';
import { formatTime } from '../format.js';
import { answer, api } from '../api/client.js';
import type { ActionItem, ActionItemEdit } from '../types.js';
import { messageOf } from './editing.js';

/** An action item as the API shows it, with people's edits laid over it (done, edit, detached). */
export type EditedActionItem = ActionItem;

type SeekLink = (ms: number, attrs: Record<string, string>, ...children: Child[]) => HTMLAnchorElement;

const ownerText = (item: EditedActionItem) => item.owner ?? (item.ownerKind === 'group' ? 'everyone' : 'unassigned');
const editorOf = (item: EditedActionItem) => {
  const by = item.edit?.editedBy;
  return by?.type === 'apiKey' ? `key ${by.keyId}` : by !== undefined && 'name' in by ? by.name : 'someone';
};

/**
 * The action items card. With `canEdit`, each item has a "done" checkbox and an Edit button that
 * opens its text, owner and due date in place; each save quotes the version it was shown, so a
 * change someone made meanwhile is reported instead of overwritten.
 */
export function actionItemsEditor(meetingId: string, items: EditedActionItem[] | null, seekLink: SeekLink, canEdit: boolean): HTMLElement {
  const status = liveStatus();
  const save = async (item: EditedActionItem, changes: Omit<ActionItemEdit, 'version'>): Promise<EditedActionItem | null> => {
    status.textContent = 'Saving…';
    try {
      const { actionItem } = await answer(
        api().PATCH('/meetings/{id}/action-items/{itemId}', { params: { path: { id: meetingId, itemId: item.id } }, body: { version: item.edit?.version ?? 0, ...changes } }),
      );
      status.textContent = 'Saved.';
      return actionItem;
    } catch (error) {
      status.textContent = `Not saved: ${messageOf(error)}`;
      return null;
    }
  };

  const row = (item: EditedActionItem): HTMLLIElement => {
    const li = h('li', { class: item.done ? 'action-item done' : 'action-item', 'data-item-id': item.id });
    const replace = (next: EditedActionItem) => li.replaceWith(row(next));
    const checkbox = canEdit
      ? h('input', {
          type: 'checkbox',
          class: 'action-done',
          id: `done-${item.id}`,
          'aria-label': `Done: ${item.text}`,
          onchange: async (event: Event) => {
            const box = event.target as HTMLInputElement;
            box.disabled = true;
            const next = await save(item, { done: box.checked });
            if (next === null) {
              box.checked = !box.checked;
              box.disabled = false;
            } else replace(next);
          },
        })
      : null;
    if (checkbox !== null) checkbox.checked = item.done === true;
    const edited = item.edit ? h('span', { class: 'edited' }, ` · edited by ${editorOf(item)}, ${new Date(item.edit.editedAt).toLocaleString()}`) : null;
    const editButton = canEdit
      ? h('button', { type: 'button', class: 'edit-item', 'aria-label': `Edit action item: ${item.text}`, onclick: () => li.replaceChildren(form(item, li, replace)) }, 'Edit')
      : null;
    li.append(
      h(
        'div',
        { class: 'action-line' },
        checkbox,
        seekLink(item.startMs, { class: 'action-link' }, h('span', { class: 'time' }, formatTime(item.startMs)), ' ', item.text),
      ),
      h(
        'p',
        { class: 'meta' },
        h('span', {}, 'Owner: ', ownerText(item)),
        ' · ',
        h('span', {}, 'Due: ', item.dueDate === null ? (item.dueText ?? 'no date') : h('time', { datetime: item.dueDate }, item.dueDate), item.dueDate !== null && item.dueText ? ` (“${item.dueText}”)` : null),
        item.done ? ' ' : null,
        item.done ? h('span', { class: 'badge badge-done' }, 'done') : null,
        item.detached ? h('span', { class: 'hint' }, ' · kept from an earlier run') : null,
        edited,
        editButton === null ? null : ' ',
        editButton,
      ),
    );
    return li;
  };

  const form = (item: EditedActionItem, li: HTMLLIElement, replace: (next: EditedActionItem) => void): HTMLFormElement => {
    const id = `edit-${item.id}`;
    const text = h('input', { id: `${id}-text`, type: 'text', maxlength: 500, required: true, value: item.text });
    const owner = h('input', { id: `${id}-owner`, type: 'text', maxlength: 80, value: item.owner ?? '', placeholder: 'nobody in particular' });
    const due = h('input', { id: `${id}-due`, type: 'date', value: item.dueDate ?? '' });
    const cancel = () => li.replaceWith(row(item));
    const element = h(
      'form',
      {
        class: 'edit-form',
        'aria-label': `Edit action item: ${item.text}`,
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const changes: Omit<ActionItemEdit, 'version'> = {};
          if (text.value.trim() !== item.text) changes.text = text.value.trim();
          const newOwner = owner.value.trim() === '' ? null : owner.value.trim();
          if (newOwner !== item.owner) changes.owner = newOwner;
          const newDue = due.value === '' ? null : due.value;
          if (newDue !== item.dueDate) changes.dueDate = newDue;
          if (Object.keys(changes).length === 0) return cancel();
          const next = await save(item, changes);
          if (next !== null) replace(next);
        },
      },
      h('div', { class: 'field' }, h('label', { for: text.id }, 'Action item'), text),
      h('div', { class: 'field' }, h('label', { for: owner.id }, 'Owner'), owner),
      h('div', { class: 'field' }, h('label', { for: due.id }, 'Due date'), due),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Save'), h('button', { type: 'button', onclick: cancel }, 'Cancel')),
    );
    queueMicrotask(() => text.focus());
    return element;
  };

  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'actions-heading' },
    h('h2', { id: 'actions-heading' }, 'Action items'),
    items === null || items.length === 0 ? h('p', { class: 'hint' }, 'No action items.') : h('ul', { class: 'action-items' }, items.map(row)),
    status,
  );
}
