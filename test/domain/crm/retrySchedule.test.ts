import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../../lib/domain/crm/retrySchedule.js';

describe('the retry schedule', () => {
  it('doubles from 5 s, caps at an hour, and draws uniformly below the ceiling (full jitter)', () => {
    const ceilings = [1, 2, 3, 4, 10, 11, 30].map((failures) => retryDelayMs(DEFAULT_RETRY_POLICY, failures, () => 1));
    expect(ceilings).toEqual([5_000, 10_000, 20_000, 40_000, 2_560_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 4, () => 0)).toBe(0);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 4, () => 0.5)).toBe(20_000);
  });
});
