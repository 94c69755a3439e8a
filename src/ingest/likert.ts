/**
 * Likert answers to numbers.
 *
 * A survey export writes a Likert answer either as the label the respondent
 * clicked ("Strongly agree", "5. Strongly Agree") or as a number on a fixed
 * range (Typeform opinion scales, Qualtrics "numeric values", LimeSurvey codes).
 * This module knows the common English scales, reads both forms, and treats
 * "N/A", "Don't know", "Not applicable" and "Prefer not to say" as no answer
 * (missing, never a value). A column whose labels fit no scale is an error that
 * names the labels found; align.yml `scales` adds labels or whole scales.
 *
 * Labels are compared by `labelKey`: Unicode NFKC, case-folded, a leading or
 * trailing number removed ("5. Strongly Agree", "Strongly agree (5)"),
 * punctuation removed, white space collapsed. So `  STRONGLY agree ` and
 * `5 - Strongly agree` are the same label. A bare signed number keeps its sign
 * (`-2` is not `2`; `+2` is), so align.yml can name a −2..+2 scale.
 *
 *   const scale = findScale('agreement')!;
 *   likertValue('Strongly agree', scale)  // 5
 *   likertValue("Don't know", scale)      // null (missing)
 *   likertValue('Agree-ish', scale)       // undefined (not a label)
 */

import { visibleText } from '../text.js';
import type { AlignConfig } from './config-types.js';

export interface Scale {
  /**
   * `agreement`, `agreement-7`, `agreement-9`, `agreement-10`, `frequency`, `extent`, `satisfaction`,
   * `favourability`, `importance`, `importance-extremely`, `importance-3`, `amount`, or an align.yml name.
   */
  name: string;
  /** Number of points: the number of distinct values. */
  points: number;
  /** labelKey(label) -> value. */
  labels: ReadonlyMap<string, number>;
  /** labelKeys that mean "no answer". */
  missing: ReadonlySet<string>;
  /** The labels as shown, lowest value first (for messages and for writing align.yml). */
  shown: ReadonlyArray<{ label: string; value: number }>;
  /** True for the scales align knows without align.yml. */
  builtin: boolean;
  /**
   * True when the scale's labels carry their number (`1. Completely disagree` …
   * `9. Completely agree`): a cell is looked up by its number and words
   * (numberedKey), so the number counts, and a bare number is its own value.
   */
  numbered?: boolean;
}

/** Labels that mean "no answer" on every scale. */
export const MISSING_LABELS: readonly string[] = [
  'N/A',
  'NA',
  'Not applicable',
  "Don't know",
  'Do not know',
  "Don't know / not applicable",
  'Prefer not to say',
  'Prefer not to answer',
  'Rather not say',
  'No opinion',
  'Not sure',
  'Unsure',
  "Can't say",
  'Cannot say',
  'Unfamiliar (N/A)',
];

interface ScaleDefinition {
  name: string;
  /** Each point: the canonical label first, then synonyms. */
  points: string[][];
  /** Labels written with their number (numberedKey); `points` then holds each point's words. */
  numbered?: boolean;
}

/** The words of agreement scales, by side, for the numbered 9- and 10-point scales. */
const DISAGREE_WORDS = [
  'Completely disagree',
  'Totally disagree',
  'Strongly disagree',
  'Disagree strongly',
  'Mostly disagree',
  'Moderately disagree',
  'Disagree',
  'Somewhat disagree',
  'Slightly disagree',
  'Mildly disagree',
  'Tend to disagree',
];
const NEUTRAL_WORDS = ['Neither agree nor disagree', 'Neither agree or disagree', 'Neutral', 'Undecided', 'Neither'];
const AGREE_WORDS = [
  'Completely agree',
  'Totally agree',
  'Strongly agree',
  'Agree strongly',
  'Mostly agree',
  'Moderately agree',
  'Agree',
  'Somewhat agree',
  'Slightly agree',
  'Mildly agree',
  'Tend to agree',
];

