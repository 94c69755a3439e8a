import { describe, expect, test } from 'vitest';
import {
  fmtBeside,
  fmtCount,
  fmtCountWord,
  fmtDecimal,
  fmtGap,
  fmtGapMove,
  fmtInteger,
  fmtList,
  fmtMove,
  fmtNA,
  fmtNumber,
  fmtOrdinal,
  fmtP,
  fmtPClause,
  fmtPercent,
  fmtPercentBeside,
  fmtRank,
  fmtRho,
  fmtStat,
  fmtSuppressed,
} from '../src/format.js';
import { withLanguage } from '../src/i18n/index.js';

// Expected strings are the house rules written in src/render/format.ts.

describe('fmtNumber(x, decimals = 2)', () => {
  test.each([
    [0.3272108843537415, 2, '0.33'],
    [2, 2, '2.00'],
    [1.25, 1, '1.3'],
    [7, 0, '7'],
    [-0.36, 2, '-0.36'],
    [-0.001, 2, '0.00'], // rounds to zero: no sign
    [-0, 2, '0.00'],
    [null, 2, 'n/a'],
    [undefined, 2, 'n/a'],
    [NaN, 2, 'n/a'],
    [Infinity, 2, 'n/a'],
  ])('fmtNumber(%s, %s) -> %s', (x, d, want) => {
    expect(fmtNumber(x as number | null | undefined, d)).toBe(want);
  });
});

describe('fmtRho(x): two decimals, ASCII minus, no plus', () => {
  test.each([
    [-0.3606, '-0.36'],
    [0.68, '0.68'],
    [1, '1.00'],
    [-1, '-1.00'],
    [-0.004, '0.00'],
    [null, 'n/a'],
  ])('fmtRho(%s) -> %s', (x, want) => {
    expect(fmtRho(x)).toBe(want);
    expect(fmtRho(x)).not.toContain('\u2212');
  });
});

describe("fmtP(p): '< 0.001', three decimals below 0.1, two from 0.1", () => {
  test.each([
    [0, '< 0.001'],
    [0.0004, '< 0.001'],
    [0.001, '0.001'],
    [0.018925624827821324, '0.019'],
    [0.05, '0.050'],
    [0.0996, '0.10'], // rounds up into the two-decimal range: never '0.100'
    [0.1, '0.10'],
    [0.19, '0.19'],
    [1, '1.00'],
    [null, 'n/a'],
  ])('fmtP(%s) -> %s', (p, want) => {
    expect(fmtP(p)).toBe(want);
  });

  test.each([
    [0.0004, undefined, 'p < 0.001'],
    [0.19, undefined, 'p = 0.19'],
    [null, 'fewer than two leaders', 'p n/a (fewer than two leaders)'],
  ])('fmtPClause(%s, %s) -> %s', (p, reason, want) => {
    expect(fmtPClause(p, reason)).toBe(want);
  });
});

describe('fmtPercent(share): whole percent', () => {
  test.each([
    [0.42857, '43%'],
    [0, '0%'],
    [1, '100%'],
    [0.6666666666666665, '67%'],
    [null, 'n/a'],
  ])('fmtPercent(%s) -> %s', (x, want) => {
    expect(fmtPercent(x)).toBe(want);
  });
});

describe('fmtNA, fmtStat, fmtSuppressed', () => {
  test.each([
    ['only one leader ranked', 'n/a (only one leader ranked)'],
    ['  padded  ', 'n/a (padded)'],
    ['', 'n/a'],
    [undefined, 'n/a'],
    [null, 'n/a'],
  ])('fmtNA(%j) -> %s', (reason, want) => {
    expect(fmtNA(reason)).toBe(want);
  });

  test('fmtStat(value, reason, fmt) formats a value and explains a null', () => {
    expect(fmtStat(0.24, undefined)).toBe('0.24');
    expect(fmtStat(0.24, 'ignored when there is a value', fmtPercent)).toBe('24%');
    expect(fmtStat(null, 'constant stack', fmtRho)).toBe('n/a (constant stack)');
    expect(fmtStat(undefined, undefined)).toBe('n/a');
    expect(fmtStat(NaN, 'a bug upstream')).toBe('n/a (a bug upstream)');
  });

  test("fmtSuppressed(minGroup) -> 'hidden (protects groups under N)': a hidden group may be larger (complementary suppression)", () => {
    expect(fmtSuppressed(5)).toBe('hidden (protects groups under 5)');
    expect(fmtSuppressed(3)).toBe('hidden (protects groups under 3)');
    expect(fmtSuppressed(null)).toBe('hidden (protects small groups)');
  });
});

