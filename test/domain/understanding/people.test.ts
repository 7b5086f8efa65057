import { describe, expect, it } from 'vitest';
import { peopleOf } from '../../../lib/domain/understanding/people.js';
import { transcriptOf } from './transcriptBuilder.js';

const transcript = transcriptOf([
  { speaker: 'Mrs. Karen Vecchio (Elgin, CPC)', text: 'Thank you, Janet. I asked the minister about Canada.' },
  { speaker: 'Mrs. Karen Vecchio', text: "Hi, I'm Craig's colleague. The minister said Canada will act. My name is Laura." },
]);
const people = peopleOf(transcript);

describe('peopleOf', () => {
  it('knows speakers, people addressed and people introduced', () => {
    expect(people.isKnownName('Karen')).toBe(true);
    expect(people.isKnownName('Janet')).toBe(true);
    expect(people.isKnownName('Laura')).toBe(true);
    expect(people.isKnownName('Canada')).toBe(false);
  });

  it('does not take a word also written in lower case for a name', () => {
    expect(people.couldBeName('Minister')).toBe(false);
    expect(people.couldBeName('Canada')).toBe(true);
  });

  it("maps a name to the shortest speaker display name that contains it", () => {
    expect(people.displayName('Karen')).toBe('Mrs. Karen Vecchio');
    expect(people.displayName('Janet')).toBe('Janet');
  });
});
