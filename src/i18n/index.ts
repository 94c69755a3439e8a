/**
 * Reports in the client's language (issue 15): every sentence a reader sees
 * comes from a message catalogue, one JSON file per language under
 * `messages/` (English, `en.json`, is the source; `fr.json` and `de.json`
 * carry the same keys and placeholders, which a test checks). Messages are ICU
 * MessageFormat, formatted by FormatJS's `intl-messageformat` (plurals,
 * selects, ordinals through the locale's CLDR rules).
 *
 * One ambient language per render: `withLanguage(lang, fn)` runs `fn` with
 * `t()` answering in `lang` and format.ts writing numbers, percentages, lists
 * and dates as that language does (`withReaderStyle`). Async work started in
 * `fn` keeps the language (AsyncLocalStorage), so two renders in one process
 * cannot mix. Outside it everything is English, as the JSON contract and the
 * audit room's English fields are.
 *
 * Parameters are language-neutral: input text (a priority, a name) goes in as
 * it is; a number that needs the house formatting goes in tagged (`num(x)`,
 * `pct(x)`, ...) and is formatted in the reader's language when the message
 * is; a phrase of its own is a nested message (`msg(key, params)`).
 *
 * `qps` is a hidden pseudo-locale for tests: every literal piece of every
 * message (not its arguments) is wrapped in ⟦…⟧, so any reader-facing word
 * left outside the markers was not taken from the catalogue.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { UsageError } from '../errors.js';
import {
  type ComputedGap,
  fmtAllOf,
  fmtBeside,
  fmtCountWord,
  fmtDecimal,
  fmtGap,
  fmtInteger,
  fmtList,
  fmtNumber,
  fmtOrdinal,
  fmtPClause,
  fmtPercent,
  fmtPercentBeside,
  fmtRank,
  fmtStat,
  type Maybe,
  type ReaderStyle,
  withoutReaderStyle,
  withReaderStyle,
} from '../format.js';

import { type AnyLanguage, type Language, PSEUDO } from './languages.js';

export { type AnyLanguage, isLanguage, LANGUAGES, type Language, PSEUDO } from './languages.js';

export const OPEN = '⟦';
export const CLOSE = '⟧';

type Catalogue = Record<string, string>;

const catalogues = new Map<string, Catalogue>();

/** A language's catalogue, read once (the JSON files ship beside this module, in src/ and in dist/). */
export function catalogue(lang: Language): Catalogue {
  let c = catalogues.get(lang);
  if (!c) {
    c = JSON.parse(readFileSync(new URL(`./messages/${lang}.json`, import.meta.url), 'utf8')) as Catalogue;
    catalogues.set(lang, c);
  }
  return c;
}

/** A language-neutral value a message formats in the reader's language. */
export type Tagged =
  | { $: 'num'; v: Maybe; d?: number }
  | { $: 'int'; v: Maybe }
  | { $: 'decimal'; v: Maybe }
  | { $: 'beside'; v: Maybe; cuts: readonly number[]; d: number }
  | { $: 'pct'; v: Maybe; cut?: number | readonly number[]; over?: boolean }
  | { $: 'gap'; v: ComputedGap; flag: number; part: 'leaders' | 'others' | 'points' }
  | { $: 'ordinal'; v: Maybe }
  | { $: 'rank'; v: Maybe }
  | { $: 'word'; v: number; capital?: boolean }
  | { $: 'pclause'; v: Maybe; reason?: string | null }
  | { $: 'stat'; v: Maybe; reason?: string | null; d?: number }
  | { $: 'list'; v: readonly Param[]; or?: boolean }
  | { $: 'msg'; key: string; params?: Params }
  | { $: 'raw'; v: string }
  | { $: 'join'; v: readonly Param[]; sep: string }
  | { $: 'allOf'; v: number }
  | { $: 'inSentence'; v: string };
