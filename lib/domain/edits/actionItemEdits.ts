import type { ActionItem } from '../understanding/schema.js';
import type { ActionItemChanges, ActionItemEdit, EditedActionItem } from './editsSchema.js';

/** An action item as people see it: generated, then changed by whoever ticked or corrected it. */
export type { EditedActionItem };

const shared = (a: readonly string[], b: readonly string[]): number => a.filter((id) => b.includes(id)).length;

/**
 * Which generated item each edit belongs to (edit id → item index, or null when none does). A
 * rerun of Understand numbers its items afresh, so an edit binds to the item citing the most of
 * the utterances its own item cited (ties: the same id, then the same text, then the first);
 * an item that cites none of them is another item. Newer edits choose first, one edit per item.
 */
export function bindActionItemEdits(items: readonly ActionItem[], edits: readonly ActionItemEdit[]): Map<string, number | null> {
  const bound = new Map<string, number | null>();
  const taken = new Set<number>();
  const newestFirst = [...edits].sort((a, b) => b.editedAt.localeCompare(a.editedAt) || b.id.localeCompare(a.id));
  for (const edit of newestFirst) {
    let best: { index: number; rank: number[] } | null = null;
    for (const [index, item] of items.entries()) {
      const overlap = shared(edit.anchor.utteranceIds, item.utteranceIds);
      if (taken.has(index) || overlap === 0) continue;
      const rank = [overlap, item.id === edit.anchor.itemId ? 1 : 0, item.text === edit.anchor.text ? 1 : 0];
      if (best === null || outranks(rank, best.rank)) best = { index, rank };
    }
    if (best !== null) taken.add(best.index);
    bound.set(edit.id, best?.index ?? null);
  }
  return bound;
}

/** Compared field by field: the first that differs decides; equal ranks keep the earlier item. */
const outranks = (candidate: number[], current: number[]): boolean => {
  const at = candidate.findIndex((value, i) => value !== current[i]);
  return at >= 0 && candidate[at]! > current[at]!;
};

/** The fields these changes set, in a fixed order (for the audit log and the CRM event). */
export const changedFields = (changes: ActionItemChanges): string[] => (['done', 'text', 'owner', 'dueDate'] as const).filter((field) => changes[field] !== undefined);

function applyChanges(item: ActionItem, edit: ActionItemEdit): EditedActionItem {
  const { changes } = edit;
  const owner = changes.owner === undefined ? item.owner : changes.owner;
  const { ownerKind: _kind, ...rest } = item;
  // A person's owner is a person; cleared, nobody in particular. Untouched, the generated kind stays.
  const ownerKind = changes.owner === undefined ? item.ownerKind : changes.owner === null ? undefined : 'person';
  return {
    ...rest,
    ...(ownerKind === undefined ? {} : { ownerKind }),
    text: changes.text ?? item.text,
    owner,
    // A date set by a person replaces the words that said when.
    dueDate: changes.dueDate === undefined ? item.dueDate : changes.dueDate,
    dueText: changes.dueDate === undefined ? item.dueText : null,
    done: changes.done ?? false,
    edit: { id: edit.id, version: edit.version, editedAt: edit.editedAt, editedBy: edit.editedBy, fields: changedFields(changes) },
  };
}

/** The generated items with people's edits laid over them; edits whose item a rerun dropped come last, marked detached. */
export function applyActionItemEdits(items: readonly ActionItem[], edits: readonly ActionItemEdit[]): EditedActionItem[] {
  const bound = bindActionItemEdits(items, edits);
  const editOf = new Map<number, ActionItemEdit>();
  for (const edit of edits) {
    const index = bound.get(edit.id);
    if (index !== undefined && index !== null) editOf.set(index, edit);
  }
  const shown = items.map((item, index): EditedActionItem => {
    const edit = editOf.get(index);
    return edit === undefined ? { ...item, done: false, edit: null } : applyChanges(item, edit);
  });
  const detached = edits
    .filter((edit) => bound.get(edit.id) === null)
    .map((edit): EditedActionItem => ({
      ...applyChanges(
        { id: edit.id, text: edit.anchor.text, owner: null, dueDate: null, dueText: null, utteranceIds: edit.anchor.utteranceIds, startMs: edit.anchor.startMs },
        edit,
      ),
      detached: true,
    }));
  return [...shown, ...detached];
}
