import { describe, expect, it } from 'vitest';
import { cleanDisfluencies } from '../../../../lib/domain/understanding/text/cleanDisfluencies.js';

describe('cleanDisfluencies', () => {
  it('drops filler sounds and the commas they leave', () => {
    expect(cleanDisfluencies('Um, so we uh need a, um, new case.')).toBe('So we need a, new case.');
  });

  it('collapses stutters and restarts of up to three words', () => {
    expect(cleanDisfluencies('the the case is for our our project')).toBe('The case is for our project');
    expect(cleanDisfluencies('In our in our findings we')).toBe('In our findings we');
  });

  it('drops words cut off after one sound', () => {
    expect(cleanDisfluencies('M my favourite is a d dog.')).toBe('My favourite is a dog.');
  });

  it('drops a word broken off and restarted without a hyphen, not a short word that is one', () => {
    expect(cleanDisfluencies('we have to des design a new remote')).toBe('We have to design a new remote');
    expect(cleanDisfluencies('in into the remote remotes')).toBe('In into the remote remotes');
  });

  it('keeps single letters that are words: initials, options, grades', () => {
    expect(cleanDisfluencies('The U.S. market is ready.')).toBe('The U.S. market is ready.');
    expect(cleanDisfluencies('We go with plan B.')).toBe('We go with plan B.');
    expect(cleanDisfluencies('Vitamin C and option D, not E')).toBe('Vitamin C and option D, not E');
    expect(cleanDisfluencies('J. K. Rowling wrote it.')).toBe('J. K. Rowling wrote it.');
  });

  it('fixes transcription conventions', () => {
    expect(cleanDisfluencies("that 's the T_V_")).toBe("That's the TV");
  });

  it('is empty for a turn of pure filler sounds', () => {
    expect(cleanDisfluencies('Mm - hmm.')).toBe('');
  });
});
