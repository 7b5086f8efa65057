import { describe, expect, it } from 'vitest';
import { normalizeTranscriptConventions, tokenize, wordsOf } from '../../../../lib/domain/understanding/text/tokenize.js';

describe('tokenize', () => {
  it('lower-cases words and drops punctuation', () => {
    expect(tokenize('Okay, the Remote Control costs 25 Euro!')).toEqual(['okay', 'the', 'remote', 'control', 'costs', '25', 'euro']);
  });

  it('keeps contractions whole and rejoins detached clitics', () => {
    expect(tokenize("I'll check that 's right, don 't worry")).toEqual(["i'll", 'check', "that's", 'right', "don't", 'worry']);
  });

  it('reads spelled-out acronyms as one word', () => {
    expect(tokenize('the T_V_ and the L_C_D_ screen')).toEqual(['the', 'tv', 'and', 'the', 'lcd', 'screen']);
  });

  it('splits hyphenated fillers into their parts', () => {
    expect(tokenize('Mm-hmm, kick-off')).toEqual(['mm', 'hmm', 'kick', 'off']);
  });
});

describe('wordsOf', () => {
  it('keeps the original case', () => {
    expect(wordsOf('Thanks, Janet.')).toEqual(['Thanks', 'Janet']);
  });
});

describe('normalizeTranscriptConventions', () => {
  it('restores the space after a glued title', () => {
    expect(normalizeTranscriptConventions('Mr.Chair, thank you')).toBe('Mr. Chair, thank you');
  });
});