export type Param = string | number | Tagged;
export type Params = Record<string, Param | undefined>;
/** A message not yet formatted: what a finding or a model carries so the renderer can word it. */
export interface Message {
  key: string;
  params?: Params;
}

export const num = (v: Maybe, d = 2): Tagged => ({ $: 'num', v, d });
export const int = (v: Maybe): Tagged => ({ $: 'int', v });
export const decimal = (v: Maybe): Tagged => ({ $: 'decimal', v });
/** A value beside its band or a verdict, read by `cuts` (bands.ts READ_BY): more decimals where rounding would cross one (fmtBeside). */
export const beside = (v: Maybe, cuts: readonly number[], d = 2): Tagged => ({ $: 'beside', v, cuts, d });
/**
 * A share as a whole percent; beside the cut(s) it is read by, more decimals where rounding would cross one
 * (fmtPercentBeside; `over` for a rule that says "more than" the cut).
 */
export const pct = (v: Maybe, cut?: number | readonly number[], over = false): Tagged =>
  cut === undefined ? { $: 'pct', v } : over ? { $: 'pct', v, cut, over } : { $: 'pct', v, cut };
/**
 * One figure of a perception gap as fmtGap prints it beside the others: the leaders' share, everyone
 * else's, or the gap in points (the difference of the two shares as printed).
 */
export const gap = (v: ComputedGap, flag: number, part: 'leaders' | 'others' | 'points'): Tagged => ({
  $: 'gap',
  v: { leaders: v.leaders, others: v.others, gapPoints: v.gapPoints },
  flag,
  part,
});
export const ordinal = (v: Maybe): Tagged => ({ $: 'ordinal', v });
export const rank = (v: Maybe): Tagged => ({ $: 'rank', v });
export const word = (v: number, capital = false): Tagged => ({ $: 'word', v, capital });
export const pclause = (v: Maybe, reason?: string | null): Tagged => ({ $: 'pclause', v, reason });
export const stat = (v: Maybe, reason?: string | null, d = 2): Tagged => ({ $: 'stat', v, reason, d });
export const list = (v: readonly Param[], or = false): Tagged => ({ $: 'list', v, or });
export const msg = (key: string, params?: Params): Extract<Tagged, { $: 'msg' }> => (params ? { $: 'msg', key, params } : { $: 'msg', key });
/**
 * A name from the input quoted in the reader's quotation marks (« » in French, „“ in German).
 * The English writes it as JSON does, escapes kept, so the JSON's English is what it was
 * before the catalogue; a name holding a quote or a backslash shows the escape in every language.
 */
export const quoted = (name: string): Tagged => msg('fmt.quoted', { text: JSON.stringify(name).slice(1, -1) });
/**
 * Input text (a statement, a decision) quoted inside a sentence: in English its first letter
 * lowered when it reads as a sentence's start ("My team has…" -> "my team has…"; "I know…" and acronyms kept). French and German keep
 * the input's letters: a German noun lowered is wrong, and a quotation in « » keeps its case.
 */
export const inSentence = (v: string): Tagged => ({ $: 'inSentence', v });

/** The first `max` names (all by default) quoted (quoted), joined by commas, with … when there are more. */
export const quotedList = (names: readonly string[], max = names.length): Tagged =>
  joined([...names.slice(0, max).map(quoted), ...(names.length > max ? ['…'] : [])], ', ');

/**
 * A list in a sentence names at most NAMES_LISTED (an org chart's dozen departments in full); a longer one (a company's hundreds of
 * departments) names the first NAMES_NAMED in the order given, then how many more: a list of
 * thousands reads as nothing, and the report's tables list every one.
 */
export const NAMES_LISTED = 15;
export const NAMES_NAMED = 10;

/** Names as a list ('A, B and C'); more than NAMES_LISTED: the first NAMES_NAMED, then 'and 95 more'. */
export const fewOf = (names: readonly Param[]): Tagged =>
  names.length <= NAMES_LISTED ? list(names) : msg('fmt.andMore', { names: joined(names.slice(0, NAMES_NAMED), ', '), n: int(names.length - NAMES_NAMED) });

