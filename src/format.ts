/**
 * The one number formatter for every renderer (STYLE.md habit 13): terminal,
 * Markdown, and later HTML all print numbers through these functions, so a
 * report and the workshop view can never disagree on a rounding.
 *
 * House rules, written down once:
 * - Minus is the ASCII hyphen-minus '-', not U+2212 '−': the terminal view and
 *   the Markdown report must read the same, Markdown source stays plain ASCII,
 *   and a reader can paste a value back into a spreadsheet. A value that
 *   rounds to zero never shows a sign ('0.00', not '-0.00').
 * - Positive correlations carry no '+' (REPORT.md's tone: "rho = -0.36 ... 0.68").
 * - p-values: below 0.001 print '< 0.001'; from 0.1 up two decimals ('0.19');
 *   otherwise three ('0.019'). The choice of two or three decimals is made after
 *   rounding, so 0.0996 prints '0.10', never '0.100'.
 * - Percentages: whole percent ('42%'); shares are fractions 0..1.
 * - Missing values: a statistic that is `null` (or, defensively, undefined,
 *   NaN or infinite) prints 'n/a (reason)', or 'n/a' without a reason. No
 *   function here ever returns a string containing 'NaN', 'null' or 'undefined'.
 * - Suppressed groups: `fmtSuppressed(5)` -> 'hidden (protects groups under 5)'.
 * - Counts: integers with a comma every three digits ('10,000'), independent of
 *   the machine's locale so golden files do not move between machines.
 *
 * The reader's language (issue 15): a report in French or German reads its
 * numbers as its readers write them ('0,31', '43 %', '10 000'). A renderer runs
 * inside `withReaderStyle(style, fn)` (src/i18n sets it from `--lang`); every
 * function here then takes its separators, percent pattern and words (n/a,
 * hidden, ordinals, lists, dates) from that style. Outside it (the audit room,
 * the JSON contract, CSV) the English rules above hold unchanged. Rounding is
 * always the same `toFixed` rule: only the symbols change.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** How one language writes numbers and the few words this module prints. */
export interface ReaderStyle {
  decimal: string;
  group: string;
  /** A formatted number as a percentage: '43' -> '43%' (English), '43 %' (French). */
  percent: (n: string) => string;
  na: (reason: string | null) => string;
  suppressed: (minGroup: string | null) => string;
  ordinal: (n: number) => string;
  countWord: (n: number) => string | null;
  allOf: (n: number) => string;
  count: (n: number, formatted: string, singular: string, plural: string) => string;
  list: (items: readonly string[], conjunction: 'and' | 'or') => string;
  pClause: (p: string, below: boolean) => string;
  date: (year: number, month: number, day: number) => string;
}

const ambient = new AsyncLocalStorage<ReaderStyle>();

/** Run `fn` with numbers and words formatted in `style` (async work started inside keeps it). */
export function withReaderStyle<T>(style: ReaderStyle, fn: () => T): T {
  return ambient.run(style, fn);
}

/** Run `fn` with the house rules untouched (English), even inside a withReaderStyle. */
export function withoutReaderStyle<T>(fn: () => T): T {
  return ambient.exit(fn);
}

function style(): ReaderStyle | undefined {
  return ambient.getStore();
}

/** An ASCII number string ('-12345.67') in the reader's separators. */
function local(s: string, group: boolean): string {
  const st = style();
  if (!st) return group ? groupDigits(s) : s;
  const [int = '', frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = group ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, st.group) : digits;
  return sign + grouped + (frac === undefined ? '' : `${st.decimal}${frac}`);
}

/** A number a renderer may be handed: the contract's `number | null`, defensively undefined. */
export type Maybe = number | null | undefined;

function isNumber(x: Maybe): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** `decimals` places as Number#toFixed rounds them, without '-0'. */
function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  // toFixed(-0.001, 2) is '-0.00': a value that rounds to zero has no sign.
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Groups of three digits with ',' in the integer part: groupDigits('10000') -> '10,000'. */
function groupDigits(s: string): string {
  const [int = '', frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac === undefined ? '' : `.${frac}`);
}

