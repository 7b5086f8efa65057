import { describe, expect, it } from 'vitest';
import { findDueDate } from '../../../../lib/domain/understanding/actionItems/findDueDate.js';

// Wednesday 13 March 2024.
const meetingDate = new Date(2024, 2, 13, 10, 0);

describe('findDueDate', () => {
  it('resolves weekdays forward from the meeting and keeps the lead-in word', () => {
    expect(findDueDate('send it by Friday', meetingDate)).toEqual({ date: '2024-03-15', text: 'by Friday' });
    expect(findDueDate('before Monday please', meetingDate)).toEqual({ date: '2024-03-18', text: 'before Monday' });
  });

  it('resolves relative days and weeks', () => {
    expect(findDueDate('tomorrow', meetingDate)?.date).toBe('2024-03-14');
    expect(findDueDate('in two weeks', meetingDate)?.date).toBe('2024-03-27');
    expect(findDueDate('by the end of the month', meetingDate)).toEqual({ date: '2024-03-31', text: 'by the end of the month' });
  });

  it('reads "end of the week" as its Friday', () => {
    expect(findDueDate('by the end of the week', meetingDate)).toEqual({ date: '2024-03-15', text: 'by the end of the week' });
    expect(findDueDate('by end of next week', meetingDate)?.date).toBe('2024-03-22');
  });

  it('ignores durations, clock times and idioms', () => {
    for (const text of ['it takes twenty five minutes', 'at 5 pm', 'at the end of the day it works', 'twice a day', 'right now']) {
      expect(findDueDate(text, meetingDate), text).toBeNull();
    }
  });
});