/**
 * An agreement scale of `points` points whose labels are numbered ("1.
 * Completely disagree" … "9. Completely agree"): point n is the number n with
 * any disagreeing words below the middle, agreeing words above it (the
 * neutral words at the middle of an odd scale), or the number alone. The
 * number decides the value, so "9. Completely agree" is 9 here and is no label
 * of the 5-point scale.
 */
function numberedAgreement(points: number): ScaleDefinition {
  const middle = (points + 1) / 2;
  return {
    name: `agreement-${points}`,
    numbered: true,
    points: Array.from({ length: points }, (_, i) => {
      const n = i + 1;
      if (n < middle) return n === 1 ? DISAGREE_WORDS : DISAGREE_WORDS.filter((w) => !/^(completely|totally)/i.test(w));
      if (n > middle) return n === points ? AGREE_WORDS : AGREE_WORDS.filter((w) => !/^(completely|totally)/i.test(w));
      return NEUTRAL_WORDS;
    }),
  };
}

const BUILTIN_DEFINITIONS: readonly ScaleDefinition[] = [
  {
    name: 'agreement',
    points: [
      ['Strongly disagree', 'Disagree strongly', 'Completely disagree'],
      ['Disagree', 'Tend to disagree'],
      ['Neither agree nor disagree', 'Neither agree or disagree', 'Neutral', 'Undecided', 'Neither'],
      ['Agree', 'Tend to agree'],
      ['Strongly agree', 'Agree strongly', 'Completely agree'],
    ],
  },
  {
    name: 'agreement-7',
    points: [
      ['Strongly disagree', 'Disagree strongly', 'Completely disagree'],
      ['Disagree', 'Moderately disagree', 'Mostly disagree'],
      ['Somewhat disagree', 'Slightly disagree', 'Mildly disagree'],
      ['Neither agree nor disagree', 'Neither agree or disagree', 'Neutral', 'Undecided'],
      ['Somewhat agree', 'Slightly agree', 'Mildly agree'],
      ['Agree', 'Moderately agree', 'Mostly agree'],
      ['Strongly agree', 'Agree strongly', 'Completely agree'],
    ],
  },
  {
    name: 'frequency',
    points: [
      ['Never'],
      ['Rarely', 'Seldom', 'Almost never'],
      ['Sometimes', 'Occasionally'],
      ['Often', 'Usually', 'Frequently', 'Very often', 'Most of the time', 'Almost always'],
      ['Always'],
    ],
  },
  {
    name: 'extent',
    points: [
      ['Not at all', 'To no extent'],
      ['To a small extent', 'To a little extent', 'To a slight extent', 'Slightly'],
      ['To some extent', 'To a moderate extent', 'Moderately', 'Somewhat'],
      ['To a large extent', 'To a great extent', 'To a considerable extent', 'Considerably'],
      ['To a very large extent', 'To a very great extent', 'Completely', 'Fully'],
    ],
  },
  {
    name: 'satisfaction',
    points: [
      ['Very dissatisfied', 'Extremely dissatisfied'],
      ['Dissatisfied', 'Somewhat dissatisfied'],
      ['Neither satisfied nor dissatisfied', 'Neither satisfied or dissatisfied', 'Neutral'],
      ['Satisfied', 'Somewhat satisfied'],
      ['Very satisfied', 'Extremely satisfied'],
    ],
  },
  {
    // Importance, top label "Very important" (Vagias 2006's "level of importance" with "Important" at 4).
    name: 'importance',
    points: [
      ['Not at all important', 'Not important at all', 'Not important', 'Unimportant', 'Very unimportant'],
      ['Slightly important', 'Of little importance', 'Low importance', 'Not very important', 'Somewhat unimportant'],
      ['Moderately important', 'Somewhat important', 'Fairly important', 'Neither important nor unimportant', 'Neutral'],
      ['Important', 'Quite important'],
      ['Very important', 'Of great importance', 'High importance'],
    ],
  },
  {
    // The same with "Extremely important" on top and "Very important" at 4 (Vagias 2006, Qualtrics' importance scale).
    name: 'importance-extremely',
    points: [
      ['Not at all important', 'Not important at all', 'Not important', 'Unimportant'],
      ['Slightly important', 'Of little importance', 'Low importance', 'Not very important'],
      ['Moderately important', 'Somewhat important', 'Fairly important'],
      ['Very important'],
      ['Extremely important', 'Critically important', 'Absolutely essential'],
    ],
  },
  {
    // Three points in the respondent's own words: "Critical to me / Somewhat useful / Not relevant for me".
    name: 'importance-3',
    points: [
      ['Not relevant for me', 'Not relevant to me', 'Not relevant', 'Not useful', 'Not needed'],
      ['Somewhat useful', 'Useful', 'Nice to have', 'Somewhat relevant', 'Somewhat relevant to me'],
      ['Critical to me', 'Critical for me', 'Critical', 'Essential', 'Essential to me', 'Must have', 'Very relevant'],
    ],
  },
  {
    // How much: "A lot / Some / Not much / Not at all" (and Pew's "A great deal / A fair amount / Not too much / Not at all").
    name: 'amount',
    points: [
      ['Not at all', 'None', 'None at all', 'Nothing'],
      ['Not much', 'Not too much', 'A little', 'Very little', 'Only a little'],
      ['Some', 'A fair amount', 'A moderate amount', 'Quite a bit'],
      ['A lot', 'A great deal', 'Very much'],
    ],
  },
  numberedAgreement(9),
  numberedAgreement(10),
  {
    // SurveyMonkey's favourability matrix (FiveThirtyEight's Star Wars survey).
    name: 'favourability',
    points: [
      ['Very unfavorably', 'Very unfavourably', 'Very unfavorable', 'Very unfavourable'],
      ['Somewhat unfavorably', 'Somewhat unfavourably', 'Somewhat unfavorable', 'Somewhat unfavourable', 'Unfavorable', 'Unfavourable'],
      [
        'Neither favorably nor unfavorably (neutral)',
        'Neither favourably nor unfavourably (neutral)',
        'Neither favorably nor unfavorably',
        'Neither favourably nor unfavourably',
        'Neither favorable nor unfavorable',
        'Neither favourable nor unfavourable',
        'Neutral',
      ],
      ['Somewhat favorably', 'Somewhat favourably', 'Somewhat favorable', 'Somewhat favourable', 'Favorable', 'Favourable'],
      ['Very favorably', 'Very favourably', 'Very favorable', 'Very favourable'],
    ],
  },
];

