/**
 * The survey statistics (src/stats: likertSummary, wilsonInterval, rwg, rwgJ,
 * adi, icc1, fSurvival, cronbachAlpha) against published examples and
 * independent computations with numpy/scipy (the call beside each value).
 */
import { describe, expect, test } from 'vitest';
import { adi } from '../../src/stats/adi.js';
import { cronbachAlpha } from '../../src/stats/cronbach-alpha.js';
import { fSurvival, regularizedBeta } from '../../src/stats/f-distribution.js';
import { icc1 } from '../../src/stats/icc1.js';
import { favourableCuts, likertSummary } from '../../src/stats/likert-summary.js';
import { rwg, rwgJ } from '../../src/stats/rwg.js';
import { wilsonInterval, Z_95 } from '../../src/stats/wilson.js';

const TOL = 1e-9;
const close = (actual: number | null, expected: number, tol = TOL) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tol);
};

describe('likertSummary(values, scale)', () => {
  test('Operations managers on clarity (northwind.expected.json: n 5, mean 1.8, sd 0.8366600265340756, favourable 0)', () => {
    const s = likertSummary([1, 2, 2, 3, 1], { low: 1, points: 5 });
    expect(s.n).toBe(5);
    close(s.mean.value, 1.8);
    close(s.sd.value, 0.8366600265340756); // numpy.std([1,2,2,3,1], ddof=1)
    expect([s.favourable.value, s.neutral.value, s.unfavourable.value]).toEqual([0, 0.2, 0.8]);
  });

  test('favourable is the top ⌊A/2⌋ points, unfavourable the bottom ⌊A/2⌋, neutral the middle of an odd scale', () => {
    expect(favourableCuts({ low: 1, points: 5 })).toEqual({ favourableFrom: 4, unfavourableTo: 2 });
    expect(favourableCuts({ low: 1, points: 7 })).toEqual({ favourableFrom: 5, unfavourableTo: 3 });
    expect(favourableCuts({ low: 0, points: 11 })).toEqual({ favourableFrom: 6, unfavourableTo: 4 });
    expect(favourableCuts({ low: 1, points: 4 })).toEqual({ favourableFrom: 3, unfavourableTo: 2 });
    const even = likertSummary([1, 2, 3, 4], { low: 1, points: 4 });
    expect([even.favourable.value, even.neutral.value, even.unfavourable.value]).toEqual([0.5, 0, 0.5]);
  });

  test('no answers: every figure n/a with a reason; one answer: the SD n/a', () => {
    const none = likertSummary([], { low: 1, points: 5 });
    expect(none.n).toBe(0);
    expect(none.mean).toEqual({ value: null, reason: 'no answers' });
    const one = likertSummary([4], { low: 1, points: 5 });
    expect(one.sd.value).toBeNull();
    expect(one.sd.reason).toMatch(/one answer/);
    expect(one.favourable.value).toBe(1);
  });

  test('a value off the scale is a programmer error', () => {
    expect(() => likertSummary([6], { low: 1, points: 5 })).toThrow(/off the 1\.\.5 scale/);
  });
});

describe('wilsonInterval(successes, n)', () => {
  // the Wilson formula in numpy, z = scipy.stats.norm.ppf(0.975) = 1.959963984540054
  test.each([
    [3, 5, 0.2307242812760128, 0.882379225767352],
    [0, 5, 0, 0.43448246478317476],
    [5, 5, 0.5655175352168251, 1],
    [14, 30, 0.3023238890769976, 0.638577003801267],
    [1, 1, 0.20654931437723745, 1],
  ])('wilsonInterval(%i, %i) -> [%f, %f]', (k, n, low, high) => {
    const w = wilsonInterval(k, n);
    close(w.value![0], low);
    close(w.value![1], high);
  });

  // Wilson (1927) as in Agresti and Coull (1998), "Approximate is better than 'exact'", The American
  // Statistician 52:119-126, eq. 2: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n).
  // By hand, k = 0 (p = 0): centre = half = (z²/2n) / (1 + z²/n), so the lower bound is 0 exactly and
  // the upper z²/(n + z²); k = n (p = 1): centre + half = (1 + z²/2n + z²/2n) / (1 + z²/n) = 1 exactly
  // and the lower n/(n + z²). In floating point centre - half was 2.168404344971009e-19 for 0 of 1,568
  // (the QA run's CSV) and centre + half 1.0000000000000002 for 1,568 of 1,568: the edges are exact now.
  test.each([
    [0, 1568],
    [0, 5],
    [0, 1],
    [7, 7],
    [1568, 1568],
    [19592, 19592],
  ])('wilsonInterval(%i, %i) is exact at the edge: 0 below for 0 of n, 1 above for n of n', (k, n) => {
    const z2 = Z_95 * Z_95;
    const [low, high] = wilsonInterval(k, n).value!;
    if (k === 0) {
      expect(low).toBe(0);
      close(high, z2 / (n + z2));
    } else {
      expect(high).toBe(1);
      close(low, n / (n + z2));
    }
  });

  test('n = 0 is n/a; k outside 0..n throws', () => {
    expect(wilsonInterval(0, 0)).toEqual({ value: null, reason: 'no answers' });
    expect(() => wilsonInterval(6, 5)).toThrow();
  });
});

