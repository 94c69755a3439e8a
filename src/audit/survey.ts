/**
 * The survey half of the audit: per Likert item and per dimension, for
 * everyone (`overall`), each department's non-leaders (`byDepartment`) and
 * each level (`byLevel`): n, mean, SD, favourable / neutral / unfavourable
 * shares with the favourable share's Wilson interval, r_wg (r_wg(j) for a
 * dimension) and AD_M; ICC(1) across the departments shown; Cronbach's alpha
 * per dimension; the leader-versus-team perception gap; comments for groups
 * large enough. Rules: ARCHITECTURE.md ("Survey", "Groups", "Anonymity").
 *
 * Confidentiality is decided here, once, so no renderer can leak: a group
 * with fewer members than the threshold is `{suppressed: true}`, and
 * complementary suppression (groups.ts, over both splits and the gap) hides
 * more while any small group could be derived by subtraction.
 * Members decide which groups a split shows; then, per item and per
 * dimension, the people who answered it decide whether its figure for a
 * group shows (0 or at least the threshold), and the answers outside the
 * groups shown must number 0 or at least the threshold too, so that two
 * answers in a department of ten, or everyone's answers less the departments
 * shown, never give a few people's answers.
 */

import { type AnswerSheet, forEachAnswer, PackedAnswers } from '../ingest/answers.js';
import { priorityKey } from '../ingest/priority-key.js';
import type { Dataset, Item, Respondent } from '../ingest/types.js';
import { pushTo } from '../records.js';
import { adi } from '../stats/adi.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { alphaOfTallies } from '../stats/cronbach-alpha.js';
import { meanAndSd } from '../stats/describe.js';
import { icc1 } from '../stats/icc1.js';
import { type LikertSummary, likertSummary } from '../stats/likert-summary.js';
import { na, ok, type Stat, statFields as stat } from '../stats/result.js';
import { rwg, rwgJ } from '../stats/rwg.js';
import { addToTally, mergedTallies, type Tally, tallyN } from '../stats/tally.js';
import { wilsonInterval } from '../stats/wilson.js';
import { byGroup, type Population, type Split, shownGroups } from './groups.js';
import { type BankItem, bankWordings, QUESTION_BANK } from './question-bank.js';
import { suppressGroups } from './suppression.js';
import type { CommentGroup, DimensionResult, GapEntry, GroupStats, ItemResult, SurveyResult } from './types.js';

/** Comments need larger groups than scores (Glint and Dayforce ask 10; DOMAIN.md). */
export const DEFAULT_COMMENT_MIN_GROUP = 10;
/** A perception gap this large is flagged (Gallup: managers' ratings trail leaders' self-ratings by at least 20 points). */
export const GAP_FLAG_POINTS = 20;

/**
 * The gap between two shares in percentage points. A whole number of points that floating point
 * misses by a hair is that whole number: 0.7 - 0.5 is 0.19999999999999996 in binary, and a gap of
 * exactly 20 points must be flagged, and print as 20 beside the flag (format.ts, fmtGap).
 */
export function gapInPoints(leaders: number, others: number): number {
  const points = (leaders - others) * 100;
  const whole = Math.round(points);
  return Math.abs(points - whole) < 1e-9 ? whole : points;
}

export interface SurveyOptions {
  /** The survey's respondents (everyone who answered a Likert item, an ownership or a recall question), split into groups. */
  population: Population;
  minGroup: number;
  commentMinGroup?: number;
  /** True when align.yml has `dimensions`: they decide, and the question bank does not. */
  configDimensions?: boolean;
}

/** The question bank by the key of every wording it lists (case, punctuation and spacing aside). */
const BANK_BY_KEY = new Map(QUESTION_BANK.flatMap((b) => bankWordings(b).map((t) => [priorityKey(t), b] as const)));

/** The bank item an item's text (or id) is a wording of, if any. */
export function bankItemOf(item: Pick<Item, 'id' | 'text'>): BankItem | undefined {
  return BANK_BY_KEY.get(priorityKey(item.text)) ?? BANK_BY_KEY.get(priorityKey(item.id));
}

