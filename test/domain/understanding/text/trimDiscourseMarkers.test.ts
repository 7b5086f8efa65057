import { describe, expect, it } from 'vitest';
import { trimDiscourseMarkers } from '../../../../lib/domain/understanding/text/trimDiscourseMarkers.js';

describe('trimDiscourseMarkers', () => {
  it('drops leading markers and capitalises', () => {
    expect(trimDiscourseMarkers('Okay, so, well we need a case.')).toBe('We need a case.');
  });

  it('keeps a sentence that is nothing but markers', () => {
    expect(trimDiscourseMarkers('Okay.')).toBe('Okay.');
  });
});
