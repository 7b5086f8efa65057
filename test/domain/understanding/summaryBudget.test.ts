import { describe, expect, it } from 'vitest';
import { summaryBudget } from '../../../lib/domain/understanding/summaryBudget.js';

describe('summaryBudget', () => {
  it('is 80 words for short meetings and 150 for very long ones', () => {
    expect(summaryBudget(500)).toBe(80);
    expect(summaryBudget(2_000)).toBe(80);
    expect(summaryBudget(20_000)).toBe(150);
    expect(summaryBudget(100_000)).toBe(150);
  });

  it('grows with meeting length in between', () => {
    const budgets = [3_000, 6_000, 12_000].map(summaryBudget);
    expect(budgets[0]).toBeLessThan(budgets[1] ?? 0);
    expect(budgets[1]).toBeLessThan(budgets[2] ?? 0);
  });

  it('is 0 for an empty meeting', () => {
    expect(summaryBudget(0)).toBe(0);
  });
});
