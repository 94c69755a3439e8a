/**
 * Strategy recall (ARCHITECTURE.md, `recall`): can people name the priorities
 * the leadership has announced (align.yml `official`)? Sull, Sull and Yoder
 * (MIT Sloan Management Review, 2018) found that 28% of executives and middle
 * managers could list three of their company's strategic priorities.
 *
 * A respondent recalls the strategy when their answer holds at least three
 * official priorities, or all of them when fewer than three are official.
 * The answer is the free-text answer to a recall question ("Name the
 * company's top three priorities") when the survey asked one, split on
 * commas, semicolons and new lines, each part matched by the priority-name
 * key and align.yml's aliases; otherwise the respondent's stack, its top
 * three (the priorities ranked 1 to 3 as given; a tie at 3 brings in each
 * priority that shares the rank). The share is over the respondents who gave
 * an answer to score; per department and level where the group is shown.
 */
import { clip } from '../defaults.js';
import { UsageError } from '../errors.js';
import { joined, ledgerText, msg, quoted } from '../i18n/index.js';
import { displayName } from '../ingest/priority-key.js';
import { aliasKeyOf } from '../ingest/rankings.js';
import type { Dataset, Note, Respondent } from '../ingest/types.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { na, ok, type Stat, statFields } from '../stats/result.js';
import { byGroup, type Population, shownGroups } from './groups.js';
import type { RecallGroup, RecallResult } from './types.js';

