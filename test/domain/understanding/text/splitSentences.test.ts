import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../lib/domain/understanding/text/splitSentences.js';

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks', () => {
    expect(splitSentences('We need a case. What colour? Yellow! And then')).toEqual(['We need a case.', 'What colour?', 'Yellow!', 'And then']);
  });

  it('does not split after titles and common abbreviations', () => {
    expect(splitSentences('Mr. Chair, I thank Hon. members. Next.')).toEqual(['Mr. Chair, I thank Hon. members.', 'Next.']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});
