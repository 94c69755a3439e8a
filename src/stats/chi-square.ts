/**
 * Chi-square survival function: P(X >= x) for X ~ chi-square(df).
 *
 * What it is for: the p-value of Kendall's W, whose statistic m(N-1)W is
 * approximately chi-square with N-1 degrees of freedom.
 * Reference: P(X >= x) = Q(df/2, x/2), the regularized upper incomplete gamma
 * function, computed as in Press et al., Numerical Recipes (gser/gcf: series
 * for x < a+1, Lentz continued fraction otherwise); the same method is described
 * at https://en.wikipedia.org/wiki/Incomplete_gamma_function#Regularized_gamma_functions_and_Poisson_random_variables
 * and matches scipy.stats.chi2.sf to about 1e-13 relative for df <= 100.
 * Ties: not applicable.
 * Undefined case: none for x >= 0 (x = 0 gives 1, x = Infinity gives 0; a negative
 * x gives 1, since X is never negative). NaN x, or df that is not a positive
 * finite number, is a programmer error and throws.
 * Example: chiSquareSurvival(10, 7) -> 0.18857346751344997 (scipy.stats.chi2.sf(10, 7)).
 */
import { logGamma } from './log-gamma.js';

const EPSILON = Number.EPSILON;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

export function chiSquareSurvival(x: number, df: number): number {
  if (Number.isNaN(x)) throw new Error('chiSquareSurvival requires a number x, got NaN');
  if (!Number.isFinite(df) || df <= 0) throw new Error(`chiSquareSurvival requires positive finite degrees of freedom, got ${df}`);
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return regularizedGammaQ(df / 2, x / 2);
}

/** Q(a, x) = Γ(a, x) / Γ(a), for a > 0 and x > 0. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0) || !Number.isFinite(a)) {
    throw new Error(`regularizedGammaQ requires a > 0 and x >= 0, got a=${a}, x=${x}`);
  }
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) return 1 - lowerSeries(a, x, logPrefix);
  return upperContinuedFraction(a, x, logPrefix);
}

/** P(a, x) by its power series: e^-x x^a / Γ(a+1) Σ x^n / ((a+1)...(a+n)). */
function lowerSeries(a: number, x: number, logPrefix: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) return sum * Math.exp(logPrefix);
  }
  throw new Error(`regularizedGammaQ: series did not converge for a=${a}, x=${x}`);
}

/** Q(a, x) by its continued fraction, evaluated with the modified Lentz method. */
function upperContinuedFraction(a: number, x: number, logPrefix: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return Math.exp(logPrefix) * h;
  }
  throw new Error(`regularizedGammaQ: continued fraction did not converge for a=${a}, x=${x}`);
}
