// src/stats/describe.ts against numpy (the call beside each value) and the undefined cases.
import { describe, expect, test } from 'vitest';
import { columnMeans, mean, meanAndSd, sampleVariance } from '../../src/stats/describe.js';

describe('mean, sampleVariance, meanAndSd, columnMeans', () => {
  test('against numpy', () => {
    expect(mean([1, 2, 2, 3, 1])).toBeCloseTo(1.8, 12); // numpy.mean
    expect(sampleVariance([1, 2, 2, 3, 1])).toBeCloseTo(0.7, 12); // numpy.var(x, ddof=1)
    expect(meanAndSd([1, 2, 2, 3, 1]).sd.value).toBeCloseTo(0.8366600265340756, 12); // numpy.std(x, ddof=1)
    expect(
      columnMeans(
        [
          [1, 2],
          [3, 6],
        ],
        2,
      ),
    ).toEqual([2, 4]);
  });

  test('undefined cases are null with a reason, never NaN', () => {
    expect(mean([])).toBeNull();
    expect(sampleVariance([4])).toBeNull();
    expect(meanAndSd([])).toEqual({ mean: { value: null, reason: 'no answers' }, sd: { value: null, reason: 'no answers' } });
    expect(meanAndSd([4])).toEqual({ mean: { value: 4 }, sd: { value: null, reason: 'one answer: a spread needs two' } });
  });
});