/** Leading list marks on a part of a free-text answer: "1.", "2)", "-", "•", "#1". */
const LIST_MARK = /^\s*(?:[-*•·–—]+|#?\d{1,2}\s*[.):-]|\(\d{1,2}\)|[a-c][.)])\s*/u;

/** Inline numbering that separates items: "1. A 2. B", "1) A 2) B". */
const INLINE_NUMBER = /\s+(?=(?:#?\d{1,2}\s*[.)])\s)/u;

/**
 * The parts of a free-text answer, each a priority as written: split on
 * commas, semicolons, new lines, tabs, bars and inline numbering ("1. A 2. B"),
 * list marks dropped. A part that names no known priority is split further on
 * "and", "&", "/" or ". " only when every piece then names one ("Growth and
 * Retention", but never "Hire and retain talent", which is itself a name).
 */
export function recallParts(text: string, keyOf: (name: string) => string = (n) => n, known: ReadonlySet<string> = new Set()): string[] {
  const parts = text
    .split(/[,;\n\r\t|]+/)
    .flatMap((p) => p.split(INLINE_NUMBER))
    .map((p) => p.replace(LIST_MARK, '').trim())
    .filter((p) => p !== '');
  return parts.flatMap((p) => {
    if (known.size === 0 || known.has(keyOf(p))) return [p];
    const pieces = p
      .split(/\s+(?:and|&)\s+|\s*\/\s*|\.\s+/i)
      .map((x) => x.replace(LIST_MARK, '').replace(/[.]+$/, '').trim())
      .filter((x) => x !== '');
    return pieces.length >= 2 && pieces.every((x) => known.has(keyOf(x))) ? pieces : [p.replace(/[.]+$/, '')];
  });
}

export interface RecallOptions {
  official: readonly string[];
  aliases?: Readonly<Record<string, string>>;
  /** Splits the people scored into groups, as groups.ts populationOf does for the survey. */
  populationFor: (people: readonly Respondent[]) => Population;
  /** The anonymity threshold: a free-text part is quoted in a note only when at least this many people wrote it. */
  minGroup: number;
}

export interface RecallOutcome {
  recall: RecallResult;
  notes: Note[];
  /** The people scored, split into groups (the ledger hides what these groups hide). */
  population: Population;
}

export function buildRecall(dataset: Dataset, options: RecallOptions): RecallOutcome | { reason: string } {
  const keyOf = aliasKeyOf(options.aliases);
  const officialKeys = options.official.map(keyOf);
  // two official names that are one priority once the aliases apply would shrink the list silently
  officialKeys.forEach((k, i) => {
    const first = officialKeys.indexOf(k);
    if (first !== i) {
      throw new UsageError(
        `align.yml: official: ${JSON.stringify(clip(options.official[first]!))} and ${JSON.stringify(clip(options.official[i]!))} are the same priority once priorities.aliases applies; list each priority once or fix the alias`,
      );
    }
  });
  // Named as the file names the priority when it is one of them, else as align.yml writes it.
  const names = new Map(dataset.priorities.map((p) => [p.key, p.name]));
  const official = officialKeys.map((k, i) => names.get(k) ?? displayName(options.official[i]!));
  const needed = Math.min(3, officialKeys.length);
  const officialSet = new Set(officialKeys);
  const known = new Set([...names.keys(), ...officialKeys]);

  const withText = dataset.respondents.filter((r) => r.recall !== undefined && r.recall.text.trim() !== '');
  const ranked = dataset.respondents.filter((r) => r.stack.length > 0);
  const source: RecallResult['source'] | null = withText.length > 0 ? 'text' : ranked.length > 0 ? 'stack' : null;
  if (source === null) {
    return { reason: 'nothing to score: no one answered a recall question ("Name the top three priorities") and no one ranked the priorities' };
  }
  const notes: Note[] = [];
  const first = dataset.files[0]?.path ?? '';
  const unknown = names.size === 0 ? [] : officialKeys.map((k, i) => [k, options.official[i]!] as const).filter(([k]) => !names.has(k));
  if (unknown.length > 0) {
    const list = unknown.map(([, n]) => JSON.stringify(clip(n))).join(', ');
    const what = `align.yml: official: ${list} ${unknown.length === 1 ? 'is not one' : 'are not'} of the ${names.size} priorities the ranking lists`;
    // a stack can never hold a priority the ranking does not list: every score would be a misreading
    if (source === 'stack')
      throw new UsageError(`${what}, so no stack can name ${unknown.length === 1 ? 'it' : 'them'}; fix the spelling or map it under priorities.aliases`);
    notes.push(
      ledgerText({ file: first, line: 1 }, 'note', msg('ledger.recall.unknownOfficial', { n: unknown.length, official: list, count: String(names.size) })),
    );
  }

  const heldBy = (r: Respondent): Set<string> | null => {
    if (source === 'text') {
      if (r.recall === undefined || r.recall.text.trim() === '') return null;
      return new Set(recallParts(r.recall.text, keyOf, known).map(keyOf));
    }
    if (r.stack.length === 0) return null;
    return new Set(r.stack.filter((e) => e.rank <= 3).map((e) => keyOf(e.priority)));
  };
  const group = (people: readonly Respondent[]): RecallGroup => {
    let n = 0;
    let recalled = 0;
    for (const r of people) {
      const held = heldBy(r);
      if (held === null) continue;
      n++;
      let hits = 0;
      for (const k of held) if (officialSet.has(k)) hits++;
      if (hits >= needed) recalled++;
    }
    const share: Stat = n === 0 ? na('no one in this group gave an answer to score') : ok(recalled / n);
    return { n, ...statFields('share', share) };
  };

  // The groups are the people scored, split like the survey's: counted by who answered, so that
  // no hidden group's share can be worked out from everyone's minus the groups shown.
  const population = options.populationFor(source === 'text' ? withText : ranked);
  const recall: RecallResult = {
    official,
    needed,
    source,
    ...(source === 'text' ? { question: withText[0]!.recall!.question } : {}),
    overall: population.overallShown ? group(population.people) : { suppressed: true },
    byDepartment: byGroup(population.departments, group),
    byLevel: byGroup(population.levels, group),
  };
  if (source === 'text') {
    // quoted only from the groups shown (everyone, when there are no departments), like comments
    const quotable = population.departments.groups.size === 0 ? population.people : shownGroups(population.departments).flatMap(([, g]) => g);
    notes.push(...unmatchedNote(withText, new Set(quotable), keyOf, known, options.minGroup));
  }
  return { recall, notes, population };
}

/**
 * What the free-text answers wrote that names no priority by its name or an
 * alias, so the consultant can map the spellings that mean an official
 * priority (align.yml priorities.aliases) instead of align guessing. A part
 * is quoted only when at least `minGroup` people wrote it: a count of many
 * cannot point to anyone.
 */
function unmatchedNote(
  people: readonly Respondent[],
  quotable: ReadonlySet<Respondent>,
  keyOf: (name: string) => string,
  known: ReadonlySet<string>,
  minGroup: number,
): Note[] {
  const writers = new Map<string, { people: Set<Respondent>; spellings: Map<string, number> }>();
  let parts = 0;
  for (const r of people) {
    for (const part of recallParts(r.recall!.text, keyOf, known)) {
      const key = keyOf(part);
      if (known.has(key) || key === '') continue;
      parts++;
      if (!quotable.has(r)) continue;
      const entry = writers.get(key) ?? { people: new Set<Respondent>(), spellings: new Map<string, number>() };
      entry.people.add(r);
      const shown = clip(displayName(part).toLowerCase());
      entry.spellings.set(shown, (entry.spellings.get(shown) ?? 0) + 1);
      writers.set(key, entry);
    }
  }
  if (parts === 0) return [];
  const common = [...writers.values()]
    .filter((e) => e.people.size >= minGroup)
    .map((e) => ({ text: [...e.spellings].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))[0]![0], count: e.people.size }))
    .sort((a, b) => b.count - a.count || compareCodePoints(a.text, b.text));
  const first = people[0]!;
  const spellings =
    common.length > 0
      ? msg('ledger.recall.quoted', {
          min: String(minGroup),
          spellings: joined(
            [
              ...common.slice(0, 8).map((c) => msg('ledger.recall.spelling', { text: quoted(c.text), count: String(c.count) })),
              ...(common.length > 8 ? ['…'] : []),
            ],
            ', ',
          ),
        })
      : msg('ledger.recall.noneQuoted', { min: String(minGroup) });
  return [
    ledgerText(
      { file: first.file, line: 1 },
      'note',
      msg('ledger.recall.unmatched', { n: parts, count: String(parts), question: quoted(first.recall!.question), quoted: spellings }),
    ),
  ];
}