/** 'n/a (reason)', or 'n/a' when there is no reason to give. */
export function fmtNA(reason?: string | null): string {
  const r = typeof reason === 'string' ? reason.trim() : '';
  const st = style();
  if (st) return st.na(r === '' ? null : r);
  return r === '' ? 'n/a' : `n/a (${r})`;
}

/** A number with `decimals` places: fmtNumber(0.3272) -> '0.33'; fmtNumber(null) -> 'n/a'. */
export function fmtNumber(x: Maybe, decimals = 2): string {
  if (!isNumber(x)) return fmtNA();
  return local(fixed(x, decimals), false);
}

/** An integer count with thousands separators: fmtInteger(10000) -> '10,000'. */
export function fmtInteger(x: Maybe): string {
  if (!isNumber(x)) return fmtNA();
  return local(fixed(Math.round(x), 0), true);
}

/** A correlation (Spearman rho, Kendall tau-b, RBO), two decimals, ASCII minus: '-0.36', '0.68'. */
export function fmtRho(x: Maybe): string {
  return fmtNumber(x, 2);
}

/** A p-value by the house rule: '< 0.001', '0.019', '0.19', '1.00'. */
export function fmtP(p: Maybe): string {
  if (!isNumber(p)) return fmtNA();
  if (p < 0.001) return `< ${local('0.001', false)}`;
  const three = Number(p.toFixed(3));
  return local(three >= 0.1 ? fixed(p, 2) : fixed(p, 3), false);
}

/** A share 0..1 as a whole percent: fmtPercent(0.4286) -> '43%'. */
export function fmtPercent(share: Maybe): string {
  if (!isNumber(share)) return fmtNA();
  return asPercent(fixed(share * 100, 0));
}

function asPercent(n: string): string {
  const st = style();
  return st ? st.percent(local(n, true)) : `${n}%`;
}

/**
 * Figures a reader checks against each other or against a cut, printed by one
 * rule (fmtBeside, fmtPercentBeside, fmtMove, fmtGap, fmtGapMove):
 * - A figure computed from figures printed beside it (a change, a gap) is
 *   computed from them as printed, never from the exact values (those stay in
 *   the JSON): '71% against 12%' is a gap of 59 points, even when the exact
 *   gap is 59.8.
 * - A figure beside a band, a verdict or a flag it is read by never prints
 *   on the other side of the cut than it is: where rounding would put it
 *   there, the figures take one more decimal, two if need be (W 0.598 beside
 *   "moderate", below 0.60, prints '0.598', not '0.60'; a gap of 19.6, not
 *   flagged at 20, '69.6% against 50.0%, 19.6 points', not '70% against 50%,
 *   20 points'). A figure still on the cut at two more places is cut short
 *   toward its own side ('0.5999').
 * - The figures of one line share their places, so a difference adds up at
 *   the places it prints with.
 */
const MORE_PLACES = 2;

/** A figure as a line prints it: `shown(d)` is its value on the d-place grid, in printed units (percent for a share). */
interface Figure {
  exact: number;
  /** Printed to the nearest at d places, it would sit on the other side of one of its cuts than it is. */
  crosses: (d: number) => boolean;
  shown: (d: number) => number;
}

/** v on the d-place grid: to the nearest as Number#toFixed rounds, or cut short down or up. */
function onGrid(v: number, d: number, way: 'nearest' | 'down' | 'up' = 'nearest'): number {
  if (way === 'nearest') return Number(fixed(v, d));
  const f = 10 ** d;
  return Number(fixed((way === 'down' ? Math.floor(v * f) : Math.ceil(v * f)) / f, d));
}

