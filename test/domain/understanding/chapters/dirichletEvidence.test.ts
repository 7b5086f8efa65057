import { describe, expect, it } from 'vitest';
import { DirichletEvidence, fitConcentration } from '../../../../lib/domain/understanding/chapters/dirichletEvidence.js';

describe('DirichletEvidence', () => {
  it('is the Dirichlet-multinomial marginal likelihood, computed word by word', () => {
    // V = 2, alpha = 1: P(a, a) = 1/2 · 2/3 = 1/3 and P(a, b) = 1/2 · 1/3 = 1/6.
    const same = new DirichletEvidence(2, 1);
    same.add(0);
    same.add(0);
    expect(same.logEvidence).toBeCloseTo(Math.log(1 / 3), 12);
    const different = new DirichletEvidence(2, 1);
    different.add(0);
    different.add(1);
    expect(different.logEvidence).toBeCloseTo(Math.log(1 / 6), 12);
  });

  it('is 0 (probability 1) for no words', () => {
    expect(new DirichletEvidence(5, 0.5).logEvidence).toBe(0);
  });
});

describe('fitConcentration', () => {
  it('fits a small alpha to bursty text and a large one to even text', () => {
    expect(fitConcentration([0, 0, 0, 0, 0, 0, 1, 1, 1, 1], 10)).toBeLessThan(0.1);
    expect(fitConcentration([0, 1, 2, 3, 4, 5], 6)).toBeGreaterThan(10);
  });
});
