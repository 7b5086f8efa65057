import { describe, expect, it } from 'vitest';
import { floorTokens } from '../../../../lib/domain/understanding/chapters/floorTokens.js';
import { transcriptOf } from '../transcriptBuilder.js';

describe('floorTokens', () => {
  it("gives a long turn its speaker's token and every short turn one shared token", () => {
    const long = 'So the market research shows that people want a remote control that looks fancy and feels good.';
    const { tokens, vocabularySize } = floorTokens(
      transcriptOf([
        { speaker: 'Laura', text: long },
        { speaker: 'David', text: 'Mm-hmm.' },
        { speaker: 'David', text: long },
        { speaker: 'Laura', text: 'Okay, yeah.' },
      ]).utterances,
    );
    expect(vocabularySize).toBe(3);
    const [laura, davidShort, david, lauraShort] = tokens.map((unit) => unit[0]);
    expect(laura).not.toBe(david);
    expect(davidShort).toBe(lauraShort);
    expect([laura, david]).not.toContain(davidShort);
  });
});