/** A cut in printed units, on the grid (0.6 * 100 is 60.00000000000001 in floating point). */
const cutAt = (cut: number, scale: number) => Number((cut * scale).toFixed(10));

/**
 * A value printed as it is (times `scale`), read against `cuts` (in the value's own units): at or
 * above a cut is its upper side, as the audit reads most cuts; with `over`, only above it is (a rule
 * that says "more than half": 50% is not).
 */
function valueFigure(x: number, scale: number, cuts: readonly number[], over = false): Figure {
  const above = (v: number, c: number) => (over ? v > c : v >= c);
  const near = (d: number) => onGrid(x * scale, d);
  const crossed = (d: number) => cuts.find((c) => above(x, c) !== above(near(d), cutAt(c, scale)));
  return {
    exact: x * scale,
    crosses: (d) => crossed(d) !== undefined,
    shown: (d) => {
      const c = crossed(d);
      return c === undefined ? near(d) : onGrid(x * scale, d, above(x, c) ? 'up' : 'down');
    },
  };
}

/** A perception gap as the audit gives it: the two favourable shares (0..1) and the exact gap in points, whose side of the flag decides it. */
export interface ComputedGap {
  leaders: number;
  others: number;
  gapPoints: number;
}

/**
 * The gap between two shares in points, the difference of the shares as printed: `parts(d)` the two
 * shares in percent, `shown(d)` their difference. Read against `flag` by its size (a gap of `flag` points
 * or more either way is flagged or "not within"); where the printed gap would sit across the flag, the
 * shares take more places, and at the last they are cut short toward a smaller gap.
 */
function gapFigure({ leaders, others, gapPoints: exact }: ComputedGap, flag: number): Figure & { parts: (d: number) => [number, number] } {
  const diff = (l: number, o: number, d: number) => onGrid(l - o, d);
  const nearParts = (d: number): [number, number] => [onGrid(leaders * 100, d), onGrid(others * 100, d)];
  const crosses = (d: number) => {
    const [l, o] = nearParts(d);
    return Math.abs(exact) >= flag !== Math.abs(diff(l, o, d)) >= flag;
  };
  // printed across the flag only from below (each share is off by under half a step): shrink the gap
  const parts = (d: number): [number, number] =>
    !crosses(d)
      ? nearParts(d)
      : exact >= 0
        ? [onGrid(leaders * 100, d, 'down'), onGrid(others * 100, d, 'up')]
        : [onGrid(leaders * 100, d, 'up'), onGrid(others * 100, d, 'down')];
  return {
    exact,
    crosses,
    parts,
    shown: (d) => {
      const [l, o] = parts(d);
      return diff(l, o, d);
    },
  };
}

/**
 * The places a line prints its figures with: `decimals`, or up to MORE_PLACES more where a figure
 * would sit across one of its cuts; for a move (`pair`, before and after), more again while two figures
 * that differ would print alike, unless even that many places cannot tell them apart (rounding noise).
 */
function placesFor(figures: readonly Figure[], decimals: number, pair?: readonly [Figure, Figure]): number {
  let d = decimals;
  while (d < decimals + MORE_PLACES && figures.some((f) => f.crosses(d))) d += 1;
  if (!pair || pair[0].exact === pair[1].exact) return d;
  const [b, a] = pair;
  let e = d;
  while (e < decimals + MORE_PLACES && b.shown(e) === a.shown(e)) e += 1;
  return b.shown(e) === a.shown(e) ? d : e;
}

/** A value already on the d-place grid, in the reader's separators. */
const placed = (v: number, d: number) => local(fixed(v, d), false);

/** '+2', '-0.01', '0': a change on the d-place grid, signed, in the reader's separators. */
function signed(v: number, d: number): string {
  const s = fixed(v, d);
  return s.startsWith('-') ? `-${local(s.slice(1), false)}` : Number(s) > 0 ? `+${local(s, false)}` : local(s, false);
}

