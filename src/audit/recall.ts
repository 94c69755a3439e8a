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
import { displayName } from '../ingest/priority-key.js';
import { aliasKeyOf } from '../ingest/rankings.js';
import type { Dataset, Note, Respondent } from '../ingest/types.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { na, ok, type Stat, statFields } from '../stats/result.js';
import { byGroup, type Population } from './groups.js';
import type { RecallGroup, RecallResult } from './types.js';

/** Leading list marks on a part of a free-text answer: "1.", "2)", "-", "•", "#1". */
const LIST_MARK = /^\s*(?:[-*•·–—]+|#?\d{1,2}\s*[.):-]|\(\d{1,2}\)|[a-c][.)])\s*/u;

/** The parts of a free-text answer, each a priority as written. */
export function recallParts(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((p) => p.replace(LIST_MARK, '').trim())
    .filter((p) => p !== '');
}

export interface RecallOptions {
  official: readonly string[];
  aliases?: Readonly<Record<string, string>>;
  /** The survey's respondents, when the answers scored are the recall question's. */
  takers: Population;
  /** Split into groups only when a stack is scored: everyone who ranked. */
  rankers: () => Population;
  /** The anonymity threshold: a free-text part is quoted in a note only when at least this many people wrote it. */
  minGroup: number;
}

export interface RecallOutcome {
  recall: RecallResult;
  notes: Note[];
}

export function buildRecall(dataset: Dataset, options: RecallOptions): RecallOutcome | { reason: string } {
  const keyOf = aliasKeyOf(options.aliases);
  const officialKeys = [...new Set(options.official.map(keyOf))];
  // Named as the file names the priority when it is one of them, else as align.yml writes it.
  const names = new Map(dataset.priorities.map((p) => [p.key, p.name]));
  const official = officialKeys.map((k, i) => names.get(k) ?? displayName(options.official[i]!));
  const needed = Math.min(3, officialKeys.length);
  const officialSet = new Set(officialKeys);

  const withText = dataset.respondents.filter((r) => r.recall !== undefined && r.recall.text.trim() !== '');
  const source: RecallResult['source'] | null = withText.length > 0 ? 'text' : dataset.respondents.some((r) => r.stack.length > 0) ? 'stack' : null;
  if (source === null) {
    return { reason: 'nothing to score: the survey has no recall question ("Name the top three priorities") and no one ranked the priorities' };
  }

  const heldBy = (r: Respondent): Set<string> | null => {
    if (source === 'text') {
      if (r.recall === undefined || r.recall.text.trim() === '') return null;
      return new Set(recallParts(r.recall.text).map(keyOf));
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

  const population = source === 'text' ? options.takers : options.rankers();
  const recall: RecallResult = {
    official,
    needed,
    source,
    ...(source === 'text' ? { question: withText[0]!.recall!.question } : {}),
    overall: population.overallShown ? group(population.people) : { suppressed: true },
    byDepartment: byGroup(population.departments, group),
    byLevel: byGroup(population.levels, group),
  };
  return { recall, notes: source === 'text' ? unmatchedNote(withText, keyOf, new Set([...names.keys(), ...officialKeys]), options.minGroup) : [] };
}

/**
 * What the free-text answers wrote that names no priority by its name or an
 * alias, so the consultant can map the spellings that mean an official
 * priority (align.yml priorities.aliases) instead of align guessing. A part
 * is quoted only when at least `minGroup` people wrote it: a count of many
 * cannot point to anyone.
 */
function unmatchedNote(people: readonly Respondent[], keyOf: (name: string) => string, known: ReadonlySet<string>, minGroup: number): Note[] {
  const writers = new Map<string, { people: Set<Respondent>; spellings: Map<string, number> }>();
  let parts = 0;
  for (const r of people) {
    for (const part of recallParts(r.recall!.text)) {
      const key = keyOf(part);
      if (known.has(key) || key === '') continue;
      parts++;
      const entry = writers.get(key) ?? { people: new Set<Respondent>(), spellings: new Map<string, number>() };
      entry.people.add(r);
      const shown = displayName(part).toLowerCase();
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
  const quoted =
    common.length > 0
      ? `; written by ${minGroup} or more people: ${common
          .slice(0, 8)
          .map((c) => `${JSON.stringify(c.text)} (${c.count})`)
          .join(', ')}${common.length > 8 ? ', …' : ''}`
      : ` (none written by ${minGroup} or more people, so none is quoted)`;
  return [
    {
      file: first.file,
      line: 1,
      note: `strategy recall: ${parts} ${parts === 1 ? 'part' : 'parts'} of the answers to ${JSON.stringify(first.recall!.question)} ${parts === 1 ? 'names' : 'name'} no priority by its name or an alias${quoted}; map the spellings that mean an official priority under priorities.aliases in align.yml`,
    },
  ];
}