/** An answer on the favourable side: reverse-keyed items turned round first. */
function scored(item: Item, value: number): number {
  return item.reverse ? turnedFrom(item) - value : value;
}

/** What a reverse-keyed item's answer v is turned round from: low + high (v becomes low + high - v). */
function turnedFrom(item: Item): number {
  return item.low + (item.low + item.points - 1);
}

/**
 * A group's answers as tallies (stats/tally.ts), built in one pass over its
 * people: per item, the scored answers; per dimension, each respondent's mean
 * over the dimension's items they answered. Every figure of the group is read
 * from these, so a group of any size costs one pass, and tallies of parts of
 * a group merge into the tallies of the whole.
 */
interface GroupTallies {
  /** tallies.items[k]: the scored answers to items[k]. */
  items: Tally[];
  /** tallies.dimensionMeans[d]: respondents' means over dimension d's items. */
  dimensionMeans: Tally[];
  /** tallies.partial[d]: respondents who answered some of dimension d's items but not all (anonymity: survey.ts). */
  partial: number[];
}

/** The survey's items and, for each dimension, the indices of its items. */
interface SurveyShape {
  items: readonly Item[];
  dimensions: ReadonlyArray<readonly number[]>;
}

function emptyTallies(shape: SurveyShape): GroupTallies {
  return { items: shape.items.map(() => new Map()), dimensionMeans: shape.dimensions.map(() => new Map()), partial: shape.dimensions.map(() => 0) };
}

/** Marks an item a respondent did not answer in their row of scored answers. */
const UNANSWERED = -32768;

/** Every respondent's scored answers, one row of a flat array each (people[p] at p * items), read from their answers once. */
function scoredRows(people: readonly Respondent[], items: readonly Item[]): Int16Array {
  const width = items.length;
  const rows = new Int16Array(people.length * width).fill(UNANSWERED);
  const itemIndex = new Map(items.map((item, k) => [item.id, k]));
  // a packed row (src/ingest/answers.ts) is copied slot by slot, each sheet's slots mapped to items (and reversal) once
  const slotItems = new Map<AnswerSheet, { toItem: Int32Array; reversed: Uint8Array; sum: Int32Array }>();
  people.forEach((r, p) => {
    const likert = r.likert;
    if (likert instanceof PackedAnswers) {
      const { sheet, at } = likert;
      let map = slotItems.get(sheet);
      if (map === undefined) {
        const toItem = Int32Array.from(sheet.items, (id) => itemIndex.get(id) ?? -1);
        // as scored(): a reverse-keyed item's answer v is turnedFrom(item) - v
        const reversed = Uint8Array.from(toItem, (k) => (k >= 0 && items[k]!.reverse ? 1 : 0));
        const sum = Int32Array.from(toItem, (k) => (k >= 0 ? turnedFrom(items[k]!) : 0));
        map = { toItem, reversed, sum };
        slotItems.set(sheet, map);
      }
      sheet.copyRow(at, map.toItem, map.reversed, map.sum, rows, p * width);
      return;
    }
    forEachAnswer(likert, (id, raw) => {
      const k = itemIndex.get(id);
      if (k !== undefined) rows[p * width + k] = scored(items[k]!, raw);
    });
  });
  return rows;
}

/** Cronbach's alpha of a dimension (its items' columns of the scored rows), over the respondents who answered every item. */
function dimensionAlpha(rows: Int16Array, width: number, columns: readonly number[]): Stat {
  const items: Tally[] = columns.map(() => new Map());
  const totals: Tally = new Map();
  const people = width === 0 ? 0 : rows.length / width;
  for (let p = 0; p < people; p++) {
    const at = p * width;
    let total = 0;
    let complete = true;
    for (const k of columns) {
      const v = rows[at + k]!;
      if (v === UNANSWERED) {
        complete = false;
        break;
      }
      total += v;
    }
    if (!complete) continue;
    columns.forEach((k, i) => {
      addToTally(items[i]!, rows[at + k]!);
    });
    addToTally(totals, total);
  }
  return alphaOfTallies(items, totals);
}

