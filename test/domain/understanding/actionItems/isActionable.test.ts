import { describe, expect, it } from 'vitest';
import { matchAction } from '../../../../lib/domain/understanding/actionItems/actionPatterns.js';
import { isActionable } from '../../../../lib/domain/understanding/actionItems/isActionable.js';

const names = { isKnownName: () => false, couldBeName: () => false };
const actionable = (sentence: string, hasDeadline = false): boolean => {
  const match = matchAction(sentence, names);
  return match !== null && isActionable(sentence, match, { hasDeadline });
};

describe('isActionable', () => {
  it('accepts follow-up work', () => {
    expect(actionable("I'll email the supplier about prices.")).toBe(true);
    expect(actionable('We need to schedule the user tests by Friday.', true)).toBe(true);
    expect(actionable('I can send the minutes around.')).toBe(true);
  });

  it('rejects "I can" and "we need to" that state ability or requirements', () => {
    expect(actionable('I can see the red light bulb.')).toBe(false);
    expect(actionable('We have to make it look like a fruit.')).toBe(false);
  });

  it('takes "we need to" / "we\'ll" as a plan only with a deadline', () => {
    expect(actionable('We need to schedule the user tests.')).toBe(false);
    expect(actionable("We'll firm up the agenda by next Thursday.", true)).toBe(true);
  });

  it("rejects the meeting's own procedure and things done as they are said", () => {
    for (const sentence of [
      "I'll go to the next slide.",
      "I'll just switch on the PowerPoint presentation.",
      "I'll write that down on the whiteboard.",
      'Please proceed with your next question.',
      "I'll go back to the Minister of Defence.",
      'Would you mind starting us off?',
    ]) {
      expect(actionable(sentence), sentence).toBe(false);
    }
  });

  it('rejects requests inside statements, questions about answers, and things that happen to "you"', () => {
    expect(actionable('Because then when you align it, the alignment can you can put a reject model in.')).toBe(false);
    expect(actionable('What would you recommend for the materials?')).toBe(false);
    expect(actionable("You'll receive specific instructions from your coaches.")).toBe(false);
    expect(actionable('Could you send me the cost figures?')).toBe(true);
  });

  it('rejects too little content', () => {
    expect(actionable("I'll do it.")).toBe(false);
  });
});