/** Names of the scales align knows without align.yml, in the order they are tried. */
export const BUILTIN_SCALE_NAMES: readonly string[] = BUILTIN_DEFINITIONS.map((d) => d.name);

const NUMBER_PREFIX = /^\(?\s*\d{1,2}\s*(?:[.):=\-–—]|\s)\s*(?=\p{L})/u;
const NUMBER_SUFFIX = /(?<=\p{L}[^\d]*)\s*[([=\-–—:]\s*\d{1,2}\s*[)\]]?\s*$/u;

/**
 * The comparison key of a label: NFKC, case-folded, a number before or after
 * the words removed, punctuation removed, white space collapsed.
 *   labelKey(' 5. Strongly  Agree ') === 'strongly agree'
 *   labelKey("Don’t know") === 'dont know'
 */
export function labelKey(label: string): string {
  return analyse(label).key;
}

const NUMBER_AT_START = /^\(?\s*(\d{1,2})\s*(?:[.):=\-–—]|\s)\s*(?=\p{L})/u;
const NUMBER_AT_END = /(?<=\p{L}[^\d]*)\s*[([=\-–—:]\s*(\d{1,2})\s*[)\]]?\s*$/u;

/** A bare whole number with a sign: plus, hyphen-minus, or the minus sign U+2212 (NFKC leaves it). */
const SIGNED_NUMBER = /^([+\-\u2212])\s*(\d{1,3})$/u;

