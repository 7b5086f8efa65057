import { describe, expect, it } from 'vitest';
import { stem } from '../../../../lib/domain/understanding/text/stem.js';

describe('stem', () => {
  it('maps inflections to one Porter stem', () => {
    expect(stem('designs')).toBe('design');
    expect(stem('designing')).toBe('design');
    expect(stem('batteries')).toBe(stem('battery'));
  });
});
