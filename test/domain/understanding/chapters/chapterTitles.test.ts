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

  it('names each chapter by one phrase said in it that sets it apart, not by a list of keywords', () => {
    const ranges = [
      { first: 0, last: 2 },
      { first: 3, last: 4 },
    ];
    const titles = chapterTitles(transcript, ranges);
    ranges.forEach((range, i) => {
      const title = titles[i] ?? '';
      const chapterText = transcript.utterances.slice(range.first, range.last + 1).map((utterance) => utterance.text.toLowerCase()).join(' ');
      expect(chapterText).toContain(title.toLowerCase());
      expect(title).not.toMatch(/,| and /);
    });
    // "remote control" is said in both chapters, so it sets neither apart.
    expect(titles.join(' ').toLowerCase()).not.toContain('remote control');
  });

  it('takes the topic someone announces as the chapter opens, when the chapter goes on to discuss it', () => {
    const meeting = transcriptOf([
      { speaker: 'Laura', text: 'Okay, so let us move on to the remote control budget.' },
      { speaker: 'David', text: 'The budget for the remote control is twelve euros fifty.' },
      { speaker: 'Laura', text: 'So the budget rules out the titanium case.' },
      { speaker: 'David', text: 'A plastic case keeps us inside the budget.' },
    ]);
    expect(chapterTitles(meeting, [{ first: 0, last: 3 }])).toEqual(['Remote control budget']);
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
