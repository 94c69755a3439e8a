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
 * with fewer members than the threshold is `{suppressed: true}`, and within
 * each split (departments, levels) complementary suppression (suppressGroups)
 * hides the next-smallest group while the hidden remainder could be derived.
 * Members are counted, not answers: an item one member skipped still shows
 * when the group is large enough.
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
import { wilsonInterval } from '../stats/wilson.js';
import { byGroup, type Population, shownGroups } from './groups.js';
import { type BankItem, QUESTION_BANK } from './question-bank.js';
import type { CommentGroup, DimensionResult, GapEntry, GroupStats, ItemResult, SurveyResult } from './types.js';

/** Comments need larger groups than scores (Glint and Dayforce ask 10; DOMAIN.md). */
export const DEFAULT_COMMENT_MIN_GROUP = 10;
/** A perception gap this large is flagged (Gallup: managers' ratings trail leaders' self-ratings by at least 20 points). */
export const GAP_FLAG_POINTS = 20;

export interface SurveyOptions {
  /** The survey's respondents (everyone who answered a Likert item, an ownership or a recall question), split into groups. */
  population: Population;
  minGroup: number;
  commentMinGroup?: number;
  /** True when align.yml has `dimensions`: they decide, and the question bank does not. */
  configDimensions?: boolean;
}

/** The question bank by the key of every wording it lists (case, punctuation and spacing aside). */
const BANK_BY_KEY = new Map(QUESTION_BANK.flatMap((b) => [b.text, ...b.variants].map((t) => [priorityKey(t), b] as const)));

/** The bank item an item's text (or id) is a wording of, if any. */
export function bankItemOf(item: Pick<Item, 'id' | 'text'>): BankItem | undefined {
  return BANK_BY_KEY.get(priorityKey(item.text)) ?? BANK_BY_KEY.get(priorityKey(item.id));
}

/** An answer on the favourable side: reverse-keyed items turned round first. */
function scored(item: Item, value: number): number {
  return item.reverse ? item.low + (item.low + item.points - 1) - value : value;
}

function answersTo(item: Item, people: readonly Respondent[]): number[] {
  const out: number[] = [];
  for (const r of people) {
    const v = r.likert[item.id];
    if (v !== undefined) out.push(scored(item, v));
  }
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

/** One item's figures for one group of people. */
function itemGroup(item: Item, people: readonly Respondent[]): GroupStats {
  const values = answersTo(item, people);
  const s = likertSummary(values, { low: item.low, points: item.points });
  return groupStats(values.length, s, s, values.length, rwg(values, item.points), adi(values));
}

/**
 * A dimension's figures for one group: the favourable share pools the items'
 * answers; the mean and SD are over respondents' item means; agreement is
 * r_wg(j) and the mean of the items' AD_M (Burke and Dunlap's AD_M(J)).
 */
function dimensionGroup(items: readonly Item[], people: readonly Respondent[]): GroupStats {
  const sameScale = items.every((i) => i.points === items[0]!.points && i.low === items[0]!.low);
  const pooled: number[] = [];
  const means: number[] = [];
  for (const r of people) {
    let sum = 0;
    let count = 0;
    for (const item of items) {
      const v = r.likert[item.id];
      if (v === undefined) continue;
      sum += scored(item, v);
      count++;
      pooled.push(scored(item, v));
    }
    if (count > 0) means.push(sum / count);
  }
  const differ = 'the items are on different scales, so their answers do not pool';
  if (!sameScale) {
    return {
      n: means.length,
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
  const adis = items.map((i) => adi(answersTo(i, people)).value).filter((v): v is number => v !== null);
  return groupStats(
    means.length,
    meanAndSd(means),
    likertSummary(pooled, scale),
    pooled.length,
    rwgJ(
      items.map((i) => answersTo(i, people)),
      scale.points,
    ),
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
  const { people, leaders, others, departments, levels, overallShown } = options.population;
  const shownDepartments = shownGroups(departments);

  const itemResults: ItemResult[] = items.map((item) => {
    const icc = icc1(shownDepartments.map(([, group]) => answersTo(item, group)));
    return {
      id: item.id,
      text: item.text,
      dimension: item.dimension,
      level: item.level,
      bankId: item.bankId,
      points: item.points,
      low: item.low,
      reverse: item.reverse,
      overall: overallShown ? itemGroup(item, people) : { suppressed: true },
      byDepartment: byGroup(departments, (g) => itemGroup(item, g)),
      byLevel: byGroup(levels, (g) => itemGroup(item, g)),
      ...stat('icc1', shownDepartments.length < 2 ? { value: null, reason: 'fewer than two departments shown' } : icc.icc1),
      anova: shownDepartments.length < 2 ? null : icc.anova,
      ...(shownDepartments.length < 2
        ? { anovaReason: 'fewer than two departments shown' }
        : icc.anova === null
          ? { anovaReason: icc.anovaReason ?? 'n/a' }
          : {}),
    };
  });

  const dimensionNames = [...new Set(dataset.items.map((i) => i.dimension).filter((d): d is string => d !== null))];
  const dimensions: DimensionResult[] = dimensionNames.map((name) => {
    const members = dataset.items.filter((i) => i.dimension === name);
    const overall = overallShown ? dimensionGroup(members, people) : ({ suppressed: true } as const);
    const rows = people.map((r) => members.map((i) => (r.likert[i.id] === undefined ? null : scored(i, r.likert[i.id]!))));
    return {
      name,
      level: levelOf.get(name) ?? null,
      items: members.map((i) => i.id),
      ...stat('alpha', overallShown ? cronbachAlpha(rows) : { value: null, reason: `fewer than ${minGroup} respondents` }),
      overall,
      byDepartment: byGroup(departments, (g) => dimensionGroup(members, g)),
      byLevel: byGroup(levels, (g) => dimensionGroup(members, g)),
      rwgj: 'suppressed' in overall ? null : overall.rwg,
      ...('suppressed' in overall
        ? { rwgjReason: `fewer than ${minGroup} respondents` }
        : overall.rwg === null
          ? { rwgjReason: overall.rwgReason ?? 'n/a' }
          : {}),
    };
  });

  // Leaders against everyone else: with fewer leaders (or others) than the threshold the difference
  // would reveal the small group's own figure, so the entry is suppressed.
  const gapShown = leaders.length >= minGroup && others.length >= minGroup;
  const gapOf = <K extends 'item' | 'dimension'>(key: K, name: string, lead: GroupStats, rest: GroupStats): GapEntry => {
    if (!gapShown) return { [key]: name, suppressed: true } as GapEntry;
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
    ...dataset.items.map((item) => gapOf('item', item.id, itemGroup(item, leaders), itemGroup(item, others))),
    ...dimensionNames.map((name) => {
      const members = dataset.items.filter((i) => i.dimension === name);
      return gapOf('dimension', name, dimensionGroup(members, leaders), dimensionGroup(members, others));
    }),
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
