import { describe, expect, it } from 'vitest';
import { contentTerms, isContentToken } from '../../../../lib/domain/understanding/text/contentTerms.js';

describe('contentTerms', () => {
  it('keeps the stems of content words only, in order, with repeats', () => {
    expect(contentTerms('Um, so the designs use designer batteries, yeah, batteries.')).toEqual(['design', 'design', 'batteri', 'batteri']);
  });

  it('is empty for pure filler', () => {
    expect(contentTerms('Mm-hmm. Yeah, okay, um, right.')).toEqual([]);
  });
});

describe('isContentToken', () => {
  it('rejects bare numbers, very short tokens and letter runs', () => {
    expect(isContentToken('2024')).toBe(false);
    expect(isContentToken('tv')).toBe(false);
    expect(isContentToken('mmm')).toBe(false);
    expect(isContentToken('battery')).toBe(true);
  });
});