/** Items joined by `sep` (joined); more than NAMES_LISTED: the first NAMES_NAMED, then 'and 95 more'. */
export const fewJoined = (items: readonly Param[], sep: string): Tagged =>
  items.length <= NAMES_LISTED ? joined(items, sep) : joined([...items.slice(0, NAMES_NAMED), msg('fmt.more', { n: int(items.length - NAMES_NAMED) })], sep);

/** Every one of n, in words: 'the one', 'both', 'all three' (fmtAllOf). */
export const allOf = (v: number): Tagged => ({ $: 'allOf', v });
/**
 * A separator of punctuation ('; ', ': ') as the reader's language spaces it: French puts a narrow
 * no-break space before ; : ! ?, English and German none.
 */
export function separator(sep: string): string {
  return current().lang === 'fr' ? sep.replace(/^ ?([;:!?])/, '\u202f$1') : sep;
}

/** Items joined by a separator that is punctuation in every language ('; '), spaced as the reader's language does (separator). */
export const joined = (v: readonly Param[], sep: string): Tagged => ({ $: 'join', v, sep });
/** Text that is already in the reader's language (a sentence formatted earlier). */
export const raw = (v: string): Tagged => ({ $: 'raw', v });

/** How a rendered message marks up emphasis: Markdown, HTML or plain text (terminal). */
export interface Markup {
  /** Input text and formatted values inserted into a message. */
  param: (s: string) => string;
  /** The message's own words. */
  literal: (s: string) => string;
  tag: (name: string, inner: string) => string;
}

export const PLAIN: Markup = { param: (s) => s, literal: (s) => s, tag: (_n, inner) => inner };

interface Translator {
  lang: AnyLanguage;
  compiled: Map<string, IntlMessageFormat>;
}

const selectArgs = new WeakMap<IntlMessageFormat, Set<string>>();

/** The arguments a message selects on (`{x, select, …}`): their values are keys, passed as they are. */
function selectorsOf(mf: IntlMessageFormat): Set<string> {
  let names = selectArgs.get(mf);
  if (names) return names;
  const found = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.select) found.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(mf.getAst());
  selectArgs.set(mf, found);
  names = found;
  return names;
}

const ambient = new AsyncLocalStorage<Translator>();
const english: Translator = { lang: 'en', compiled: new Map() };

function current(): Translator {
  return ambient.getStore() ?? english;
}

/** The language of the render in progress ('en' outside one). */
export function currentLanguage(): AnyLanguage {
  return current().lang;
}

const LOCALE: Record<AnyLanguage, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', qps: 'en-GB' };

/** Every literal piece of a parsed message wrapped in the pseudo-locale's markers. */
function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return /\S/.test(el.value) ? { ...el, value: `${OPEN}${el.value}${CLOSE}` } : el;
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }]));
      return { ...el, options } as MessageFormatElement;
    }
    if (el.type === TYPE.tag) return { ...el, children: pseudoElements(el.children) };
    return el;
  });
}

function compile(tr: Translator, key: string): IntlMessageFormat {
  let mf = tr.compiled.get(key);
  if (mf) return mf;
  const source = tr.lang === PSEUDO || tr.lang === 'en' ? catalogue('en')[key] : (catalogue(tr.lang)[key] ?? catalogue('en')[key]);
  if (source === undefined) throw new Error(`i18n: no message ${JSON.stringify(key)} in the English catalogue`);
  mf =
    tr.lang === PSEUDO
      ? new IntlMessageFormat(pseudoElements(parse(source, { shouldParseSkeletons: true })), LOCALE.qps)
      : new IntlMessageFormat(source, LOCALE[tr.lang]);
  tr.compiled.set(key, mf);
  return mf;
}

