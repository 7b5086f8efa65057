import { describe, expect, it } from 'vitest';
import { matchAction, type NameTest } from '../../../../lib/domain/understanding/actionItems/actionPatterns.js';

const names: NameTest = {
  isKnownName: (word) => ['David', 'Sarah'].includes(word),
  couldBeName: (word) => ['David', 'Sarah', 'Raj'].includes(word),
};

describe('matchAction', () => {
  it('tells commitments, offers, requests, assignments and group obligations apart', () => {
    expect(matchAction("I'll send the specs.", names)?.kind).toBe('commitment');
    expect(matchAction("I'm going to write the report.", names)?.kind).toBe('commitment');
    expect(matchAction('I can forward the email.', names)?.kind).toBe('offer');
    expect(matchAction('Could you check the costs?', names)?.kind).toBe('request');
    expect(matchAction('David will book the room.', names)?.kind).toBe('assignment');
    expect(matchAction("Let's order the samples.", names)?.kind).toBe('group');
    expect(matchAction('Make sure the demo works.', names)?.kind).toBe('group');
    expect(matchAction('Action item: check the contract.', names)?.kind).toBe('explicit');
  });

  it('finds the addressee before or after a request', () => {
    expect(matchAction('David, can you look into it?', names)).toMatchObject({ named: 'David', start: 0 });
    expect(matchAction('Can you send that again, please, Raj?', names)?.named).toBe('Raj');
  });

  it('does not take a capitalised common word for a name', () => {
    expect(matchAction('Design will be fun.', names)).toBeNull();
    expect(matchAction('Okay, can you check it?', names)?.named).toBeNull();
  });

  it('reads "Name to ..." and first-person commitments inside explicit items', () => {
    expect(matchAction('Action item: Sarah to update the plan.', names)).toMatchObject({ kind: 'explicit', named: 'Sarah', action: 'update the plan.' });
    expect(matchAction("Action item: I'll update the plan.", names)?.kind).toBe('commitment');
  });

  it('returns null when no trigger is present', () => {
    expect(matchAction('The battery is cheap.', names)).toBeNull();
  });
});
