import { describe, expect, it } from 'vitest';
import { applyActionItemEdits } from '../../../lib/domain/edits/actionItemEdits.js';
import type { ActionItemEdit } from '../../../lib/domain/edits/editsSchema.js';
import type { ActionItem } from '../../../lib/domain/understanding/schema.js';

const item = (id: string, text: string, utteranceIds: string[], startMs = 0): ActionItem => ({ id, text, owner: 'David', dueDate: null, dueText: null, utteranceIds, startMs });
const edit = (id: string, anchor: ActionItem, changes: ActionItemEdit['changes'], editedAt = '2026-11-29T10:00:00.000Z'): ActionItemEdit => ({
  id,
  anchor: { itemId: anchor.id, text: anchor.text, utteranceIds: anchor.utteranceIds, startMs: anchor.startMs },
  changes,
  version: 1,
  editedAt,
  editedBy: { type: 'apiKey', keyId: 'k1', role: 'member' },
});

describe('laying edits over action items that a rerun regenerated', () => {
  const drawings = item('a1', 'Send the supplier the drawings', ['u8', 'u9'], 40_000);
  const lab = item('a2', 'Book the usability lab', ['u12'], 60_000);

  it('binds an edit to the item citing its utterances, though the rerun renumbered and reworded it', () => {
    const rerun = [item('a1', 'Check the budget', ['u3']), item('a2', 'Send the supplier the new drawings by Friday', ['u8'], 40_000), item('a3', lab.text, ['u12'], 60_000)];
    const shown = applyActionItemEdits(rerun, [edit('ae1', drawings, { done: true, owner: 'Laura' }), edit('ae2', lab, { text: 'Book the lab for Tuesday' })]);
    expect(shown.map((i) => [i.id, i.text, i.owner, i.done, i.edit?.id ?? null])).toEqual([
      ['a1', 'Check the budget', 'David', false, null],
      ['a2', 'Send the supplier the new drawings by Friday', 'Laura', true, 'ae1'],
      ['a3', 'Book the lab for Tuesday', 'David', false, 'ae2'],
    ]);
  });

  it('prefers the item citing the most of the edited item’s utterances, not the one at the old position', () => {
    const rerun = [item('a1', 'Something said around the same time', ['u9']), item('a2', drawings.text, ['u8', 'u9'])];
    const shown = applyActionItemEdits(rerun, [edit('ae1', drawings, { done: true })]);
    expect(shown.map((i) => i.done)).toEqual([false, true]);
  });

  it('keeps an edit whose item the rerun no longer finds, as the person left it, marked detached', () => {
    const shown = applyActionItemEdits([item('a1', 'Check the budget', ['u3'])], [edit('ae1', drawings, { done: true, dueDate: '2026-12-04' })]);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ id: 'ae1', text: drawings.text, done: true, dueDate: '2026-12-04', detached: true, utteranceIds: ['u8', 'u9'] });
  });

  it('gives one item one edit: the newer edit binds, the older is detached', () => {
    const older = edit('ae1', drawings, { owner: 'Laura' }, '2026-11-29T10:00:00.000Z');
    const newer = edit('ae2', item('a9', 'Send drawings', ['u8']), { owner: 'Maria' }, '2026-11-29T11:00:00.000Z');
    const shown = applyActionItemEdits([item('a1', drawings.text, ['u8'])], [older, newer]);
    expect(shown.map((i) => [i.id, i.owner, i.detached ?? false])).toEqual([
      ['a1', 'Maria', false],
      ['ae1', 'Laura', true],
    ]);
  });

  it('a cleared owner is nobody in particular; an untouched item is shown as generated, not done', () => {
    const shown = applyActionItemEdits([{ ...drawings, ownerKind: 'person' }, lab], [edit('ae1', drawings, { owner: null })]);
    expect(shown[0]).toMatchObject({ owner: null, done: false });
    expect(shown[0]?.ownerKind).toBeUndefined();
    expect(shown[1]).toEqual({ ...lab, done: false, edit: null });
  });
});
