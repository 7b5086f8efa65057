import { describe, expect, it } from 'vitest';
import { dedupeActionItems } from '../../../../lib/domain/understanding/actionItems/dedupeActionItems.js';

const item = (text: string, utteranceId: string, extra: { owner?: string; dueDate?: string } = {}) => ({
  text,
  owner: extra.owner ?? null,
  dueDate: extra.dueDate ?? null,
  dueText: extra.dueDate === undefined ? null : 'by then',
  utteranceIds: [utteranceId],
  startMs: 0,
});

describe('dedupeActionItems', () => {
  it('merges near-identical items into the first, filling in owner and due date', () => {
    const merged = dedupeActionItems([
      item('Send the budget spreadsheet to the team.', 'u1'),
      item('I will send the budget spreadsheet to the team by Monday.', 'u5', { owner: 'Alice', dueDate: '2024-03-18' }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ text: 'Send the budget spreadsheet to the team.', owner: 'Alice', dueDate: '2024-03-18', utteranceIds: ['u1', 'u5'] });
  });

  it('keeps different items apart', () => {
    expect(dedupeActionItems([item('Send the budget spreadsheet.', 'u1'), item('Book the usability lab.', 'u2')])).toHaveLength(2);
  });
});