/**
 * Each cell's tallies (groups.ts: people alike in every respect a group shown can tell apart), in one
 * pass over the scored rows: an item's answers are counted by scale point (a Likert answer is one of a
 * few whole numbers), then handed over as a tally; an answer off the item's scale is tallied as it is,
 * for likertSummary to refuse. A group's tallies are its cells' merged: every group costs no pass of
 * its own, and figures do not depend on how people were split (tallies are exact counts).
 */
function cellTallies(rows: Int16Array, cellIndex: Int32Array, cells: number, shape: SurveyShape): GroupTallies[] {
  const { items, dimensions } = shape;
  const width = items.length;
  const counts = Array.from({ length: cells }, () => items.map((i) => new Float64Array(i.points)));
  const out = Array.from({ length: cells }, () => emptyTallies(shape));
  for (let p = 0; p < cellIndex.length; p++) {
    const c = cellIndex[p]!;
    const at = p * width;
    const cellCounts = counts[c]!;
    const t = out[c]!;
    for (let k = 0; k < width; k++) {
      const v = rows[at + k]!;
      if (v === UNANSWERED) continue;
      const point = v - items[k]!.low;
      if (point >= 0 && point < items[k]!.points) cellCounts[k]![point]!++;
      else addToTally(t.items[k]!, v);
    }
    for (let d = 0; d < dimensions.length; d++) {
      let sum = 0;
      let count = 0;
      for (const k of dimensions[d]!) {
        const v = rows[at + k]!;
        if (v === UNANSWERED) continue;
        sum += v;
        count++;
      }
      if (count > 0) addToTally(t.dimensionMeans[d]!, sum / count);
      if (count > 0 && count < dimensions[d]!.length) t.partial[d]!++;
    }
  }
  counts.forEach((cellCounts, c) => {
    cellCounts.forEach((points, k) => {
      points.forEach((n, point) => {
        if (n > 0) addToTally(out[c]!.items[k]!, items[k]!.low + point, n);
      });
    });
  });
  return out;
}

/** The tallies of a group made of some cells: each tally merged (exact counts, so in any order). */
function mergeTallies(parts: readonly GroupTallies[], shape: SurveyShape): GroupTallies {
  if (parts.length === 1) return parts[0]!;
  return {
    items: shape.items.map((_, k) => mergedTallies(parts.map((t) => t.items[k]!))),
    dimensionMeans: shape.dimensions.map((_, d) => mergedTallies(parts.map((t) => t.dimensionMeans[d]!))),
    partial: shape.dimensions.map((_, d) => parts.reduce((n, t) => n + t.partial[d]!, 0)),
  };
}

/** A group's figures from their parts: the one shape of GroupStats, for items and dimensions alike. */
function groupStats(n: number, center: { mean: Stat; sd: Stat }, shares: LikertSummary, answered: number, rwgStat: Stat, adiStat: Stat): GroupStats {
  const ci = wilsonInterval(shares.favourableCount, answered);
  return {
    n,
    ...stat('mean', center.mean),
    ...stat('sd', center.sd),
    ...stat('favourable', shares.favourable),
    favourableCI: ci.value,
    ...(ci.value === null ? { favourableCIReason: ci.reason } : {}),
    ...stat('neutral', shares.neutral),
    ...stat('unfavourable', shares.unfavourable),
    ...stat('rwg', rwgStat),
    ...stat('adi', adiStat),
  };
}

/** One item's figures for one group, from the tally of its answers. */
function itemGroup(item: Item, answers: Tally): GroupStats {
  const s = likertSummary(answers, { low: item.low, points: item.points });
  return groupStats(s.n, s, s, s.n, rwg(answers, item.points), adi(answers));
}

/**
 * A dimension's figures for one group: the favourable share pools the items'
 * answers; the mean and SD are over respondents' item means; agreement is
 * r_wg(j) and the mean of the items' AD_M (Burke and Dunlap's AD_M(J)).
 */
