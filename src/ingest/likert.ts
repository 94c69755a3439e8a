/**
 * Likert answers to numbers.
 *
 * A survey export writes a Likert answer either as the label the respondent
 * clicked ("Strongly agree", "5. Strongly Agree") or as a number on a fixed
 * range (Typeform opinion scales, Qualtrics "numeric values", LimeSurvey codes).
 * This module knows the common scales in English, French, German, Spanish,
 * Portuguese, Italian and Dutch (the label tables, one data module per
 * language in ./labels/), reads both forms, and treats "N/A", "Don't know",
 * "Ne sais pas", "Weiß nicht", "No sé" and their like as no answer (missing,
 * never a value). A column whose labels fit no scale is an error that names the
 * labels found; align.yml `scales` adds labels or whole scales. A question
 * answered in labels of two languages is an error too (mixedLanguages), unless
 * align.yml `languages` names the languages the survey was answered in.
 *
 * Labels are compared by `labelKey`: Unicode NFKC, case-folded, accents
 * removed (ß read as ss), a leading or trailing number removed ("5. Strongly
 * Agree", "Strongly agree (5)"), punctuation removed, white space collapsed.
 * So `  STRONGLY agree `, `5 - Strongly agree` and `TOUT A FAIT D’ACCORD` /
 * `Tout à fait d'accord` are the same label. A bare signed number keeps its sign
 * (`-2` is not `2`; `+2` is), so align.yml can name a −2..+2 scale.
 *
 *   const scale = findScale('agreement')!;
 *   likertValue('Strongly agree', scale)  // 5
 *   likertValue("Don't know", scale)      // null (missing)
 *   likertValue('Agree-ish', scale)       // undefined (not a label)
 */

import { foldAccents, visibleText } from '../text.js';
import type { AlignConfig } from './config-types.js';
import { AGREE_WORDS, DISAGREE_WORDS, LABEL_TABLES, type Language, NEUTRAL_WORDS } from './labels/index.js';

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
  /**
   * labelKey -> the languages a built-in label is written in (`neutral` is
   * English and German); absent when align.yml `languages` settles the survey's
   * languages, and for labels align.yml adds.
   */
  languages?: ReadonlyMap<string, ReadonlySet<Language>>;
}

/** Labels that mean "no answer" on every scale, in every language (labels/<language>.ts). */
const MISSING_LABELS: readonly string[] = LABEL_TABLES.flatMap((t) => t.missing);

/** One wording of a point and the language it is written in. */
interface Wording {
  label: string;
  language: Language;
}

interface ScaleDefinition {
  name: string;
  /** Each point: the canonical (English) label first, then synonyms and translations. */
  points: Wording[][];
  /** Labels written with their number (numberedKey); `points` then holds each point's words. */
  numbered?: boolean;
}

const english = (labels: readonly string[]): Wording[] => labels.map((label) => ({ label, language: 'en' }));

/**
 * An agreement scale of `points` points whose labels are numbered ("1.
 * Completely disagree" … "9. Completely agree"): point n is the number n with
 * any disagreeing words below the middle, agreeing words above it (the
 * neutral words at the middle of an odd scale), or the number alone. The
 * number decides the value, so "9. Completely agree" is 9 here and is no label
 * of the 5-point scale. English only.
 */
function numberedAgreement(points: number): ScaleDefinition {
  const middle = (points + 1) / 2;
  return {
    name: `agreement-${points}`,
    numbered: true,
    points: Array.from({ length: points }, (_, i) => {
      const n = i + 1;
      if (n < middle) return english(n === 1 ? DISAGREE_WORDS : DISAGREE_WORDS.filter((w) => !/^(completely|totally)/i.test(w)));
      if (n > middle) return english(n === points ? AGREE_WORDS : AGREE_WORDS.filter((w) => !/^(completely|totally)/i.test(w)));
      return english(NEUTRAL_WORDS);
    }),
  };
}

/** A scale of the label tables: English's points, each with the same point's wordings in every other language. */
function tabled(name: string): ScaleDefinition {
  const points: Wording[][] = [];
  for (const table of LABEL_TABLES) {
    const own = table.scales[name];
    if (!own) continue;
    own.forEach((labels, i) => {
      points[i] = [...(points[i] ?? []), ...labels.map((label) => ({ label, language: table.language }))];
    });
  }
  return { name, points };
}

