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

import { priorityKey } from '../ingest/priority-key.js';
import type { Dataset, Item, Respondent } from '../ingest/types.js';
import { adi } from '../stats/adi.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { cronbachAlpha } from '../stats/cronbach-alpha.js';
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

export interface SurveyOptions {
  /** The survey's respondents (everyone who answered a Likert item, an ownership or a recall question), split into groups. */
  population: Population;
  /** Splits any of them into groups as `population` was (audit.ts): an item's or a dimension's answerers are split again. */
  populationFor?: (people: readonly Respondent[]) => Population;
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
  return item.reverse ? item.low + (item.low + item.points - 1) - value : value;
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

/**
 * Every respondent's scored answers, one row of a flat array each, read from
 * their answers once: the groups a respondent belongs to (everyone, their
 * department, their level, leaders or the others) each tally the row.
 */
function scoredRows(people: readonly Respondent[], items: readonly Item[]): (r: Respondent) => Int16Array {
  const width = items.length;
  const rows = new Int16Array(people.length * width).fill(UNANSWERED);
  const at = new Map<Respondent, number>();
  people.forEach((r, p) => {
    at.set(r, p);
    for (let k = 0; k < width; k++) {
      const raw = r.likert[items[k]!.id];
      if (raw !== undefined) rows[p * width + k] = scored(items[k]!, raw);
    }
  });
  const none = new Int16Array(width).fill(UNANSWERED);
  return (r) => {
    const p = at.get(r);
    return p === undefined ? none : rows.subarray(p * width, (p + 1) * width);
  };
}

/**
 * A group's tallies from its members' scored rows: an item's answers are
 * counted by scale point (a Likert answer is one of a few whole numbers), then
 * handed over as a tally; an answer off the item's scale is tallied as it is,
 * for likertSummary to refuse.
 */
function talliesOf(people: readonly Respondent[], shape: SurveyShape, rowOf: (r: Respondent) => Int16Array): GroupTallies {
  const { items, dimensions } = shape;
  const counts = items.map((i) => new Float64Array(i.points));
  const out = emptyTallies(shape);
  for (const r of people) {
    const row = rowOf(r);
    for (let k = 0; k < row.length; k++) {
      const v = row[k]!;
      if (v === UNANSWERED) continue;
      const point = v - items[k]!.low;
      if (point >= 0 && point < items[k]!.points) counts[k]![point]!++;
      else addToTally(out.items[k]!, v);
    }
    for (let d = 0; d < dimensions.length; d++) {
      let sum = 0;
      let count = 0;
      for (const k of dimensions[d]!) {
        const v = row[k]!;
        if (v === UNANSWERED) continue;
        sum += v;
        count++;
      }
      if (count > 0) addToTally(out.dimensionMeans[d]!, sum / count);
      if (count > 0 && count < dimensions[d]!.length) out.partial[d]!++;
    }
  }
  counts.forEach((c, k) => {
    c.forEach((n, point) => {
      if (n > 0) addToTally(out.items[k]!, items[k]!.low + point, n);
    });
  });
  return out;
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
  const { people, leaders, others, departments, levels, overallShown, leadersShown } = options.population;
  const shownDepartments = shownGroups(departments);
  const dimensionNames = [...new Set(items.map((i) => i.dimension).filter((d): d is string => d !== null))];
  const shape: SurveyShape = {
    items,
    dimensions: dimensionNames.map((name) => items.flatMap((i, k) => (i.dimension === name ? [k] : []))),
  };
  // each group's tallies once, whichever figures read them, from each respondent's scored row
  const rowOf = scoredRows(people, items);
  const cache = new Map<readonly Respondent[], GroupTallies>();
  const tallies = (group: readonly Respondent[]): GroupTallies => {
    let t = cache.get(group);
    if (!t) {
      t = talliesOf(group, shape, rowOf);
      cache.set(group, t);
    }
    return t;
  };

  // Members decide which groups a split shows; a figure is of the people who answered. Per item (and
  // per dimension), a group shown whose answerers number 1 to minGroup - 1 is hidden for that figure,
  // and so is the next-smallest while the answerers outside the groups shown could be told (everyone's
  // answers less the groups shown, and less the leaders' when the gap shows them).
  // The people who answered a figure are split again as its own population (groups.ts, which also
  // protects across the two splits, as ownership and recall are): a figure shows for a group only where
  // both the members' population and the answerers' show it. `counts` are further head-counts that must
  // be 0 or at least the threshold per group shown and outside the groups shown (a dimension's partial
  // answerers, whose items' figures and the dimension's differ by them).
  const answered = (answers: (r: Respondent) => boolean, counts: ReadonlyArray<(g: readonly Respondent[]) => number>) => {
    const answerers = people.filter(answers);
    const own = answerers.length === people.length || !options.populationFor ? null : options.populationFor(answerers);
    const all = counts.map((count) => count(people));
    const gap =
      leadersShown &&
      (own === null || own.leadersShown) &&
      counts.every((count) => {
        const lead = count(leaders);
        const rest = count(others);
        return (lead === 0 || lead >= minGroup) && (rest === 0 || rest >= minGroup);
      });
    const hiddenIn = (split: Split, ownSplit: Split | undefined, fixed: (count: (g: readonly Respondent[]) => number) => number): Set<string> => {
      const hidden = new Set([...split.hidden, ...(ownSplit?.hidden ?? [])]);
      counts.forEach((count, c) => {
        const sizes = new Map<string, number>();
        for (const [name, g] of split.groups) if (!hidden.has(name)) sizes.set(name, count(g));
        for (const name of suppressGroups(sizes, fixed(count), all[c]!, minGroup, true).hidden) hidden.add(name);
      });
      return hidden;
    };
    return {
      overall: overallShown && (own === null || own.overallShown) && all.every((n) => n === 0 || n >= minGroup),
      gap,
      departments: hiddenIn(departments, own?.departments, (count) => (gap ? count(leaders) : 0)),
      levels: hiddenIn(levels, own?.levels, () => 0),
    };
  };
  const itemShown = items.map((_, k) => answered((r) => rowOf(r)[k] !== UNANSWERED, [(g) => tallyN(tallies(g).items[k]!)]));

  const itemResults: ItemResult[] = items.map((item, k) => {
    const shownHere = shownDepartments.filter(([name]) => !itemShown[k]!.departments.has(name));
    const icc = icc1(shownHere.map(([, group]) => tallies(group).items[k]!));
    return {
      id: item.id,
      text: item.text,
      dimension: item.dimension,
      level: item.level,
      bankId: item.bankId,
      points: item.points,
      low: item.low,
      reverse: item.reverse,
      overall: itemShown[k]!.overall ? itemGroup(item, tallies(people).items[k]!) : { suppressed: true },
      byDepartment: byGroup(departments, (g) => itemGroup(item, tallies(g).items[k]!), itemShown[k]!.departments),
      byLevel: byGroup(levels, (g) => itemGroup(item, tallies(g).items[k]!), itemShown[k]!.levels),
      ...stat('icc1', shownHere.length < 2 ? { value: null, reason: 'fewer than two departments shown' } : icc.icc1),
      anova: shownHere.length < 2 ? null : icc.anova,
      ...(shownHere.length < 2 ? { anovaReason: 'fewer than two departments shown' } : icc.anova === null ? { anovaReason: icc.anovaReason ?? 'n/a' } : {}),
    };
  });

  const dimensionOf = (name: string, group: readonly Respondent[]): GroupStats => {
    const d = dimensionNames.indexOf(name);
    const t = tallies(group);
    return dimensionGroup(
      shape.dimensions[d]!.map((k) => items[k]!),
      shape.dimensions[d]!.map((k) => t.items[k]!),
      t.dimensionMeans[d]!,
    );
  };
  const dimensionShown = dimensionNames.map((_, d) =>
    answered(
      (r) => shape.dimensions[d]!.some((k) => rowOf(r)[k] !== UNANSWERED),
      [(g) => tallyN(tallies(g).dimensionMeans[d]!), (g) => tallies(g).partial[d]!],
    ),
  );
  const dimensions: DimensionResult[] = dimensionNames.map((name, d) => {
    const members = dataset.items.filter((i) => i.dimension === name);
    const overall = dimensionShown[d]!.overall ? dimensionOf(name, people) : ({ suppressed: true } as const);
    // the scored rows the tallies were read from, not the answers read again
    const rows = people.map((r) => {
      const row = rowOf(r);
      return shape.dimensions[d]!.map((k) => (row[k] === UNANSWERED ? null : row[k]!));
    });
    return {
      name,
      level: levelOf.get(name) ?? null,
      items: members.map((i) => i.id),
      ...stat('alpha', overallShown ? cronbachAlpha(rows) : { value: null, reason: `fewer than ${minGroup} respondents` }),
      overall,
      byDepartment: byGroup(departments, (g) => dimensionOf(name, g), dimensionShown[d]!.departments),
      byLevel: byGroup(levels, (g) => dimensionOf(name, g), dimensionShown[d]!.levels),
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
    const points = (lead.favourable - rest.favourable) * 100;
    return { [key]: name, leaders: lead.favourable, others: rest.favourable, gapPoints: points, flagged: points >= GAP_FLAG_POINTS } as GapEntry;
  };
  const gaps: GapEntry[] = [
    ...items.map((item, k) =>
      gapOf('item', item.id, itemShown[k]!.gap, itemGroup(item, tallies(leaders).items[k]!), itemGroup(item, tallies(others).items[k]!)),
    ),
    ...dimensionNames.map((name, d) => gapOf('dimension', name, dimensionShown[d]!.gap, dimensionOf(name, leaders), dimensionOf(name, others))),
  ];

  // Comments: pooled from the people whose group is shown (the non-leaders of the departments shown;
  // everyone when the input has no departments to split by), only when that pool is at least the
  // comment threshold; a member of a hidden group is never quoted. Sorted so that their order says
  // nothing about who wrote them.
  const comments: CommentGroup[] = [];
  const quotable = departments.groups.size === 0 ? people : shownDepartments.flatMap(([, group]) => group);
  if (quotable.length >= commentMinGroup) {
    const questions = new Map<string, string[]>();
    for (const r of quotable) for (const [q, text] of Object.entries(r.comments ?? {})) questions.set(q, [...(questions.get(q) ?? []), text]);
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
