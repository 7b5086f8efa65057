import { describe, expect, it } from 'vitest';
import { isStopword } from '../../../../lib/domain/understanding/text/stopwords.js';

describe('isStopword', () => {
  it('covers function words, contractions and meeting fillers', () => {
    for (const word of ['the', 'will', "i'll", "don't", 'um', 'uh', 'mm', 'hmm', 'yeah', 'okay', 'so', 'like', 'gonna']) {
      expect(isStopword(word), word).toBe(true);
    }
  });

  it('keeps topic words', () => {
    for (const word of ['battery', 'remote', 'budget', 'curriculum', 'design']) expect(isStopword(word), word).toBe(false);
  });
});