describe('ranks and counts', () => {
  test.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [101, '101st'],
    [111, '111th'],
    [7.5, '7.5'],
    [null, 'n/a'],
  ])('fmtOrdinal(%s) -> %s', (n, want) => {
    expect(fmtOrdinal(n)).toBe(want);
  });

  test('fmtRank: whole ranks as integers, midranks with one decimal', () => {
    expect(fmtRank(3)).toBe('3');
    expect(fmtRank(7.5)).toBe('7.5');
    expect(fmtRank(2.3333)).toBe('2.3');
  });

  test.each([
    [0, '0'],
    [999, '999'],
    [10000, '10,000'],
    [1234567, '1,234,567'],
    [-1234, '-1,234'],
    [2.6, '3'],
  ])('fmtInteger(%s) -> %s', (n, want) => {
    expect(fmtInteger(n)).toBe(want);
  });

  test('fmtCountWord, fmtCount, fmtList, fmtDecimal', () => {
    expect(fmtCountWord(6)).toBe('six');
    expect(fmtCountWord(5, true)).toBe('Five');
    expect(fmtCountWord(12)).toBe('12');
    expect(fmtCount(1, 'leader')).toBe('1 leader');
    expect(fmtCount(9, 'priority', 'priorities')).toBe('9 priorities');
    expect(fmtList([])).toBe('');
    expect(fmtList(['A'])).toBe('A');
    expect(fmtList(['A', 'B'])).toBe('A and B');
    expect(fmtList(['A', 'B', 'C'])).toBe('A, B and C');
    expect(fmtDecimal(0.9)).toBe('0.9');
    expect(fmtDecimal(0.95)).toBe('0.95');
    expect(fmtDecimal(1)).toBe('1');
  });
});

test('no formatter ever prints NaN, null or undefined', () => {
  const weird = [null, undefined, NaN, Infinity, -Infinity, -0];
  const fns: Array<(x: number | null | undefined) => string> = [
    (x) => fmtNumber(x),
    fmtRho,
    fmtP,
    fmtPercent,
    fmtInteger,
    fmtOrdinal,
    fmtRank,
    fmtDecimal,
    (x) => fmtStat(x, undefined),
    (x) => fmtPClause(x),
    fmtSuppressed,
  ];
  for (const f of fns) {
    for (const x of weird) expect(f(x)).not.toMatch(/NaN|null|undefined|Infinity/);
  }
});

describe('fmtMove(before, after, decimals, as): the change is the difference of the figures as printed', () => {
  test.each([
    // exact change 0.012 would print '+0.01' beside '0.61 -> 0.63'; the printed figures differ by 0.02
    [0.614, 0.626, 2, 'number', ['0.61', '0.63', '+0.02']],
    // exact change 0.0002 across a rounding edge: the figures print a step apart, and so does the change
    [0.6149, 0.6151, 2, 'number', ['0.61', '0.62', '+0.01']],
    // figures that would print alike although they differ: a third place shows the move
    [0.612, 0.614, 2, 'number', ['0.612', '0.614', '+0.002']],
    [0.0153, 0.01205, 2, 'number', ['0.02', '0.01', '-0.01']], // exact -0.00325 would print '-0.00'
    [0.5, 0.5, 2, 'number', ['0.50', '0.50', '0.00']],
    // shares as whole percents, the change in points: exact +1.63 points would print '+2' beside '37% -> 38%'
    [0.367, 0.38333333333333336, 0, 'percent', ['37%', '38%', '+1']],
    [0.6121, 0.6144, 0, 'percent', ['61.2%', '61.4%', '+0.2']],
    // gap points (already in points): exact +2.34 would print '+2' beside '51 -> 54'
    [51.3, 53.638814016172496, 0, 'number', ['51', '54', '+3']],
    [-4.6, 3.2, 0, 'number', ['-5', '3', '+8']],
    // rounding noise too small for two more places: the usual places, a zero change
    [0.61, 0.6100000001, 2, 'number', ['0.61', '0.61', '0.00']],
    [null, 0.5, 2, 'number', ['n/a', '0.50', 'n/a']],
    [0.3, null, 0, 'percent', ['30%', 'n/a', 'n/a']],
  ] as const)('fmtMove(%s, %s, %s, %s) -> %j', (b, a, d, as, [before, after, change]) => {
    expect(fmtMove(b, a, d, as)).toMatchObject({ before, after, change });
  });
});