/** A label's key (labelKey) and the number it is written with (labelNumber), in one Unicode pass. */
function analyse(label: string): { key: string; number: number | null } {
  // visibleText (src/text.ts): a zero-width space is a space, the other invisible characters go.
  const plain = visibleText(label.normalize('NFKC').toLowerCase()).trim();
  // A bare signed whole number ("-2", "+1", "−3") is its own key, sign kept: removing the minus as
  // punctuation would make "-2" and "2" one label, so a -2..+2 scale read 2 as -2. "+2" is "2".
  const signed = SIGNED_NUMBER.exec(plain);
  if (signed) {
    const value = Number(`${signed[1] === '+' ? '' : '-'}${signed[2]}`);
    return { key: String(value === 0 ? 0 : value), number: null };
  }
  // No scale label is this long; NUMBER_SUFFIX's look-behind costs the square of the length, so
  // a long cell (a comment, a 10,000-character name) keeps its numbers rather than take minutes.
  const numbered = plain.length <= 200;
  const key = (numbered ? plain.replace(NUMBER_PREFIX, '').replace(NUMBER_SUFFIX, '') : plain)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
  let number: number | null = null;
  if (/^\d{1,2}$/.test(plain)) number = Number(plain);
  else if (numbered) {
    const m = NUMBER_AT_START.exec(plain) ?? NUMBER_AT_END.exec(plain);
    if (m) number = Number(m[1]);
  }
  // Labels made only of symbols ("★★", "+", "--") are their own key.
  return { key: key === '' ? plain.replace(/[\s\u00a0]+/gu, '') : key, number };
}

/**
 * analyse, remembered: every Likert cell of a file goes through it (several
 * times: inference, scale fit, reading), and a column holds a handful of
 * distinct labels, so the Unicode passes need run once per spelling, not
 * once per cell (40 items x 1M respondents).
 */
const analysed = new Map<string, { key: string; number: number | null }>();
function cachedAnalyse(label: string): { key: string; number: number | null } {
  let a = analysed.get(label);
  if (a === undefined) {
    a = analyse(label);
    if (analysed.size >= 10_000) analysed.clear();
    analysed.set(label, a);
  }
  return a;
}
const cachedLabelKey = (label: string): string => cachedAnalyse(label).key;

const MISSING_KEYS: ReadonlySet<string> = new Set(MISSING_LABELS.map(labelKey));

function fromDefinition(def: ScaleDefinition): Scale {
  const labels = new Map<string, number>();
  def.points.forEach((synonyms, i) => {
    const n = i + 1;
    if (def.numbered) {
      labels.set(`#${n}`, n);
      for (const s of synonyms) labels.set(`#${n} ${labelKey(s)}`, n);
    } else {
      for (const s of synonyms) labels.set(labelKey(s), n);
    }
  });
  const last = def.points.length;
  return {
    name: def.name,
    points: def.points.length,
    labels,
    missing: MISSING_KEYS,
    // a numbered scale is shown as it is usually written: the ends in words, the points between by number
    shown: def.points.map((synonyms, i) => ({
      label: !def.numbered ? synonyms[0]! : i === 0 || i === last - 1 ? `${i + 1}. ${synonyms[0]!}` : String(i + 1),
      value: i + 1,
    })),
    builtin: true,
    ...(def.numbered ? { numbered: true } : {}),
  };
}

/**
 * The number a label is written with ("9. Completely agree", "Agree (4)"), the
 * number of a bare whole-number cell ("7"), or null.
 *   labelNumber('9. Completely agree') === 9;  labelNumber('Agree') === null
 */
export function labelNumber(label: string): number | null {
  return cachedAnalyse(label).number;
}

/**
 * The key of a cell on a numbered scale: its number and its words
 * (`#9 completely agree`), its number alone for a bare number (`#7`), or null
 * for a label written without a number.
 */
export function numberedKey(label: string): string | null {
  const { key, number } = cachedAnalyse(label);
  if (number === null) return null;
  return /^\d{1,2}$/.test(key) ? `#${number}` : `#${number} ${key}`;
}

/**
 * The key a cell is looked up by on `scale`, or null when it cannot be one of
 * its labels: on a numbered scale its number and words; on any other its
 * labelKey, unless it is written with a number the scale does not reach
 * ("9. Completely agree" is not the 5-point scale's "Completely agree").
 */
function keyOn(cell: string, scale: Scale): string | null {
  if (scale.numbered) return numberedKey(cell);
  const { key, number } = cachedAnalyse(cell);
  if (number !== null && number > scale.points && scale.labels.has(key)) return null;
  return key;
}

