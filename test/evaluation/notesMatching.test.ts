import { describe, expect, it } from 'vitest';
import { countItems, scoresOf } from '../../lib/evaluation/notes/itemScores.js';
import { splitForTuning } from '../../lib/evaluation/notes/labelSplit.js';
import { matchItems, placeOnUtterance, sameOwner } from '../../lib/evaluation/notes/matchItems.js';

// Reference utterances start every 10 s.
const starts = Array.from({ length: 40 }, (_, i) => i * 10_000);
const at = (index: number, owner: string | null = null) => ({ startMs: index * 10_000 + 500, owner, text: `item at ${index}` });

describe('labels/GUIDELINE.md matching', () => {
  it('places a prediction on the last reference utterance starting at or before it', () => {
    expect(placeOnUtterance(0, starts)).toBe(0);
    expect(placeOnUtterance(25_000, starts)).toBe(2);
    expect(placeOnUtterance(30_000, starts)).toBe(3);
  });

  it('matches within two utterances of the label or its evidence, one to one, nearest first', () => {
    const labels = [
      { i: 10, evidence: [20], owner: 'A', text: 'x' },
      { i: 11, evidence: [], owner: 'B', text: 'y' },
    ];
    // 12 is 1 from label 1 and 2 from label 0; 21 is 1 from label 0's evidence; 30 matches nothing.
    const matches = matchItems([at(12), at(21), at(30)], labels, starts);
    expect(matches).toEqual([
      { predicted: 1, labelled: 0, distance: 1 },
      { predicted: 0, labelled: 1, distance: 1 },
    ]);
  });

  it('pairs items said in one utterance with the labels there whose owners agree', () => {
    // Three tasks handed out in one utterance, labelled at the same index: equally near, so owners decide.
    const labels = [
      { i: 10, evidence: [], owner: 'Lead', text: 'minutes' },
      { i: 10, evidence: [], owner: 'Designer', text: 'components' },
      { i: 10, evidence: [], owner: 'Tester', text: 'tests' },
    ];
    const counts = countItems([at(10, 'Designer'), at(10, 'Tester')], labels, starts);
    expect(counts).toEqual({ predicted: 2, labelled: 3, matched: 2, ownerRight: 2 });
    // Nearer still wins over an agreeing owner.
    expect(matchItems([at(11, 'B')], [{ i: 11, evidence: [], owner: 'A', text: 'x' }, { i: 13, evidence: [], owner: 'B', text: 'y' }], starts)).toEqual([
      { predicted: 0, labelled: 0, distance: 0 },
    ]);
  });

  it('does not match one label twice', () => {
    const counts = countItems([at(10, 'A'), at(10, 'A')], [{ i: 10, evidence: [], owner: 'A', text: 'x' }], starts);
    expect(counts).toEqual({ predicted: 2, labelled: 1, matched: 1, ownerRight: 1 });
    expect(scoresOf(counts)).toEqual({ precision: 0.5, recall: 1, ownerAccuracy: 1 });
  });

  it('compares owners without case or punctuation, accepts either of a joint owner, and null only for null', () => {
    expect(sameOwner('hon. harjit s. sajjan', 'Hon. Harjit S. Sajjan')).toBe(true);
    expect(sameOwner('User Interface', 'Industrial Designer and User Interface')).toBe(true);
    expect(sameOwner('Marketing', 'Industrial Designer and User Interface')).toBe(false);
    expect(sameOwner(null, null)).toBe(true);
    expect(sameOwner('group', null)).toBe(false);
    expect(sameOwner(null, 'group')).toBe(false);
  });
});

describe('splitForTuning', () => {
  it('alternates meetings within each source, so both halves hold every source', () => {
    const { tune, report } = splitForTuning(['ES2002d', 'Bro018', 'covid_3', 'ES2008b', 'Bmr018', 'education_5', 'IS1001d']);
    expect(tune).toEqual(['Bmr018', 'ES2002d', 'IS1001d', 'covid_3']);
    expect(report).toEqual(['Bro018', 'ES2008b', 'education_5']);
  });
});