describe('fmtGap(gap, flag): the gap in points is the difference of the two shares as printed', () => {
  const g = (l: number, o: number) => ({ leaders: l, others: o, gapPoints: (l - o) * 100 });
  test.each([
    // the bundled example: 5/7 = 71.43% (71) against 3/26 = 11.54% (12); exact 59.89 would print 60
    [5 / 7, 3 / 26, ['71%', '12%', '59'], 59],
    // exact 23.6, the shares 43% and 19%: no rounding in between
    [3 / 7, 5 / 26, ['43%', '19%', '24'], 24],
    // exact 19.96, under the flag; whole percents (71% - 51%) would read 20: one decimal, shares too
    [5 / 7, 35 / 68, ['71.4%', '51.5%', '19.9'], 19.9],
    // the other way round, by size: exact -19.6 is within 20 points; whole percents read -20
    [0.404, 0.6, ['40.4%', '60.0%', '-19.6'], -19.6],
    // on the flag at one decimal too (exact 19.96, 70.0 - 50.0): two decimals
    [0.6996, 0.5, ['69.96%', '50.00%', '19.96'], 19.96],
    // on the flag at two more places still (exact 19.996): cut short toward a smaller gap
    [0.69996, 0.5, ['69.99%', '50.00%', '19.99'], 19.99],
    // on the flag and flagged (exact 20.4): whole percents
    [0.704, 0.5, ['70%', '50%', '20'], 20],
  ] as const)('fmtGap(%s against %s) -> %j', (l, o, [leaders, others, points], shown) => {
    expect(fmtGap(g(l, o), 20)).toMatchObject({ leaders, others, points, shown });
  });

  test('a gap of exactly the flag (as the audit gives it, 20 rather than 19.999999999999996) prints as the flag', () => {
    expect(fmtGap({ leaders: 0.7, others: 0.5, gapPoints: 20 }, 20)).toMatchObject({ leaders: '70%', others: '50%', points: '20', shown: 20 });
  });

  test("shares and gap in the reader's separators", () => {
    for (const lang of ['fr', 'de'] as const) {
      const shown = withLanguage(lang, () => fmtGap(g(5 / 7, 35 / 68), 20));
      expect(shown.leaders).toMatch(/^71,4[\u00a0\u202f]%$/);
      expect(shown.others).toMatch(/^51,5[\u00a0\u202f]%$/);
      expect(shown.points).toBe('19,9');
    }
  });

  test('fmtGapMove: each gap as fmtGap prints it, the change the difference of the two as printed', () => {
    // 80.17% - 33.51% = 46.66 prints 80% - 34% = 46 (not 47); 85.71% - 32.08% = 53.64 prints 86% - 32% = 54; +8, not +7
    expect(fmtGapMove(g(0.8017, 0.3351), g(6 / 7, 17 / 53), 20)).toMatchObject({ before: '46', after: '54', change: '+8' });
    // gaps that differ but print alike get a decimal, their shares' too: 71.4 - 51.5 = 19.9 against 71.4 - 51.4 = 20.0
    expect(fmtGapMove(g(5 / 7, 35 / 68), g(5 / 7, 0.514), 20)).toMatchObject({ before: '19.9', after: '20.0', change: '+0.1' });
    expect(fmtGapMove({ leaders: null, others: 0.2, gapPoints: null }, g(0.7, 0.2), 20)).toMatchObject({ before: 'n/a', after: '50', change: 'n/a' });
  });
});

