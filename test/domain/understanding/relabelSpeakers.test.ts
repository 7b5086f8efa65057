import { describe, expect, it } from 'vitest';
import { speakerLabelRewriter } from '../../../lib/domain/understanding/relabelSpeakers.js';

describe('speakerLabelRewriter', () => {
  it('renames a role however notes write it, the article taken along, possessives kept', () => {
    const rewrite = speakerLabelRewriter([{ from: 'Project Manager', to: 'Laura' }, { from: 'User Interface', to: 'Craig' }]);
    expect(rewrite('The project manager spoke most, with User Interface.')).toBe('Laura spoke most, with Craig.');
    expect(rewrite('It is the Project Manager\'s call; the project manager agreed.')).toBe("It is Laura's call; Laura agreed.");
  });

  it('matches a one-word label only as written, and its role form only after "the"', () => {
    const rewrite = speakerLabelRewriter([{ from: 'Marketing', to: 'Andrew' }, { from: 'Chair', to: 'Ms. Ng' }]);
    expect(rewrite('Marketing said that the marketing budget is fine.')).toBe('Andrew said that the marketing budget is fine.');
    expect(rewrite('The chair thanked Marketing; a chair was free.')).toBe('Ms. Ng thanked Andrew; a chair was free.');
  });

  it('keeps "Speaker 1" off "Speaker 10" and lets two speakers swap names in one pass', () => {
    expect(speakerLabelRewriter([{ from: 'Speaker 1', to: 'Bob' }])('Speaker 10 answered Speaker 1.')).toBe('Speaker 10 answered Bob.');
    expect(speakerLabelRewriter([{ from: 'Alice', to: 'Bob' }, { from: 'Bob', to: 'Alice' }])('Alice thanked Bob.')).toBe('Bob thanked Alice.');
  });

  it('leaves text alone when nothing is renamed', () => {
    expect(speakerLabelRewriter([{ from: 'Alice', to: 'Alice' }])('Alice spoke.')).toBe('Alice spoke.');
  });
});
