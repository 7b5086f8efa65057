import { describe, expect, it } from 'vitest';
import { matchAction } from '../../../../lib/domain/understanding/actionItems/actionPatterns.js';
import { isActionable } from '../../../../lib/domain/understanding/actionItems/isActionable.js';

const names = { isKnownName: () => false, couldBeName: () => false };
const actionable = (sentence: string): boolean => {
  const match = matchAction(sentence, names);
  return match !== null && isActionable(sentence, match);
};

describe('isActionable', () => {
  it('accepts follow-up work', () => {
    expect(actionable("I'll email the supplier about prices.")).toBe(true);
    expect(actionable('We need to schedule the user tests.')).toBe(true);
    expect(actionable('I can send the minutes around.')).toBe(true);
  });

  it('rejects "I can" and "we need to" that state ability or requirements', () => {
    expect(actionable('I can see the red light bulb.')).toBe(false);
    expect(actionable('We have to make it look like a fruit.')).toBe(false);
  });

  it('rejects too little content', () => {
    expect(actionable("I'll do it.")).toBe(false);
  });
});