const BUILTINS: readonly Scale[] = BUILTIN_DEFINITIONS.map(fromDefinition);

/**
 * The scales to try, align.yml's first. A `scales` entry named like a built-in
 * scale (`agreement`) extends it: its labels are added to (and win over) the
 * built-in ones; any other name is a scale of its own.
 */
export function scalesFor(config: AlignConfig | undefined): Scale[] {
  const own = config?.scales ?? {};
  const result: Scale[] = [];
  const extended = new Set<string>();
  for (const [name, spec] of Object.entries(own)) {
    const base = BUILTINS.find((s) => s.name === name);
    const labels = new Map<string, number>(base ? base.labels : []);
    const shown = new Map<number, string>(base ? base.shown.map((s) => [s.value, s.label]) : []);
    for (const [label, value] of Object.entries(spec.labels)) {
      labels.set(base?.numbered ? (numberedKey(label) ?? labelKey(label)) : labelKey(label), value);
      if (!shown.has(value)) shown.set(value, label);
    }
    const missing = new Set<string>(MISSING_KEYS);
    for (const m of spec.missing ?? []) {
      missing.add(labelKey(m));
      labels.delete(labelKey(m));
    }
    const values = new Set(labels.values());
    result.push({
      name,
      points: values.size,
      labels,
      missing,
      shown: [...shown.entries()].sort((a, b) => a[0] - b[0]).map(([value, label]) => ({ label, value })),
      builtin: false,
      ...(base?.numbered ? { numbered: true } : {}),
    });
    if (base) extended.add(name);
  }
  for (const s of BUILTINS) if (!extended.has(s.name)) result.push(s);
  return result;
}

/** A scale by name (align.yml's or a built-in one), or null. */
export function findScale(name: string, config?: AlignConfig): Scale | null {
  return scalesFor(config).find((s) => s.name === name) ?? null;
}

/** True when the cell is blank or says "no answer" in one of the usual ways. */
export function isMissingAnswer(cell: string, scale?: Scale): boolean {
  if (cell.trim() === '') return true;
  return (scale?.missing ?? MISSING_KEYS).has(cachedLabelKey(cell));
}

/**
 * The value of a labelled answer on `scale`: a number, null for a blank or
 * "no answer" cell, undefined when the label is not on the scale.
 */
export function likertValue(cell: string, scale: Scale): number | null | undefined {
  if (cell.trim() === '') return null;
  const key = keyOn(cell, scale);
  if (key !== null && scale.labels.has(key)) return scale.labels.get(key)!;
  if (scale.missing.has(cachedLabelKey(cell))) return null;
  return undefined;
}

/** An integer answer ("4", "4.0"), else null. */
export function integerAnswer(cell: string): number | null {
  const m = /^\s*([+-]?\d{1,3})(?:\.0+)?\s*$/.exec(cell);
  return m ? Number(m[1]) : null;
}

/** The fixed integer ranges align accepts as Likert scales, narrowest first. */
export const NUMERIC_RANGES: ReadonlyArray<{ low: number; high: number }> = [
  { low: 1, high: 5 },
  { low: 1, high: 7 },
  { low: 0, high: 10 },
];

/** The narrowest fixed range holding every value, or null when none does. */
export function numericRange(values: Iterable<number>): { low: number; high: number; points: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null;
  const range = NUMERIC_RANGES.find((r) => min >= r.low && max <= r.high);
  return range ? { ...range, points: range.high - range.low + 1 } : null;
}

/**
 * The range of a group of rating questions (three or more side by side, or a
 * grid) from its answers: 1 up to the largest answer given (a 4-, 6- or
 * 10-point scale is read as such), or 0..10 when someone answered 0. With
 * that many answers the top is rarely never chosen, but it can be: when the
 * largest answer is not a common scale's top (4, 6, 8, 9), `unsure` is set
 * and the caller says so (a 5-point scale nobody answered 5 on would read as
 * 4-point). Null when the answers fit no scale of 4 to 11 points.
 *   groupRange([1, 3, 4, 2]) -> {low: 1, high: 4, points: 4, unsure: true}
 *   groupRange([1, 5, 3]) -> {low: 1, high: 5, points: 5, unsure: false}
 */