function formatTagged(p: Tagged, markup: Markup): string {
  switch (p.$) {
    case 'num':
      return fmtNumber(p.v, p.d ?? 2);
    case 'int':
      return fmtInteger(p.v);
    case 'decimal':
      return fmtDecimal(p.v);
    case 'beside':
      return fmtBeside(p.v, p.cuts, p.d);
    case 'pct':
      return p.cut === undefined ? fmtPercent(p.v) : fmtPercentBeside(p.v, p.cut, p.over === true);
    case 'gap':
      return fmtGap(p.v, p.flag)[p.part];
    case 'ordinal':
      return fmtOrdinal(p.v);
    case 'rank':
      return fmtRank(p.v);
    case 'word':
      return fmtCountWord(p.v, p.capital ?? false);
    case 'pclause':
      return fmtPClause(p.v, p.reason);
    case 'stat':
      return fmtStat(p.v, p.reason, (x) => fmtNumber(x, p.d ?? 2));
    case 'list':
      return fmtList(
        p.v.map((x) => formatParam(x, markup)),
        p.or ? 'or' : 'and',
      );
    case 'msg':
      return format(p.key, p.params, markup);
    case 'raw':
      return p.v;
    case 'join':
      return p.v.map((x) => formatParam(x, markup)).join(separator(p.sep));
    case 'allOf':
      return fmtAllOf(p.v);
    case 'inSentence': {
      const text = p.v;
      if (current().lang !== 'en' && current().lang !== PSEUDO) return text;
      return /^[A-Z][a-z]/.test(text) && !/^I\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
    }
  }
}

/** A parameter as text the message can insert: input text escaped for the markup, values formatted. */
function formatParam(p: Param, markup: Markup): string {
  if (typeof p === 'string') return markup.param(p);
  if (typeof p === 'number') return markup.param(fmtInteger(p));
  // formatted values are the renderer's own text (numbers, nested messages): already marked up
  return p.$ === 'msg' || p.$ === 'list' || p.$ === 'raw' || p.$ === 'join' ? formatTagged(p, markup) : markup.param(formatTagged(p, markup));
}

// Private-use characters standing for the markup's tags while the message is formatted.
const TAG_OPEN = '\ue000';
const TAG_CLOSE = '\ue001';
const PARAM = '\ue002';

/**
 * A message in the current language. Numbers given as plain numbers select
 * plurals (`{n, plural, …}`) and print with the locale's digits; tagged values
 * print by format.ts's house rules in the reader's style.
 */
/** The tags a message may hold (<strong>…</strong>); a value may not take one of their names. */
const MARKUP_TAGS = ['em', 'strong', 'code', 'cite'] as const;

export function format(key: string, params: Params = {}, markup: Markup = PLAIN): string {
  const tr = current();
  const mf = compile(tr, key);
  // Values travel through the formatter as private-use placeholders, so the
  // message's own words and the inserted values can be marked up differently.
  const inserted: string[] = [];
  const values: Record<string, unknown> = {};
  const selectors = selectorsOf(mf);
  for (const [name, p] of Object.entries(params)) {
    if (p === undefined) continue;
    if (typeof p === 'number' || (typeof p === 'string' && selectors.has(name))) {
      values[name] = p;
      continue;
    }
    inserted.push(formatParam(p, markup));
    values[name] = `${PARAM}${inserted.length - 1}${PARAM}`;
  }
  for (const tag of MARKUP_TAGS) {
    // a value of that name would be lost to the tag (a message's {code} printed as nothing): a bug in the caller
    if (tag in values)
      throw new UsageError(`message ${key}: a value named ${tag} clashes with the <${tag}> tag; rename it (in a template, the t helper's hash)`);
    values[tag] = (chunks: unknown[]) => `${TAG_OPEN}${tag}${TAG_CLOSE}${chunks.join('')}${TAG_OPEN}/${tag}${TAG_CLOSE}`;
  }
  const out = mf.format(values);
  const text = Array.isArray(out) ? out.join('') : String(out);
  // Split into the message's words, tags and inserted values; mark each up as what it is.
  const stack: Array<{ name: string; parts: string[] }> = [{ name: '', parts: [] }];
  const re = new RegExp(`${TAG_OPEN}(/?)(\\w+)${TAG_CLOSE}|${PARAM}(\\d+)${PARAM}|([^${TAG_OPEN}${PARAM}]+)`, 'gu');
  for (const m of text.matchAll(re)) {
    const top = stack[stack.length - 1] as { name: string; parts: string[] };
    if (m[2] !== undefined) {
      if (m[1] === '/') {
        const done = stack.pop() as { name: string; parts: string[] };
        (stack[stack.length - 1] as { parts: string[] }).parts.push(markup.tag(done.name, done.parts.join('')));
      } else stack.push({ name: m[2], parts: [] });
    } else if (m[3] !== undefined) top.parts.push(inserted[Number(m[3])] as string);
    else if (m[4] !== undefined) top.parts.push(markup.literal(m[4]));
  }
  return (stack[0] as { parts: string[] }).parts.join('');
}

