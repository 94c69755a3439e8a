// Chi-square upper tail via the regularized incomplete gamma Q(df/2, x/2).
// Reference: Press et al., Numerical Recipes §6.2 (gser/gcf); values from scipy.stats.chi2.sf (scipy 1.17.1).
import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, regularizedGammaQ } from '../../src/stats/chi-square.js';
import { logGamma } from '../../src/stats/log-gamma.js';
import { close, closeRelative } from './helpers.js';

describe('chiSquareSurvival(x, df)', () => {
  // [x, df, scipy.stats.chi2.sf(x, df)]
  const scipy: Array<[number, number, number]> = [
    [10, 7, 0.18857346751344997], // chi2.sf(10, 7); also northwind.expected.json concordance.p
    [18.323809523809526, 8, 0.018925624827821324], // chi2.sf(18.323809523809526, 8)
    [1e-8, 1, 0.9999202115440526], // chi2.sf(1e-08, 1)
    [0.5, 1, 0.47950012218695337], // chi2.sf(0.5, 1)
    [3.841458820694124, 1, 0.04999999999999989], // chi2.sf(chi2.isf(0.05, 1), 1)
    [2, 4, 0.7357588823428847], // chi2.sf(2, 4) = 2e^-1 (hand: Q(2, 1) = e^-1 (1 + 1))
    [30, 5, 1.4748581038443073e-5], // chi2.sf(30, 5)
    [50, 30, 0.01240206071890054], // chi2.sf(50, 30)
    [123.4, 40, 1.9497570632151445e-10], // chi2.sf(123.4, 40)
    [0.3, 12, 0.9999999860859815], // chi2.sf(0.3, 12)
    [7.5, 49, 0.9999999999989666], // chi2.sf(7.5, 49)
    [200, 3, 4.218541107192018e-43], // chi2.sf(200, 3)
  ];
  it.each(scipy)('chiSquareSurvival(%s, %s) -> %s to 1e-12 relative (scipy.stats.chi2.sf)', (x, df, expected) => {
    closeRelative(chiSquareSurvival(x, df), expected, 1e-12);
  });

  it('chiSquareSurvival(x, 2) = exp(-x/2) (hand: Q(1, x/2) = e^(-x/2))', () => {
    for (const x of [0.01, 0.7, 3, 9.5, 40, 300]) closeRelative(chiSquareSurvival(x, 2), Math.exp(-x / 2), 1e-13);
  });

  it('chiSquareSurvival(x, 4) = (1 + x/2) exp(-x/2) (hand: Q(2, y) = e^-y (1 + y))', () => {
    for (const x of [0.01, 0.7, 3, 9.5, 40, 300]) closeRelative(chiSquareSurvival(x, 4), (1 + x / 2) * Math.exp(-x / 2), 1e-13);
  });

  it('chiSquareSurvival(0, df) -> 1 (hand: P(X >= 0) = 1)', () => {
    for (const df of [1, 2, 7, 30]) expect(chiSquareSurvival(0, df)).toBe(1);
  });
  it('chiSquareSurvival(-3, 5) -> 1 and chiSquareSurvival(Infinity, 5) -> 0', () => {
    expect(chiSquareSurvival(-3, 5)).toBe(1);
    expect(chiSquareSurvival(Infinity, 5)).toBe(0);
  });
  it('chiSquareSurvival(x, df) decreases in x and increases in df (hand: a survival function; more df shifts mass right)', () => {
    let previous = 1;
    for (let x = 0.5; x < 60; x += 0.5) {
      const p = chiSquareSurvival(x, 8);
      expect(p).toBeLessThan(previous);
      expect(chiSquareSurvival(x, 9)).toBeGreaterThan(p);
      previous = p;
    }
  });
  it.each([
    [NaN, 3],
    [1, 0],
    [1, -2],
    [1, NaN],
    [1, Infinity],
  ])('chiSquareSurvival(%s, %s) throws', (x, df) => {
    expect(() => chiSquareSurvival(x, df)).toThrow(/chiSquareSurvival requires/);
  });
});

describe('regularizedGammaQ(a, x)', () => {
  it('regularizedGammaQ(1, x) = e^-x both sides of the series / continued fraction switch at x = a + 1 (hand)', () => {
    for (const x of [1.9, 1.999999, 2, 2.000001, 2.1]) closeRelative(regularizedGammaQ(1, x), Math.exp(-x), 1e-14);
  });
  it('regularizedGammaQ(a, 0) -> 1', () => {
    expect(regularizedGammaQ(3.5, 0)).toBe(1);
  });
});

describe('logGamma(a)', () => {
  // math.lgamma(a) in Python 3
  const python: Array<[number, number]> = [
    [0.5, 0.5723649429247004],
    [1, 0],
    [1.5, -0.12078223763524543],
    [2.5, 0.2846828704729196],
    [3, 0.693147180559945],
    [4.5, 2.453736570842443],
    [10, 12.801827480081467],
    [25.5, 56.389167643719944],
  ];
  it.each(python)('logGamma(%s) -> %s to 1e-13 (Python math.lgamma)', (a, expected) => {
    close(logGamma(a), expected, 1e-13);
  });
  it('logGamma(0.25) = logGamma(1.25) - ln 0.25 (hand: Γ(a+1) = aΓ(a))', () => {
    close(logGamma(0.25), logGamma(1.25) - Math.log(0.25), 1e-14);
  });
  it.each([0, -1, NaN])('logGamma(%s) throws', (a) => {
    expect(() => logGamma(a)).toThrow(/logGamma requires/);
  });
});
