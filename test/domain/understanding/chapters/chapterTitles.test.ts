import { describe, expect, it } from 'vitest';
import { chapterTitles } from '../../../../lib/domain/understanding/chapters/chapterTitles.js';
import { transcriptOf } from '../transcriptBuilder.js';

describe('chapterTitles', () => {
  const transcript = transcriptOf([
    { speaker: 'Laura', text: 'The remote control needs a kinetic battery.' },
    { speaker: 'David', text: 'A kinetic battery in the remote control, Laura, is cheap.' },
    { speaker: 'Laura', text: 'A rubber case is soft. The rubber case suits it.' },
    { speaker: 'David', text: 'Our advert campaign targets young customers of the remote control.' },
    { speaker: 'Laura', text: 'The advert campaign for the remote control launches soon, for young customers.' },
  ]);

  it('names each chapter by the phrases that set it apart, not by those said throughout', () => {
    const [first, second] = chapterTitles(transcript, [
      { first: 0, last: 2 },
      { first: 3, last: 4 },
    ]);
    expect(first).toBe('Kinetic battery and rubber case');
    expect(second).toBe('Advert campaign and young customers');
  });

  it("leaves speakers' names out", () => {
    const [title] = chapterTitles(transcript, [{ first: 0, last: 4 }]);
    expect(title?.toLowerCase()).not.toMatch(/laura|david/);
  });

  it('falls back to a numbered title when a chapter has no content words', () => {
    const filler = transcriptOf([{ speaker: 'A', text: 'Um, yeah.' }]);
    expect(chapterTitles(filler, [{ first: 0, last: 0 }])).toEqual(['Part 1']);
  });
});
