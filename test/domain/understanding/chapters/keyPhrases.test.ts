import { describe, expect, it } from 'vitest';
import { phraseOccurrences } from '../../../../lib/domain/understanding/chapters/keyPhrases.js';

describe('phraseOccurrences', () => {
  it('takes runs of up to three content words within a clause', () => {
    const keys = phraseOccurrences('Um, the remote control, yeah, has rubber buttons.').map((occurrence) => occurrence.key);
    expect(keys).toEqual(['remot', 'remot control', 'control', 'rubber', 'rubber button', 'button']);
  });

  it('does not join words across punctuation or stopwords', () => {
    const keys = phraseOccurrences('battery. Solar and kinetic').map((occurrence) => occurrence.key);
    expect(keys).toEqual(['batteri', 'solar', 'kinet']);
  });

  it('keeps the spoken form and leaves out excluded words', () => {
    const occurrences = phraseOccurrences('David likes the LCD screen', new Set(['david']));
    expect(occurrences.map((occurrence) => occurrence.surface)).toEqual(['likes', 'LCD', 'LCD screen', 'screen']);
  });

  it('joins two runs with "of" or "for" into one noun phrase, but never ends a phrase on them', () => {
    const surfaces = phraseOccurrences('the value of the baccalaureate for').map((occurrence) => occurrence.surface);
    expect(surfaces).toContain('value of the baccalaureate');
    expect(surfaces.some((surface) => / (of|for|the)$/.test(surface))).toBe(false);
  });
});
