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

describe('findDueDate without a calendar day', () => {
  it('keeps deadlines tied to the next meeting as said, with no date', () => {
    expect(findDueDate("let's have it ready before the next meeting", meetingDate)).toEqual({ date: null, text: 'before the next meeting' });
    expect(findDueDate('I will check and return to the member in due course', meetingDate)).toEqual({ date: null, text: 'in due course' });
  });

  it('reads "this afternoon" and "in thirty minutes" as the meeting day', () => {
    expect(findDueDate('I was going to do that this afternoon', meetingDate)).toEqual({ date: '2024-03-13', text: 'this afternoon' });
    expect(findDueDate('we meet again in thirty minutes', meetingDate)?.date).toBe('2024-03-13');
  });

  it('prefers a named day said before the meeting phrase', () => {
    expect(findDueDate('send it by Friday, before the next meeting', meetingDate)).toEqual({ date: '2024-03-15', text: 'by Friday' });
  });
});
