/**
 * Natural logarithm of the gamma function, ln Γ(a), for a > 0.
 *
 * What it is for: the normalising constant of the regularized incomplete gamma
 * function behind the chi-square p-value of Kendall's W.
 * Reference: Lanczos approximation with g = 7, n = 9 (Godfrey's coefficients), as
 * given in https://en.wikipedia.org/wiki/Lanczos_approximation ; relative error
 * about 1e-15 for a >= 0.5. Below 0.5 the recurrence ln Γ(a) = ln Γ(a+1) - ln a is used.
 * Ties: not applicable.
 * Undefined case: a <= 0 or not finite is a programmer error and throws
 * (align only calls it with a = df/2 >= 1/2).
 * Example: logGamma(5) -> ln 24 = 3.1780538303479458; logGamma(0.5) -> ln √π = 0.5723649429247001.
 */

const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

export function logGamma(a: number): number {
  if (!Number.isFinite(a) || a <= 0) throw new Error(`logGamma requires a positive finite argument, got ${a}`);
  if (a < 0.5) return logGamma(a + 1) - Math.log(a);
  const z = a - 1;
  let sum = COEFFICIENTS[0] as number;
  for (let i = 1; i < COEFFICIENTS.length; i++) sum += (COEFFICIENTS[i] as number) / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