/** The built-in scales in the order they are tried (ties go to the first). */
const BUILTIN_DEFINITIONS: readonly ScaleDefinition[] = [
  ...['agreement', 'agreement-7', 'frequency', 'extent', 'satisfaction', 'importance', 'importance-extremely', 'importance-3', 'amount'].map(tabled),
  numberedAgreement(9),
  numberedAgreement(10),
  tabled('favourability'),
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
  // Accents go (the combining marks of Latin letters after NFD: "à" is "a"), and ß is ss, so a
  // label typed without them ("Tout a fait d'accord", "Weiss nicht") is the tools' own label.
  const plain = visibleText(foldAccents(label.normalize('NFKC').toLowerCase())).trim();
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

/** labelKeys of the "no answer" labels some languages also write as a scale's middle (labels/types.ts `midpoint`). */
const MIDPOINT_KEYS: ReadonlySet<string> = new Set(LABEL_TABLES.flatMap((t) => (t.midpoint ?? []).map(labelKey)));

/** Scales made by asMiddle, per scale and label key: one object per reading, so columns read together share it. */
const middled = new WeakMap<Scale, Map<string, Scale>>();

/**
 * The label of `cells` that a built-in scale with a middle point reads as no
 * answer but that surveys in its language also write as that middle ("Sans
 * opinion", "Sem opinião"), when no cell is the scale's own middle; with the
 * scale reading it as the middle. Null otherwise: a question answered "Ni
 * d'accord ni pas d'accord" as well keeps "Sans opinion" as no answer.
 *   asMiddle(["D'accord", 'Sans opinion'], findScale('agreement')!)?.scale.labels.get('sans opinion') === 3
 */
export function asMiddle(cells: Iterable<string>, scale: Scale): { label: string; scale: Scale } | null {
  if (!scale.builtin || scale.numbered || scale.points % 2 === 0) return null;
  const middle = (scale.points + 1) / 2;
  let found: { label: string; key: string } | null = null;
  for (const cell of cells) {
    if (cell.trim() === '') continue;
    const key = cachedLabelKey(cell);
    if (MIDPOINT_KEYS.has(key) && scale.missing.has(key) && !scale.labels.has(key)) found ??= { label: cell.trim(), key };
    else if (likertValue(cell, scale) === middle) return null;
  }
  if (!found) return null;
  let byKey = middled.get(scale);
  if (!byKey) {
    byKey = new Map();
    middled.set(scale, byKey);
  }
  let made = byKey.get(found.key);
  if (!made) {
    const labels = new Map(scale.labels);
    labels.set(found.key, middle);
    const missing = new Set(scale.missing);
    missing.delete(found.key);
    made = { ...scale, labels, missing };
    byKey.set(found.key, made);
  }
  return { label: found.label, scale: made };
}

/**
 * A built-in scale from its definition; `only`: the languages whose labels it
 * holds (align.yml `languages`), every language when null.
 */
function fromDefinition(def: ScaleDefinition, only: ReadonlySet<string> | null = null): Scale {
  const labels = new Map<string, number>();
  const languages = new Map<string, Set<Language>>();
  def.points.forEach((wordings, i) => {
    const n = i + 1;
    if (def.numbered) labels.set(`#${n}`, n);
    for (const { label, language } of wordings) {
      if (only && !only.has(language)) continue;
      const key = def.numbered ? `#${n} ${labelKey(label)}` : labelKey(label);
      labels.set(key, n);
      const set = languages.get(key) ?? new Set<Language>();
      set.add(language);
      languages.set(key, set);
    }
  });
  const last = def.points.length;
  return {
    name: def.name,
    points: def.points.length,
    labels,
    missing: MISSING_KEYS,
    // a numbered scale is shown as it is usually written: the ends in words, the points between by number;
    // a scale read in other languages only is shown in the first of them
    shown: def.points.map((wordings, i) => {
      const first = (wordings.find((w) => !only || only.has(w.language)) ?? wordings[0]!).label;
      return { label: !def.numbered ? first : i === 0 || i === last - 1 ? `${i + 1}. ${first}` : String(i + 1), value: i + 1 };
    }),
    builtin: true,
    ...(def.numbered ? { numbered: true } : {}),
    ...(only ? {} : { languages }),
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
  return numberedKeyOf(cachedAnalyse(label));
}

/** numberedKey of a label already analysed. */
function numberedKeyOf({ key, number }: { key: string; number: number | null }): string | null {
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
  return keyOnScale(key, number, scale);
}

/** keyOn for a cell on a scale that is not numbered, from the cell's labelKey and labelNumber. */
function keyOnScale(key: string, number: number | null, scale: Scale): string | null {
  if (number !== null && number > scale.points && scale.labels.has(key)) return null;
  return key;
}

const BUILTINS: readonly Scale[] = BUILTIN_DEFINITIONS.map((d) => fromDefinition(d));

/**
 * The scales to try, align.yml's first. A `scales` entry named like a built-in
 * scale (`agreement`) extends it: its labels are added to (and win over) the
 * built-in ones; any other name is a scale of its own.
 */
export function scalesFor(config: AlignConfig | undefined): Scale[] {
  const own = config?.scales ?? {};
  const result: Scale[] = [];
  const extended = new Set<string>();
  const builtins = config?.languages ? BUILTIN_DEFINITIONS.map((d) => fromDefinition(d, new Set(config.languages))) : BUILTINS;
  for (const [name, spec] of Object.entries(own)) {
    const base = builtins.find((s) => s.name === name);
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
    // an extended built-in scale keeps its labels' languages; the labels align.yml adds have none
    const languages = base?.languages ? new Map(base.languages) : null;
    for (const label of Object.keys(spec.labels)) languages?.delete(base?.numbered ? (numberedKey(label) ?? labelKey(label)) : labelKey(label));
    result.push({
      name,
      points: values.size,
      labels,
      missing,
      shown: [...shown.entries()].sort((a, b) => a[0] - b[0]).map(([value, label]) => ({ label, value })),
      builtin: false,
      ...(base?.numbered ? { numbered: true } : {}),
      ...(languages ? { languages } : {}),
    });
    if (base) extended.add(name);
  }
  for (const s of builtins) if (!extended.has(s.name)) result.push(s);
  return result;
}

/** A scale by name (align.yml's or a built-in one), or null. */
export function findScale(name: string, config?: AlignConfig): Scale | null {
  return scalesFor(config).find((s) => s.name === name) ?? null;
}

/** True when the cell is blank or says "no answer" in one of the usual ways. */
export function isMissingAnswer(cell: string, scale?: Scale): boolean {
  if (cell.trim() === '') return true;
  // a plain number (most cells of a large file) is no label of the built-in lists
  if (scale === undefined && DIGITS_NEVER_MISSING && PLAIN_DIGITS.test(cell)) return false;
  return (scale?.missing ?? MISSING_KEYS).has(cachedLabelKey(cell));
}

const PLAIN_DIGITS = /^\d{1,6}$/;
/** No built-in "no answer" label is a plain number (so isMissingAnswer may say so without looking one up). */
const DIGITS_NEVER_MISSING = ![...MISSING_KEYS].some((k) => PLAIN_DIGITS.test(k));

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

/**
 * A number written with a decimal comma: `3,5`, `4,0` (as European spreadsheets write them); one
 * or two decimals, so `1,000` (a thousands separator) is none.
 */
export const DECIMAL_COMMA = /^\s*[+-]?\d{1,3},\d{1,2}\s*$/;

/** An integer answer ("4", "4.0", or "4,0" with a decimal comma), else null. */
export function integerAnswer(cell: string): number | null {
  const m = /^\s*([+-]?\d{1,3})(?:\.0+|,0{1,2})?\s*$/.exec(cell);
  return m ? Number(m[1]) : null;
}

/**
 * A number that is not a whole one ("3.5", "3,5" with a decimal comma), else
 * null: a Likert answer is a point of its scale, so such a cell is refused
 * with its value named rather than read as "not a number".
 *   fractionalAnswer('3,5') === 3.5; fractionalAnswer('4') === null
 */
export function fractionalAnswer(cell: string): number | null {
  const m = /^\s*([+-]?\d{1,3})(?:\.(\d+)|,(\d{1,2}))\s*$/.exec(cell);
  const decimals = m ? (m[2] ?? m[3]!) : '';
  if (!m || /^0+$/.test(decimals)) return null;
  return Number(`${m[1]}.${decimals}`);
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
  // Each distinct cell analysed once, here, rather than once or twice per scale tried: a column of
  // free text has more distinct cells than analyse's cache holds (10,000), and asking again per
  // scale missed it every time, 12 scales by every distinct cell of the column.
  const distinctCells = [...counts].map(([cell, { shown, n }]) => {
    const analysed = cachedAnalyse(cell);
    return { shown, n, key: analysed.key, number: analysed.number, numberedKey: numberedKeyOf(analysed) };
  });
  let best: ScaleFit | null = null;
  let bestDistinct = 0;
  for (const scale of scales) {
    let answered = 0;
    // distinct labels are counted by their key: "Agree" and " agree" are one label
    const known = new Map<string, { shown: string; n: number; number: number | null; value: number; worded: boolean }>();
    const unknown = new Map<string, string>();
    for (const cell of distinctCells) {
      const { shown, n } = cell;
      if (scale.missing.has(cell.key)) continue;
      answered += n;
      // keyOn, from the cell's analysis
      const key = scale.numbered ? cell.numberedKey : keyOnScale(cell.key, cell.number, scale);
      if (key !== null && scale.labels.has(key)) {
        const entry = known.get(key);
        if (entry) entry.n += n;
        else {
          const worded = !key.startsWith('#') || key.includes(' ');
          known.set(key, { shown, n, number: cell.number, value: scale.labels.get(key)!, worded });
        }
      } else {
        const distinct = key ?? `\u0000${cell.key}`;
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
    // Between scales that both read every label, the one keeping more of them apart: "Plutôt d'accord"
    // and "D'accord" are one point of the 5-point scale (two tools' wordings of "Agree") but 5 and 6
    // of the 7-point one, so a question answered with both is 7-point.
    const distinct = new Set([...known.values()].map((k) => k.value)).size;
    const better =
      !best ||
      fit.unknown.length < best.unknown.length ||
      (fit.unknown.length === best.unknown.length && (distinct > bestDistinct || (distinct === bestDistinct && matched > best.matched)));
    if (better) {
      best = fit;
      bestDistinct = distinct;
    }
  }
  return best;
}

/**
 * The labels of `cells` on `scale` when they are written in more than one
 * language with none common to all (`Agree` beside `Tout à fait d'accord`),
 * each with the languages it belongs to; null when one language reads them all,
 * when the scale's languages are settled (align.yml `languages`), or for the
 * labels align.yml adds (they have no language). Missing-answer labels
 * (`N/A`, `Ne sais pas`) are not counted: they say nothing about the scale.
 *   mixedLanguages(['Agree', "Tout à fait d'accord"], findScale('agreement')!)
 *     -> [{label: 'Agree', languages: ['en']}, {label: "Tout à fait d'accord", languages: ['fr']}]
 */
export function mixedLanguages(cells: Iterable<string>, scale: Scale): Array<{ label: string; languages: Language[] }> | null {
  const table = scale.languages;
  if (!table) return null;
  const seen = new Map<string, { label: string; languages: Language[] }>();
  let common = null as Set<Language> | null;
  for (const cell of cells) {
    if (cell.trim() === '') continue;
    const key = keyOn(cell, scale);
    if (key === null || seen.has(key)) continue;
    const languages = table.get(key);
    if (!languages) continue;
    seen.set(key, { label: cell.trim(), languages: [...languages] });
    common = common === null ? new Set(languages) : new Set([...common].filter((l) => languages.has(l)));
  }
  return common !== null && common.size === 0 ? [...seen.values()] : null;
}

/**
 * When `cells`, read on `scale`, could as well be read on its 7-point twin
 * (`agreement` and `agreement-7`, both built in): each reads every label and
 * keeps as many of them apart, so the answers cannot tell which scale the
 * survey used. `moved`: a label the two readings place differently from the
 * way the 7-point scale holds the 5-point one's own labels (1, 2, 4, 6, 7):
 * `Plutôt d'accord` beside `Pas d'accord` and `Tout à fait d'accord` is 4 of
 * 5 (SurveyMonkey's "Agree") or 5 of 7 (Qualtrics' "Somewhat agree"), which
 * changes the answers' order, not only their spacing; null when every label
 * sits where the 5-point scale's own would (English `Disagree`, `Agree`).
 * Null when there is no such twin. Either scale named in align.yml
 * (`scales:`) is no longer built in, and settles it.
 *   twinReading(["Pas d'accord", "Plutôt d'accord"], findScale('agreement')!, scalesFor({}))
 *     -> {twin: agreement-7, labels: [{label: "Pas d'accord", here: 2, there: 2}, {label: "Plutôt d'accord", here: 4, there: 5}], moved: "Plutôt d'accord"}
 */
export function twinReading(
  cells: Iterable<string>,
  scale: Scale,
  scales: readonly Scale[],
): { twin: Scale; labels: Array<{ label: string; here: number; there: number }>; moved: string | null } | null {
  // a tie between the two goes to the 5-point scale (bestScale: the first tried), so only it has a twin to check
  if (!scale.builtin || scale.numbered) return null;
  const five = scale;
  const seven = scales.find((s) => s.builtin && !s.numbered && s.name === `${five.name}-7`);
  if (!seven) return null;
  const labels: Array<{ label: string; here: number; there: number }> = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    if (cell.trim() === '' || five.missing.has(cachedLabelKey(cell))) continue;
    const key = cachedLabelKey(cell);
    if (seen.has(key)) continue;
    seen.add(key);
    const a = likertValue(cell, five);
    const b = likertValue(cell, seven);
    if (typeof a !== 'number' || typeof b !== 'number') return null; // one scale does not read it: the answers tell
    labels.push({ label: cell.trim(), here: a, there: b });
  }
  if (labels.length === 0) return null;
  if (new Set(labels.map((l) => l.here)).size !== new Set(labels.map((l) => l.there)).size) return null;
  // where the 7-point scale holds the 5-point scale's own labels (1, 2, 4, 6, 7 for agreement)
  const embed = five.shown.map((s) => seven.labels.get(labelKey(s.label)));
  const moved = labels.find((l) => embed[l.here - 1] !== l.there);
  const sorted = labels.sort((x, y) => x.here - y.here);
  return { twin: seven, labels: sorted, moved: moved?.label ?? null };
}
