import { describe, expect, it, vi } from 'vitest';
import {
  BUILTIN_SCALE_NAMES,
  bestScale,
  findScale,
  integerAnswer,
  isMissingAnswer,
  labelKey,
  likertValue,
  numericRange,
  scalesFor,
} from '../../src/ingest/likert.js';

const scale = (name: string) => findScale(name)!;

describe('labelKey(label)', () => {
  it('ignores case, spacing, punctuation and a number before or after the words', () => {
    expect(labelKey('  STRONGLY   agree ')).toBe('strongly agree');
    expect(labelKey('5. Strongly Agree')).toBe('strongly agree');
    expect(labelKey('5 - Strongly agree')).toBe('strongly agree');
    expect(labelKey('(5) Strongly agree')).toBe('strongly agree');
    expect(labelKey('Strongly agree (5)')).toBe('strongly agree');
    expect(labelKey('Don’t know')).toBe(labelKey("Don't know"));
    expect(labelKey('Strongly\u00a0agree')).toBe('strongly agree');
  });
});

describe('likertValue(cell, scale)', () => {
  it('reads the 5-point agreement scale, 1 = Strongly disagree', () => {
    const s = scale('agreement');
    expect(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'].map((l) => likertValue(l, s))).toEqual([1, 2, 3, 4, 5]);
    expect(likertValue('neutral', s)).toBe(3);
    expect(likertValue('4. agree', s)).toBe(4);
  });

  it('reads the 7-point agreement scale', () => {
    const s = scale('agreement-7');
    expect(
      ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Agree', 'Strongly agree'].map((l) =>
        likertValue(l, s),
      ),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads frequency, extent and satisfaction', () => {
    expect(['Never', 'Rarely', 'Sometimes', 'Often', 'Always'].map((l) => likertValue(l, scale('frequency')))).toEqual([1, 2, 3, 4, 5]);
    expect(
      ['Not at all', 'To a small extent', 'To a moderate extent', 'To a large extent', 'To a very large extent'].map((l) => likertValue(l, scale('extent'))),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(
      ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'].map((l) =>
        likertValue(l, scale('satisfaction')),
      ),
    ).toEqual([1, 2, 3, 4, 5]);
  });

  it('N/A, Don’t know, Not applicable and Prefer not to say are missing (null), not a value', () => {
    const s = scale('agreement');
    for (const missing of ['N/A', 'n/a', "Don't know", 'DON’T KNOW', 'Not applicable', 'Prefer not to say', '', '  ']) {
      expect(likertValue(missing, s), missing).toBeNull();
      expect(isMissingAnswer(missing), missing).toBe(true);
    }
  });

  it('reads a label once per spelling, not once per cell (a million cells of "Agree" are one key)', () => {
    // Before: likertValue / isMissingAnswer / bestScale ran labelKey's NFKC and regex passes on every cell.
    const s = scale('agreement');
    const cells = Array.from({ length: 1000 }, (_, i) => ['Agree ', 'Strongly agree (5)', 'N/A'][i % 3]!);
    const normalize = vi.spyOn(String.prototype, 'normalize');
    try {
      const values = cells.map((c) => likertValue(c, s));
      const missing = cells.filter((c) => isMissingAnswer(c)).length;
      const fit = bestScale(cells, [s]);
      expect([values.slice(0, 3), missing, fit?.matched]).toEqual([[4, 5, null], 333, 667]);
      expect(normalize.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      normalize.mockRestore();
    }
  });

  it('an unknown label is undefined', () => {
    expect(likertValue('Agree-ish', scale('agreement'))).toBeUndefined();
  });
});

describe('bestScale(cells, scales)', () => {
  const builtins = scalesFor({});

  it('prefers the 5-point scale unless a 7-point-only label appears', () => {
    expect(bestScale(['Agree', 'Strongly agree', 'Disagree'], builtins)!.scale.name).toBe('agreement');
    expect(bestScale(['Agree', 'Somewhat agree', 'Disagree'], builtins)!.scale.name).toBe('agreement-7');
  });

  it('reports the labels it does not know', () => {
    const fit = bestScale(['Agree', 'Agree-ish', 'Disagree', 'N/A', ''], builtins)!;
    expect(fit).toMatchObject({ matched: 2, answered: 3, known: ['Agree', 'Disagree'], unknown: ['Agree-ish'] });
  });

  it('is null for cells that are no scale at all', () => {
    expect(bestScale(['Red', 'Blue'], builtins)).toBeNull();
  });

  it('fits a column with more distinct cells than the label cache holds as it fits a short one', () => {
    // 12,000 distinct comments (the cache keeps 10,000 labels) among the labels; expected by hand:
    // 24,000 answered (the blanks and N/A are not), 12,000 of them labels of the 5-point scale
    const comments = Array.from({ length: 12_000 }, (_, i) => `idea ${i}`);
    const cells = comments.flatMap((c, i) => [c, ['Agree', 'Strongly agree (5)', 'Disagree'][i % 3]!, i % 2 === 0 ? 'N/A' : '']);
    const fit = bestScale(cells, builtins)!;
    expect(fit.scale.name).toBe('agreement');
    expect({ matched: fit.matched, answered: fit.answered, known: fit.known }).toEqual({
      matched: 12_000,
      answered: 24_000,
      known: ['Agree', 'Strongly agree (5)', 'Disagree'],
    });
    expect(fit.unknown).toEqual(comments);
    // the same fit as on the first thousand cells, scaled
    const short = bestScale(cells.slice(0, 3_000), builtins)!;
    expect([short.scale.name, short.known, short.unknown]).toEqual(['agreement', fit.known, comments.slice(0, 1_000)]);
  });
});

describe('scalesFor(config)', () => {
  it('an align.yml scale named like a built-in one extends it', () => {
    const [agreement] = scalesFor({ scales: { agreement: { labels: { 'Agree-ish': 4 } } } });
    expect(agreement!.name).toBe('agreement');
    expect(likertValue('agree-ish', agreement!)).toBe(4);
    expect(likertValue('Strongly agree', agreement!)).toBe(5);
  });

  it('another name is a scale of its own, tried first, with its own missing labels', () => {
    const scales = scalesFor({ scales: { stars: { labels: { '★': 1, '★★': 2, '★★★': 3 }, missing: ['Skip'] } } });
    expect(scales[0]!.name).toBe('stars');
    expect(scales[0]!.points).toBe(3);
    expect(likertValue('Skip', scales[0]!)).toBeNull();
    expect(scales.slice(1).map((s) => s.name)).toEqual([...BUILTIN_SCALE_NAMES]);
  });
});

describe('integer scales', () => {
  it('integerAnswer reads whole numbers only', () => {
    expect(['4', ' 4 ', '4.0', '4.5', 'four', ''].map(integerAnswer)).toEqual([4, 4, 4, null, null, null]);
  });

  it('numericRange gives the narrowest of 1-5, 1-7, 0-10', () => {
    expect(numericRange([1, 3, 5])).toEqual({ low: 1, high: 5, points: 5 });
    expect(numericRange([2, 6])).toEqual({ low: 1, high: 7, points: 7 });
    expect(numericRange([0, 9])).toEqual({ low: 0, high: 10, points: 11 });
    expect(numericRange([1, 12])).toBeNull();
    expect(numericRange([])).toBeNull();
  });
});