/** A message in the current language, plain text: for the view models (whose strings the templates escape) and the terminal. */
export function t(key: string, params?: Params): string {
  return format(key, params, PLAIN);
}

/** A message in English whatever render runs around it: the text the JSON contract keeps. */
export function inEnglish(m: Message): string {
  return withLanguage('en', () => t(m.key, m.params));
}

/**
 * A string the audit room wrote in English (a statistic's reason, a band, a
 * band's source) in the reader's language: the catalogue holds such strings
 * under `audit:<the English text>`. One the catalogue lacks stays as written
 * (the pseudo-locale test shows which, for the examples).
 */
export function auditText<T extends string | null | undefined>(s: T): T {
  if (typeof s !== 'string' || current().lang === 'en') return s;
  const key = `audit:${s}`;
  if (catalogue('en')[key] !== undefined) return t(key) as T;
  // a reason with one count in it ("fewer than 5 respondents") is catalogued with # for the count
  const count = /\d+/.exec(s);
  const counted = count ? `audit:${s.slice(0, count.index)}#${s.slice(count.index + count[0].length)}` : null;
  return (counted !== null && catalogue('en')[counted] !== undefined ? t(counted, { n: Number(count![0]) }) : s) as T;
}

/**
 * What a value the audit room wrote in English (a finding's title, evidence
 * and question) carries so a renderer can word it again: its messages, under
 * a symbol key, so the JSON output (JSON.stringify skips symbols) keeps only
 * the English fields of its contract.
 */
export const WORDING: unique symbol = Symbol('align.wording');
export type Wording<K extends string = string> = Partial<Record<K, Message>>;

/** Attach `wording` to `value` (returned for chaining). */
export function withWording<T extends object>(value: T, wording: Wording): T {
  // not enumerable: tests comparing findings field by field, and the JSON output, see the English contract only
  Object.defineProperty(value, WORDING, { value: wording, enumerable: false, writable: true, configurable: true });
  return value;
}

/**
 * `value` with each field that has a message worded in the current language;
 * English, or a value without messages (one read back from a JSON file), as it is.
 */
export function worded<T extends object>(value: T): T {
  const wording = (value as { [WORDING]?: Wording })[WORDING];
  if (!wording || current().lang === 'en') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [field, m] of Object.entries(wording)) if (m) out[field] = t(m.key, m.params);
  return out as T;
}

/**
 * English fields worded from messages, with the messages attached (withWording)
 * so a report in another language words them again: what the audit room calls
 * to write a finding's title, evidence and question once, from the catalogue.
 */
export function englishFields<K extends string>(messages: Record<K, Message>): Record<K, string> {
  const fields = {} as Record<K, string>;
  // the audit room writes the JSON contract's English, whatever render may be running around it
  for (const [field, m] of Object.entries(messages) as Array<[K, Message]>) fields[field] = inEnglish(m);
  return fields;
}