describe('fmtBeside(x, cuts, decimals): never printed on the other side of a cut than it is', () => {
  const W = [0.2, 0.4, 0.6, 0.8];
  test.each([
    [0.598, W, '0.598'], // "moderate" (below 0.60) would read 0.60
    [0.5996, W, '0.5996'], // still 0.600 at three places: four
    [0.59996, W, '0.5999'], // still 0.6000 at four: cut short toward its own side
    [0.6, W, '0.60'],
    [0.604, W, '0.60'], // rounds down onto the cut, from above: the same side
    [0.61, W, '0.61'],
    [0.398, W, '0.398'],
    [0.497, [0.5, 0.7], '0.497'],
    [-0.397, [0.4, 0.6, 0.8], '-0.40'], // far from every cut
    [null, W, 'n/a'],
  ] as const)('fmtBeside(%s, %j) -> %s', (x, cuts, want) => {
    expect(fmtBeside(x, cuts)).toBe(want);
  });

  test('fmtPercentBeside: one decimal, two if need be, beside one cut or several', () => {
    expect(fmtPercentBeside(0.2456, 0.25)).toBe('24.6%');
    expect(fmtPercentBeside(0.397, [0.4, 0.6])).toBe('39.7%');
    expect(fmtPercentBeside(0.59996, [0.4, 0.6])).toBe('59.99%');
    expect(fmtPercentBeside(0.61, [0.4, 0.6])).toBe('61%');
  });

  test('fmtPercentBeside over a cut ("more than half": orphaned): a share just over it never prints as the cut', () => {
    expect(fmtPercentBeside(0.5004, 0.5, true)).toBe('50.04%');
    expect(fmtPercentBeside(0.504, 0.5, true)).toBe('50.4%');
    // 50% is not more than half: printed as it is, and so is a share just under it
    expect(fmtPercentBeside(0.5, 0.5, true)).toBe('50%');
    expect(fmtPercentBeside(0.4996, 0.5, true)).toBe('50%');
    expect(fmtPercentBeside(0.51, 0.5, true)).toBe('51%');
    // read as "at least" (the default), 0.5004 is on the cut's side already
    expect(fmtPercentBeside(0.5004, 0.5)).toBe('50%');
    // still on the cut at two more places: cut short toward its own side
    expect(fmtPercentBeside(0.500001, 0.5, true)).toBe('50.01%');
  });

  test("fmtMove with cuts: each W on its band's side, both at the places either needs, the change from them as printed", () => {
    expect(fmtMove(0.598, 0.61, 2, 'number', W)).toMatchObject({ before: '0.598', after: '0.610', change: '+0.012' });
    expect(fmtMove(0.31, 0.35, 2, 'number', W)).toMatchObject({ before: '0.31', after: '0.35', change: '+0.04' });
  });
});

describe('the counts a plural is chosen by: the figure as printed, decimals shown counting as CLDR counts them', () => {
  test.each([
    // +1 point: one
    [0.614, 0.624, 0, { after: 62, change: 1 }],
    [0.624, 0.614, 0, { after: 61, change: -1 }],
    // +0.2 points (English, German) and +0,2 point (French): the value itself
    [0.6121, 0.6141, 0, { after: 61.4, change: 0.2 }],
  ] as const)('fmtMove(%s, %s, %s, percent).count -> %j', (b, a, d, count) => {
    expect(fmtMove(b, a, d, 'percent').count).toEqual(count);
  });

  test("a whole figure printed with decimals ('+1.0') is chosen as a fraction would be", () => {
    // 61.499% and 60.501% both print 61%: at one decimal 61.5% -> 60.5%, a change of -1.0
    const move = fmtMove(0.61499, 0.60501, 0, 'percent');
    expect(move).toMatchObject({ before: '61.5%', after: '60.5%', change: '-1.0' });
    expect(move.count.change).toBe(-1.5);
    const words = (lang: 'en' | 'fr' | 'de', n: number) =>
      new Intl.PluralRules(lang).select(n) === 'one' ? { en: 'point', fr: 'point', de: 'Punkt' }[lang] : { en: 'points', fr: 'points', de: 'Punkte' }[lang];
    expect(words('en', move.count.change!)).toBe('points');
    expect(words('de', move.count.change!)).toBe('Punkte');
    expect(words('fr', move.count.change!)).toBe('point');
  });

  test('fmtGap: the gap as printed', () => {
    expect(fmtGap({ leaders: 0.51, others: 0.5, gapPoints: 1 }, 20).count).toBe(1);
  });
});