/**
 * The number a plural is chosen by for a figure printed with `d` places (ICU's `{n, plural, …}`, which
 * sees only the value): the value itself, except that a whole value printed with decimals ('+1.0') is
 * chosen as a value with the same whole part and a fraction would be, as CLDR reads decimals shown
 * ("1.0 points" in English and German, « 1,0 point » in French).
 */
function pluralCount(v: number, d: number): number {
  const x = Number(fixed(v, d));
  return d > 0 && Number.isInteger(x) && x !== 0 ? x + Math.sign(x) * 0.5 : x;
}

/**
 * A value beside the band or verdict it is read by, with the cuts that decide it (a band's
 * boundaries, bands.ts READ_BY): `decimals` places, or one more, two if need be, where rounding
 * would put it on the other side of a cut than it is: fmtBeside(0.598, [0.4, 0.6]) -> '0.598' beside
 * "moderate" (below 0.60), never '0.60'; fmtBeside(0.61, [0.4, 0.6]) -> '0.61'.
 */
export function fmtBeside(x: Maybe, cuts: readonly number[], decimals = 2): string {
  if (!isNumber(x)) return fmtNA();
  const f = valueFigure(x, 1, cuts);
  const d = placesFor([f], decimals);
  return placed(f.shown(d), d);
}

/**
 * A share beside the cut(s) it is compared with, as fmtBeside prints a value: a whole percent, or one
 * decimal (two if need be) where rounding would put it on the other side of a cut (0.2456 beside 0.25
 * -> '24.6%', not '25%' under a rule that says "at least 25%"). With `over`, the rule says "more
 * than" the cut: 0.5004 beside "more than half" -> '50.04%', not '50%'.
 */
export function fmtPercentBeside(share: Maybe, cut: number | readonly number[], over = false): string {
  if (!isNumber(share)) return fmtNA();
  const f = valueFigure(share, 100, typeof cut === 'number' ? [cut] : cut, over);
  const d = placesFor([f], 0);
  return asPercent(fixed(f.shown(d), d));
}

/** A move's two figures and its signed change, each as printed. */
export interface ShownMove {
  before: string;
  after: string;
  change: string;
  /** The after figure and the change as a plural is chosen by ("+1 point", "54 -> 1 point"; pluralCount), null when not a number. */
  count: { after: number | null; change: number | null };
}

function moveOf(b: Figure, a: Figure, decimals: number, show: (v: number, d: number) => string): ShownMove {
  const d = placesFor([b, a], decimals, [b, a]);
  // each figure is on the d-place grid, so toFixed(d) of their difference is exact
  const change = Number(fixed(a.shown(d) - b.shown(d), d));
  return {
    before: show(b.shown(d), d),
    after: show(a.shown(d), d),
    change: signed(change, d),
    count: { after: pluralCount(a.shown(d), d), change: pluralCount(change, d) },
  };
}

/**
 * A figure then and now, and the change between them, as a reader checks them
 * ("Since the last audit"): the change is the difference of the two figures as
 * printed, never of the exact values (those stay in the JSON), so
 * fmtMove(0.614, 0.626, 2) -> '0.61', '0.63', '+0.02' rather than '+0.01'.
 * Two figures that differ but would print alike get up to two more decimals,
 * so a move listed shows that it moved: fmtMove(0.612, 0.614, 2) -> '0.612',
 * '0.614', '+0.002'. `as: 'percent'` reads shares (0..1) as whole percents and
 * their change as points: fmtMove(0.614, 0.626, 0, 'percent') -> '61%', '63%',
 * '+2'. A difference too small for two more places prints at `decimals`, its
 * change zero. `cuts`: those of the band each figure is printed beside (W's),
 * read as fmtBeside reads them, both figures at the places either needs. The
 * change carries '+' or '-', none when it prints as zero; a null side prints
 * 'n/a', and so does the change.
 */
