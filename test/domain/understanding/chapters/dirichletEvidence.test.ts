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

  it('falls back towards the prior median when the text is too short to show which words are bursty', () => {
    const prior = { median: 1.8, spread: 0.5 };
    expect(fitConcentration([0, 1, 2, 3, 4, 5], 6, prior)).toBeLessThan(5);
    // A long bursty text still decides for itself: its fit stays far below the prior's median.
    const bursty = Array.from({ length: 2000 }, (_, i) => (i % 50 < 45 ? Math.floor(i / 50) % 4 : 4 + (i % 200)));
    expect(fitConcentration(bursty, 204, prior)).toBeLessThan(0.1);
  });
});