function dimensionGroup(items: readonly Item[], answers: readonly Tally[], means: Tally): GroupStats {
  const sameScale = items.every((i) => i.points === items[0]!.points && i.low === items[0]!.low);
  const differ = 'the items are on different scales, so their answers do not pool';
  if (!sameScale) {
    return {
      n: tallyN(means),
      mean: null,
      meanReason: differ,
      sd: null,
      sdReason: differ,
      favourable: null,
      favourableReason: differ,
      favourableCI: null,
      favourableCIReason: differ,
      neutral: null,
      neutralReason: differ,
      unfavourable: null,
      unfavourableReason: differ,
      rwg: null,
      rwgReason: differ,
      adi: null,
      adiReason: differ,
    };
  }
  const scale = { low: items[0]!.low, points: items[0]!.points };
  const pooled = mergedTallies(answers);
  const adis = answers.map((a) => adi(a).value).filter((v): v is number => v !== null);
  return groupStats(
    tallyN(means),
    meanAndSd(means),
    likertSummary(pooled, scale),
    tallyN(pooled),
    rwgJ(answers, scale.points),
    adis.length === 0 ? na('fewer than two answers to every item: agreement needs two') : ok(adis.reduce((a, b) => a + b, 0) / adis.length),
  );
}

export function buildSurvey(input: Dataset, options: SurveyOptions): SurveyResult | null {
  if (input.items.length === 0) return null;
  // Dimensions: align.yml's when it names any; else the question bank's for the items it recognises
  // (the others stand alone). A dimension's level is the bank's when all its items share one.
  const levelOf = new Map<string, string | null>();
  const items = input.items.map((item) => {
    const bank = bankItemOf(item);
    const dimension = options.configDimensions ? item.dimension : (bank?.dimension ?? null);
    // align.yml levels first, then the question bank
    const level = item.level ?? bank?.level ?? null;
    if (dimension !== null) {
      levelOf.set(dimension, levelOf.has(dimension) && levelOf.get(dimension) !== level ? null : level);
    }
    return { ...item, dimension, level, bankId: bank?.id ?? null };
  });
  const dataset: Dataset = { ...input, items };
  const { minGroup } = options;
  const commentMinGroup = Math.max(minGroup, options.commentMinGroup ?? DEFAULT_COMMENT_MIN_GROUP);
  const { people, leaders, departments, levels, overallShown, leadersShown } = options.population;
  const shownDepartments = shownGroups(departments);
  const dimensionNames = [...new Set(items.map((i) => i.dimension).filter((d): d is string => d !== null))];
  const shape: SurveyShape = {
    items,
    dimensions: dimensionNames.map((name) => items.flatMap((i, k) => (i.dimension === name ? [k] : []))),
  };
  // each cell's tallies once, from each respondent's scored row; a group's are its cells' merged
  const rows = scoredRows(people, items);
  const { cells, cellIndex } = options.population;
  const perCell = cellTallies(rows, cellIndex, cells.length, shape);
  const all = cells.map((_, c) => c);
  const cellsOf = (test: (c: number) => boolean) => all.filter(test);
  const groupCells = new Map<string, number[]>([
    ['everyone', all],
    ['leaders', cellsOf((c) => cells[c]!.leader)],
    ['others', cellsOf((c) => !cells[c]!.leader)],
  ]);
  // each group's cells in one pass over the cells (a pass per group is groups x cells: 400 departments
  // by 400 levels made 63,000 cells and seconds of work)
  for (const name of departments.groups.keys()) groupCells.set(`d:${name}`, []);
  for (const name of levels.groups.keys()) groupCells.set(`l:${name}`, []);
  cells.forEach((cell, c) => {
    if (cell.department !== null) groupCells.get(`d:${cell.department}`)?.push(c);
    if (cell.level !== null) groupCells.get(`l:${cell.level}`)?.push(c);
  });
  const cache = new Map<string, GroupTallies>();
  /** A group's tallies: 'everyone', 'leaders', 'others', `d:${department}` or `l:${level}`. */
  const tallies = (group: string): GroupTallies => {
    let t = cache.get(group);
    if (!t) {
      t = mergeTallies(
        groupCells.get(group)!.map((c) => perCell[c]!),
        shape,
      );
      cache.set(group, t);
    }
    return t;
  };

  // Members decide which groups a split shows; a figure is of the people who answered. Per item (and
  // per dimension), a group shown whose answerers number 1 to minGroup - 1 is hidden for that figure,
  // and so is the next-smallest while the answerers outside the groups shown could be told (everyone's
  // answers less the groups shown, and less the leaders' when the gap shows them).
  // The people who answered a figure are split again as a population of their own (groups.ts decides
  // it from their head-counts per cell, as it decides ownership's and recall's): a figure shows for a
  // group only where both the members' population and the answerers' show it. `counts` are head-counts
  // per cell that must be 0 or at least the threshold per group shown and outside the groups shown (the
  // answerers, and a dimension's partial answerers, whose items' figures and the dimension's differ by them).
  const answered = (counts: ReadonlyArray<readonly number[]>) => {
    const answerers = counts[0]!;
    const own = answerers.every((n, c) => n === cells[c]!.weight) ? null : options.population.decideFor(answerers);
    const sum = (count: readonly number[], group: string) => groupCells.get(group)!.reduce((n, c) => n + count[c]!, 0);
    const totals = counts.map((count) => sum(count, 'everyone'));
    const gap =
      leadersShown &&
      (own === null || own.leadersShown) &&
      counts.every((count) => {
        const lead = sum(count, 'leaders');
        const rest = sum(count, 'others');
        return (lead === 0 || lead >= minGroup) && (rest === 0 || rest >= minGroup);
      });
    const hiddenIn = (split: Split, prefix: string, ownHidden: ReadonlySet<string> | undefined, fixed: (count: readonly number[]) => number): Set<string> => {
      const hidden = new Set([...split.hidden, ...(ownHidden ?? [])]);
      counts.forEach((count, c) => {
        const sizes = new Map<string, number>();
        for (const name of split.groups.keys()) if (!hidden.has(name)) sizes.set(name, sum(count, prefix + name));
        for (const name of suppressGroups(sizes, fixed(count), totals[c]!, minGroup, true).hidden) hidden.add(name);
      });
      return hidden;
    };
    return {
      overall: overallShown && (own === null || own.overallShown) && totals.every((n) => n === 0 || n >= minGroup),
      gap,
      departments: hiddenIn(departments, 'd:', own?.departments.hidden, (count) => (gap ? sum(count, 'leaders') : 0)),
      levels: hiddenIn(levels, 'l:', own?.levels.hidden, () => 0),
    };
  };
  const itemShown = items.map((_, k) => answered([perCell.map((t) => tallyN(t.items[k]!))]));

  const itemResults: ItemResult[] = items.map((item, k) => {
    const shownHere = shownDepartments.filter(([name]) => !itemShown[k]!.departments.has(name));
    const icc = icc1(shownHere.map(([name]) => tallies(`d:${name}`).items[k]!));
    return {
      id: item.id,
      text: item.text,
      dimension: item.dimension,
      level: item.level,
      bankId: item.bankId,
      points: item.points,
      low: item.low,
      reverse: item.reverse,
      overall: itemShown[k]!.overall ? itemGroup(item, tallies('everyone').items[k]!) : { suppressed: true },
      byDepartment: byGroup(departments, (_, name) => itemGroup(item, tallies(`d:${name}`).items[k]!), itemShown[k]!.departments),
      byLevel: byGroup(levels, (_, name) => itemGroup(item, tallies(`l:${name}`).items[k]!), itemShown[k]!.levels),
      ...stat('icc1', shownHere.length < 2 ? { value: null, reason: 'fewer than two departments shown' } : icc.icc1),
      anova: shownHere.length < 2 ? null : icc.anova,
      ...(shownHere.length < 2 ? { anovaReason: 'fewer than two departments shown' } : icc.anova === null ? { anovaReason: icc.anovaReason ?? 'n/a' } : {}),
    };
  });

  const dimensionOf = (name: string, group: string): GroupStats => {
    const d = dimensionNames.indexOf(name);
    const t = tallies(group);
    return dimensionGroup(
      shape.dimensions[d]!.map((k) => items[k]!),
      shape.dimensions[d]!.map((k) => t.items[k]!),
      t.dimensionMeans[d]!,
    );
  };
  const dimensionShown = dimensionNames.map((_, d) => answered([perCell.map((t) => tallyN(t.dimensionMeans[d]!)), perCell.map((t) => t.partial[d]!)]));
  const dimensions: DimensionResult[] = dimensionNames.map((name, d) => {
    const members = dataset.items.filter((i) => i.dimension === name);
    const overall = dimensionShown[d]!.overall ? dimensionOf(name, 'everyone') : ({ suppressed: true } as const);
    // from the scored rows the tallies were read from, not the answers read again
    return {
      name,
      level: levelOf.get(name) ?? null,
      items: members.map((i) => i.id),
      ...stat('alpha', overallShown ? dimensionAlpha(rows, items.length, shape.dimensions[d]!) : { value: null, reason: `fewer than ${minGroup} respondents` }),
      overall,
      byDepartment: byGroup(departments, (_, g) => dimensionOf(name, `d:${g}`), dimensionShown[d]!.departments),
      byLevel: byGroup(levels, (_, g) => dimensionOf(name, `l:${g}`), dimensionShown[d]!.levels),
      rwgj: 'suppressed' in overall ? null : overall.rwg,
      ...('suppressed' in overall
        ? { rwgjReason: `fewer than ${minGroup} respondents` }
        : overall.rwg === null
          ? { rwgjReason: overall.rwgReason ?? 'n/a' }
          : {}),
    };
  });

  // Leaders against everyone else: shown only when groups.ts decided the leaders' figures may be
  // (both sides at least the threshold, and neither side, taken from a set shown, leaves a small group).
  const gapOf = <K extends 'item' | 'dimension'>(key: K, name: string, shown: boolean, lead: GroupStats, rest: GroupStats): GapEntry => {
    if (!shown) return { [key]: name, suppressed: true } as GapEntry;
    if (lead.favourable === null || rest.favourable === null) {
      return {
        [key]: name,
        leaders: lead.favourable,
        others: rest.favourable,
        gapPoints: null,
        gapPointsReason: 'no answers from one of the two groups',
        flagged: false,
      } as GapEntry;
    }
    const points = gapInPoints(lead.favourable, rest.favourable);
    return { [key]: name, leaders: lead.favourable, others: rest.favourable, gapPoints: points, flagged: points >= GAP_FLAG_POINTS } as GapEntry;
  };
  const gaps: GapEntry[] = [
    ...items.map((item, k) =>
      gapOf('item', item.id, itemShown[k]!.gap, itemGroup(item, tallies('leaders').items[k]!), itemGroup(item, tallies('others').items[k]!)),
    ),
    ...dimensionNames.map((name, d) => gapOf('dimension', name, dimensionShown[d]!.gap, dimensionOf(name, 'leaders'), dimensionOf(name, 'others'))),
  ];

  // Comments: pooled from the people whose group is shown (the non-leaders of the departments shown;
  // everyone when the input has no departments to split by), only when that pool is at least the
  // comment threshold; a member of a hidden group is never quoted. Sorted so that their order says
  // nothing about who wrote them.
  const comments: CommentGroup[] = [];
  const quotable = departments.groups.size === 0 ? [people] : shownDepartments.map(([, group]) => group);
  if (quotable.reduce((n, group) => n + group.length, 0) >= commentMinGroup) {
    const questions = new Map<string, string[]>();
    for (const group of quotable) {
      for (const r of group) {
        if (r.comments === undefined) continue;
        for (const [q, text] of Object.entries(r.comments)) pushTo(questions, q, text);
      }
    }
    for (const [question, texts] of questions)
      comments.push({ group: departments.groups.size === 0 ? 'everyone' : 'departments shown', question, texts: texts.sort(compareCodePoints) });
  }

  return {
    respondents: people.length,
    leaders: leaders.length,
    minGroup,
    commentMinGroup,
    gapFlagPoints: GAP_FLAG_POINTS,
    departmentsRemainder: departments.remainder,
    levelsRemainder: levels.remainder,
    items: itemResults,
    dimensions,
    gaps,
    comments,
  };
}