export function fmtMove(before: Maybe, after: Maybe, decimals: number, as: 'number' | 'percent' = 'number', cuts: readonly number[] = []): ShownMove {
  const scale = as === 'percent' ? 100 : 1;
  const show = (v: number, d: number) => (as === 'percent' ? asPercent(fixed(v, d)) : placed(v, d));
  if (!isNumber(before) || !isNumber(after)) {
    const side = (x: Maybe) => {
      if (!isNumber(x)) return { text: fmtNA(), count: null };
      const f = valueFigure(x, scale, cuts);
      const d = placesFor([f], decimals);
      return { text: show(f.shown(d), d), count: pluralCount(f.shown(d), d) };
    };
    const a = side(after);
    return { before: side(before).text, after: a.text, change: fmtNA(), count: { after: a.count, change: null } };
  }
  return moveOf(valueFigure(before, scale, cuts), valueFigure(after, scale, cuts), decimals, show);
}

/** Two shares and the gap between them in points, each as printed. */
export interface ShownGap {
  leaders: string;
  others: string;
  points: string;
  /** The gap as printed, as a number: what a list sorted "largest gap first" is sorted by. */
  shown: number;
  /** The gap as a plural is chosen by ("1 point", "20 points"; pluralCount). */
  count: number;
}

/**
 * The leaders' favourable share, everyone else's, and the gap in points (a perception gap), as a reader
 * checks them: the gap is the difference of the two shares as printed, so 5/7 against 7/60 prints '71%',
 * '12%', '59' (the exact gap, 59.8, stays in the JSON's gapPoints). Where that difference would sit on the
 * other side of the flag (`flag` points or more, by size) than the exact gap, whose side decides the flag,
 * shares and gap take one more decimal, two if need be: 69.6% against 50.0% prints '69.6%', '50.0%',
 * '19.6', never '70%', '50%', '20' for a gap that is not flagged. No '+' on the gap; a gap the other way
 * prints with '-'.
 */
export function fmtGap(gap: ComputedGap, flag: number): ShownGap {
  const g = gapFigure(gap, flag);
  const d = placesFor([g], 0);
  const [l, o] = g.parts(d);
  const shown = g.shown(d);
  return { leaders: asPercent(fixed(l, d)), others: asPercent(fixed(o, d)), points: placed(shown, d), shown, count: pluralCount(shown, d) };
}

/** A perception gap whose shares or gap may be missing (a side of a move). */
export interface MaybeGap {
  leaders: Maybe;
  others: Maybe;
  gapPoints: Maybe;
}

const computedGap = (g: MaybeGap): g is ComputedGap => isNumber(g.leaders) && isNumber(g.others) && isNumber(g.gapPoints);

/**
 * A perception gap then and now ("Since the last audit"), each gap printed as fmtGap prints it beside its
 * shares (the difference of the printed shares, read against `flag`), the change the difference of the
 * two gaps as printed; more places as fmtMove takes them. A side without its shares prints 'n/a'.
 */
export function fmtGapMove(before: MaybeGap, after: MaybeGap, flag: number): ShownMove {
  if (!computedGap(before) || !computedGap(after)) {
    const side = (g: MaybeGap) => (computedGap(g) ? fmtGap(g, flag) : null);
    const [b, a] = [side(before), side(after)];
    return { before: b?.points ?? fmtNA(), after: a?.points ?? fmtNA(), change: fmtNA(), count: { after: a?.count ?? null, change: null } };
  }
  return moveOf(gapFigure(before, flag), gapFigure(after, flag), 0, placed);
}

/**
 * A statistic that may be null with a reason:
 * fmtStat(0.24, undefined) -> '0.24'; fmtStat(null, 'only one leader ranked') -> 'n/a (only one leader ranked)'.
 */
export function fmtStat(value: Maybe, reason?: string | null, fmt: (x: number) => string = (x) => fmtNumber(x)): string {
  return isNumber(value) ? fmt(value) : fmtNA(reason);
}