describe('rwg, rwgJ and adi (James, Demaree and Wolf 1984; Burke and Dunlap 2002)', () => {
  test('rwg: 1 - s²/σ²_EU, σ²_EU = (A² - 1)/12', () => {
    close(rwg([1, 2, 2, 3, 1], 5).value, 0.65); // s² = 0.7, σ²_EU = 2 (northwind.expected.json, Operations clarity)
    close(rwg([3, 4, 4, 4, 4, 3], 5).value, 0.8666666666666667); // northwind: Sales communication
    expect(rwg([1, 5, 1, 5], 5).value).toBe(0); // more spread than random answers: truncated to 0
    expect(rwg([4, 4, 4], 5).value).toBe(1);
    expect(rwg([4], 5)).toEqual({ value: null, reason: 'fewer than two answers: agreement needs two' });
  });

  test('rwgJ over three items', () => {
    // s̄² = mean(numpy.var(item, ddof=1)) = 0.3833..., J(1-s̄²/2)/(J(1-s̄²/2)+s̄²/2) = 0.9155844155844155
    close(
      rwgJ(
        [
          [1, 2, 2, 3, 1],
          [1, 1, 2, 2, 1],
          [2, 3, 2, 3, 2],
        ],
        5,
      ).value,
      0.9155844155844155,
    );
    expect(rwgJ([[1], [2]], 5).value).toBeNull();
  });

  test('adi: mean absolute deviation from the mean', () => {
    close(adi([1, 2, 2, 3, 1]).value, 0.64); // numpy.mean(numpy.abs(x - x.mean()))
    expect(adi([3]).value).toBeNull();
  });
});

describe('icc1(groups) and its one-way ANOVA', () => {
  test('Shrout and Fleiss (1979), Table 2: ICC(1,1) = .17, recomputed from their data', () => {
    // six targets (groups) rated by four judges; BMS = 11.2417, WMS = 6.2639 (their Table 3)
    const r = icc1([
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ]);
    close(r.icc1.value, 0.16574176840547544);
    expect(Math.round(r.icc1.value! * 100) / 100).toBe(0.17);
    close(r.anova!.F, 1.794678492239468);
    expect([r.anova!.df1, r.anova!.df2]).toEqual([5, 18]);
    close(r.anova!.p, 0.16476880834463953); // scipy.stats.f.sf(F, 5, 18)
  });

  test('unequal group sizes use k0 = (N - Σn²/N)/(G - 1)', () => {
    // independent computation in numpy; F and p equal scipy.stats.f_oneway on the same groups
    const r = icc1([
      [1, 2, 2, 3, 1],
      [4, 4, 5, 3, 4, 5],
      [3, 3, 4],
      [2, 5, 4, 4],
    ]);
    close(r.icc1.value, 0.5762736441852221);
    close(r.anova!.F, 6.994134405899112);
    expect([r.anova!.df1, r.anova!.df2]).toEqual([3, 14]);
    close(r.anova!.p, 0.004162218788790656);
  });

  test('undefined cases are n/a with a reason', () => {
    expect(icc1([[1, 2, 3]]).icc1.reason).toBe('fewer than two groups to compare');
    expect(icc1([[1], [2], [3]]).icc1.reason).toMatch(/one answer/);
    expect(
      icc1([
        [3, 3],
        [3, 3],
      ]).icc1.reason,
    ).toBe('everyone gave the same answer');
    expect(
      icc1([
        [3, 3],
        [4, 4],
      ]).anova,
    ).toBeNull();
  });
});

describe('fSurvival(F, d1, d2) and regularizedBeta', () => {
  test.each([
    [1.795, 5, 18, 0.1647021938642649], // scipy.stats.f.sf(1.795, 5, 18)
    [0.5, 3, 100, 0.6831325288938814],
    [12.3, 2, 7, 0.005116092062655405],
    [3.0, 1, 1, 0.33333333333333337],
    [2.2, 40, 900, 3.572239317008158e-5],
  ])('fSurvival(%f, %i, %i) = %f', (f, d1, d2, p) => {
    expect(Math.abs(fSurvival(f, d1, d2) - p) / p).toBeLessThan(1e-9);
  });

  test('ends and symmetry', () => {
    expect(fSurvival(0, 2, 3)).toBe(1);
    expect(regularizedBeta(0.3, 2, 5) + regularizedBeta(0.7, 5, 2)).toBeCloseTo(1, 12);
    expect(() => fSurvival(-1, 2, 3)).toThrow();
  });
});

describe("cronbachAlpha(rows): Cronbach's alpha, listwise", () => {
  test('three items, four respondents', () => {
    // k/(k-1) (1 - Σ numpy.var(item, ddof=1) / numpy.var(totals, ddof=1)) = 0.9
    close(
      cronbachAlpha([
        [4, 4, 3],
        [2, 3, 2],
        [5, 4, 5],
        [3, 3, 2],
      ]).value,
      0.9,
    );
  });

  test('a respondent who skipped an item is left out (listwise)', () => {
    const withGap = cronbachAlpha([
      [4, 4, 3],
      [2, 3, 2],
      [5, 4, 5],
      [3, 3, 2],
      [1, null, 5],
    ]);
    close(withGap.value, 0.9);
  });

  test('undefined cases', () => {
    expect(cronbachAlpha([[1], [2]]).reason).toMatch(/one item/);
    expect(
      cronbachAlpha([
        [1, 2],
        [null, 2],
      ]).reason,
    ).toMatch(/fewer than two respondents/);
    expect(
      cronbachAlpha([
        [1, 2],
        [2, 1],
      ]).reason,
    ).toMatch(/same total/);
  });
});