export function groupRange(values: Iterable<number>): { low: number; high: number; points: number; unsure: boolean } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity || min < 0) return null;
  if (min === 0) return max <= 10 ? { low: 0, high: 10, points: 11, unsure: max < 10 } : null;
  if (max > 11) return null;
  // below four points nothing says where the top is: read as the common 5-point scale, unsure
  if (max < 4) return { low: 1, high: 5, points: 5, unsure: true };
  return { low: 1, high: max, points: max, unsure: ![5, 7, 10, 11].includes(max) };
}

/** How well a column's answers fit one scale. */
export interface ScaleFit {
  scale: Scale;
  /** Non-blank, non-missing cells whose label is on the scale. */
  matched: number;
  /** Non-blank, non-missing cells in all. */
  answered: number;
  /** Distinct labels (as written, first spelling seen) that are on the scale. */
  known: string[];
  /** Distinct labels (as written) that are not. */
  unknown: string[];
}

/**
 * The scale that fits the most of `cells` (ties: the first in `scales`, so a
 * column of 5-point agreement labels is read as `agreement`, not `agreement-7`,
 * unless a 7-point-only label such as "Somewhat agree" appears). Null when no
 * cell is a label of any scale.
 */
export function bestScale(cells: Iterable<string>, scales: readonly Scale[]): ScaleFit | null {
  const counts = new Map<string, { shown: string; n: number }>();
  for (const cell of cells) {
    if (cell.trim() === '') continue;
    const entry = counts.get(cell);
    if (entry) entry.n++;
    else counts.set(cell, { shown: cell.trim(), n: 1 });
  }
  let best: ScaleFit | null = null;
  for (const scale of scales) {
    let answered = 0;
    // distinct labels are counted by their key: "Agree" and " agree" are one label
    const known = new Map<string, { shown: string; n: number; number: number | null; value: number; worded: boolean }>();
    const unknown = new Map<string, string>();
    for (const [cell, { shown, n }] of counts) {
      if (scale.missing.has(cachedLabelKey(cell))) continue;
      answered += n;
      const key = keyOn(cell, scale);
      if (key !== null && scale.labels.has(key)) {
        const entry = known.get(key);
        if (entry) entry.n += n;
        else {
          const worded = !key.startsWith('#') || key.includes(' ');
          known.set(key, { shown, n, number: cachedAnalyse(cell).number, value: scale.labels.get(key)!, worded });
        }
      } else {
        const distinct = key ?? `\u0000${cachedLabelKey(cell)}`;
        if (!unknown.has(distinct)) unknown.set(distinct, shown);
      }
    }
    // The numbers labels are written with count: on a scale of words they must number its points
    // one way (1..n, 0..n-1, or reversed), else those labels are not this scale's ("1. Completely
    // disagree", "3. Somewhat disagree", "5. Neither" are a 9-point scale, not 7-point 1, 3, 4).
    if (!scale.numbered) {
      const pairs = [...known.values()].filter((k) => k.number !== null);
      const p = scale.points;
      const ways = [(v: number) => v, (v: number) => v - 1, (v: number) => p + 1 - v, (v: number) => p - v];
      if (pairs.length > 0 && !ways.some((way) => pairs.every((k) => way(k.value) === k.number))) {
        for (const [key, k] of known) {
          if (k.number === null) continue;
          known.delete(key);
          unknown.set(key, k.shown);
        }
      }
    }
    const matched = [...known.values()].reduce((n, k) => n + k.n, 0);
    // a numbered scale is read only from labels written with their words, never from bare numbers alone
    if (matched === 0 || (scale.numbered && ![...known.values()].some((k) => k.worded))) continue;
    const fit = { scale, matched, answered, known: [...known.values()].map((k) => k.shown), unknown: [...unknown.values()] };
    const better = !best || fit.unknown.length < best.unknown.length || (fit.unknown.length === best.unknown.length && matched > best.matched);
    if (better) best = fit;
  }
  return best;
}