/**
 * What a suppressed group shows in place of its numbers: 'hidden (protects groups
 * under 5)'. Not "fewer than 5 people": a group of 5 or more is
 * hidden too when showing it would let a smaller one be worked out by subtraction.
 */
export function fmtSuppressed(minGroup: Maybe): string {
  const st = style();
  if (st) return st.suppressed(isNumber(minGroup) ? fmtInteger(minGroup) : null);
  return isNumber(minGroup) ? `hidden (protects groups under ${fmtInteger(minGroup)})` : 'hidden (protects small groups)';
}

/**
 * A rank position in words: fmtOrdinal(1) -> '1st', fmtOrdinal(22) -> '22nd'.
 * A midrank that is not whole (a tie, or the shared rank of unranked
 * priorities) prints as a number with one decimal: fmtOrdinal(7.5) -> '7.5'.
 */
export function fmtOrdinal(n: Maybe): string {
  if (!isNumber(n)) return fmtNA();
  if (!Number.isInteger(n)) return fmtNumber(n, 1);
  const st = style();
  if (st) return st.ordinal(n);
  const mod100 = Math.abs(n) % 100;
  const mod10 = Math.abs(n) % 10;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** A rank as a table shows it: whole ranks as integers ('3'), midranks with one decimal ('7.5'). */
export function fmtRank(n: Maybe): string {
  if (!isNumber(n)) return fmtNA();
  return Number.isInteger(n) ? String(n) : fmtNumber(n, 1);
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A count for prose: words up to ten, digits above ('six', '12'); capitalise for a sentence start. */
export function fmtCountWord(n: number, capitalise = false): string {
  const st = style();
  const w = st ? (st.countWord(n) ?? fmtInteger(n)) : Number.isInteger(n) && n >= 0 && n < WORDS.length ? (WORDS[n] as string) : fmtInteger(n);
  return capitalise ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}

/** Every one of n, in words: 'the one', 'both', 'all three', 'all 12'. */
export function fmtAllOf(n: number): string {
  const st = style();
  if (st) return st.allOf(n);
  return n === 1 ? 'the one' : n === 2 ? 'both' : `all ${fmtCountWord(n)}`;
}

/** '1 leader', '6 leaders'; the plural defaults to singular + 's'. */
export function fmtCount(n: number, singular: string, plural = `${singular}s`): string {
  const st = style();
  if (st) return st.count(n, fmtInteger(n), singular, plural);
  return `${fmtInteger(n)} ${n === 1 ? singular : plural}`;
}

/** An English list without the serial comma: ['A','B','C'] -> 'A, B and C'. */
export function fmtList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length === 0) return '';
  const st = style();
  if (st) return st.list(items, conjunction);
  if (items.length === 1) return items[0] as string;
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] as string}`;
}

/** A p-value as a clause of prose: 'p = 0.019', 'p < 0.001', or 'p n/a (reason)'. */
export function fmtPClause(p: Maybe, reason?: string | null): string {
  if (!isNumber(p)) return `p ${fmtNA(reason)}`;
  const s = fmtP(p);
  const st = style();
  if (st) return st.pClause(s, s.startsWith('<'));
  return s.startsWith('<') ? `p ${s}` : `p = ${s}`;
}

/** A parameter as written, up to `maxDecimals` places without trailing zeros: fmtDecimal(0.9) -> '0.9'. */
export function fmtDecimal(x: Maybe, maxDecimals = 3): string {
  if (!isNumber(x)) return fmtNA();
  return local(
    fixed(x, maxDecimals)
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, ''),
    false,
  );
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date given as YYYY-MM-DD, as a reader writes it: fmtDate('2026-10-14') ->
 * '14 October 2026'. English month names and no locale, so a report reads the
 * same on every machine; anything else is returned as given.
 */
export function fmtDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  const st = style();
  if (st && m && month) return st.date(Number(m[1]), Number(m[2]), Number(m[3]));
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