/**
 * A ledger entry (a note of `input.notes[]`, an excluded row of
 * `input.excluded[]`) with its text `field` written in English from `m`, the
 * message attached (withWording) so a report a client reads words it in its
 * own language (render/view-model.ts, clientLedger): what the ingest and audit
 * rooms call to write a note or a reason once, from the catalogue. The JSON
 * keeps the English.
 */
export function ledgerText<T extends object, F extends string>(entry: T, field: F, m: Message): T & Record<F, string> {
  const out = entry as T & Record<F, string>;
  (out as Record<string, unknown>)[field] = inEnglish(m);
  return withWording(out, { [field]: m });
}

/** `to` with `from`'s messages (withWording), for a copy made by object spread, which leaves them behind. */
export function keepWording<T extends object>(from: object, to: T): T {
  const wording = (from as { [WORDING]?: Wording })[WORDING];
  return wording ? withWording(to, wording) : to;
}

/** Whether the current language has a message (English always has every key). */
export function has(key: string): boolean {
  return catalogue('en')[key] !== undefined;
}

/** The few words format.ts prints, and its separators, for a language. */
function readerStyle(lang: AnyLanguage): ReaderStyle {
  const locale = LOCALE[lang];
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const pparts = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.43);
  const percentAfter = pparts
    .slice(pparts.findIndex((p) => p.type === 'integer') + 1)
    .map((p) => p.value)
    .join('');
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const lists = { and: new Intl.ListFormat(locale, { type: 'conjunction' }), or: new Intl.ListFormat(locale, { type: 'disjunction' }) };
  const wrap = (s: string) => (lang === PSEUDO ? `${OPEN}${s}${CLOSE}` : s);
  return {
    decimal,
    group,
    percent: (n) => `${n}${percentAfter}`,
    // a reason the audit room wrote in English, in the reader's language (the one place: every fmtNA and fmtStat)
    na: (reason) => (reason === null ? t('fmt.na') : t('fmt.naReason', { reason: raw(auditText(reason)) })),
    suppressed: (minGroup) => (minGroup === null ? t('fmt.suppressedAny') : t('fmt.suppressed', { n: raw(minGroup) })),
    ordinal: (n) => t('fmt.ordinal', { n }),
    countWord: (n) => (Number.isInteger(n) && n >= 0 && n <= 10 ? t('fmt.countWord', { n }) : null),
    allOf: (n) => t('fmt.allOf', { n, word: raw(fmtCountWord(n)) }),
    count: (n, formatted, singular) => (has(`unit.${singular}`) ? t(`unit.${singular}`, { n, formatted: raw(formatted) }) : `${formatted} ${singular}`),
    list: (items, conjunction) => {
      if (lang !== PSEUDO) return lists[conjunction].format(items);
      if (items.length < 2) return items.join('');
      // the pseudo-locale marks the conjunction, the one word a list adds
      return `${items.slice(0, -1).join(', ')} ${wrap(conjunction)} ${items[items.length - 1] as string}`;
    },
    pClause: (p, below) => t(below ? 'fmt.pBelow' : 'fmt.pEquals', { p: raw(p) }),
    // French writes the first of the month as an ordinal: « 1er novembre 2026 »
    date: (y, m, d) =>
      wrap(lang === 'fr' && d === 1 ? dates.format(new Date(Date.UTC(y, m - 1, d))).replace(/^1(?=\s)/, '1er') : dates.format(new Date(Date.UTC(y, m - 1, d)))),
  };
}

/**
 * Run `fn` with every message and number in `lang`. English runs with the
 * house rules of format.ts untouched (no reader style), so an English report
 * is byte for byte what it was before the catalogue.
 */
export function withLanguage<T>(lang: AnyLanguage, fn: () => T): T {
  const tr: Translator = lang === 'en' ? english : { lang, compiled: new Map() };
  // English inside a French render (inEnglish, for the JSON) drops the French reader style too
  return ambient.run(tr, () => (lang === 'en' ? withoutReaderStyle(fn) : withReaderStyle(readerStyle(lang), fn)));
}
