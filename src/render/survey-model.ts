/**
 * The survey sections of a report, arranged for reading: tables of cells
 * already formatted through format.ts (the one number formatter), and the
 * sentences "At a glance" takes from the survey. Markdown (and HTML later)
 * render this same value; they compute nothing.
 */

import { clarityByDepartment, largestGapFirst } from '../audit/survey-findings.js';
import type { AuditResult, GapEntry, GroupStats, MaybeSuppressed, SurveyResult } from '../audit/types.js';
import { fmtGap, fmtNA, fmtNumber, fmtPercent, fmtSuppressed } from '../format.js';
import { auditText, msg, num, pct, raw, t } from '../i18n/index.js';
import type { TableModel } from './report-model.js';

export interface SurveyModel {
  respondents: number;
  items: number;
  minGroup: number;
  commentMinGroup: number;
  gapFlagPoints: number;
  /** Dimensions: favourable, mean, agreement and alpha (null when the survey has none). */
  dimensions: TableModel | null;
  /** Every item for everyone. */
  overall: TableModel;
  /** Favourable share per item and department (the department's non-leaders), with agreement. */
  byDepartment: TableModel | null;
  /** Favourable share per item and level. */
  byLevel: TableModel | null;
  /** Leaders against everyone else; null when suppressed (fewer leaders than the threshold). */
  gaps: TableModel | null;
  gapsSuppressed: boolean;
  /** ICC(1) and its F test per item, across the departments shown. */
  icc: TableModel | null;
  comments: Array<{ question: string; texts: string[] }>;
  /** Sentences for "At a glance". */
  glance: string[];
}

const isShown = (g: MaybeSuppressed<GroupStats>): g is GroupStats => !('suppressed' in g);

/** A group's favourable share with its agreement: `42% (r_wg 0.71)`; suppressed: `fewer than 5 people (not shown)`. */
function favourableCell(g: MaybeSuppressed<GroupStats> | undefined, minGroup: number): string {
  if (g === undefined) return '';
  if (!isShown(g)) return fmtSuppressed(minGroup);
  if (g.favourable === null) return fmtNA(g.favourableReason);
  return t('survey.cell.favourable', { share: pct(g.favourable), rwg: raw(g.rwg === null ? fmtNA() : fmtNumber(g.rwg)) });
}

function ciText(g: GroupStats): string {
  return g.favourableCI === null ? fmtNA(g.favourableCIReason) : t('survey.ci', { a: pct(g.favourableCI[0]), b: pct(g.favourableCI[1]) });
}

/** Groups named in any item, in the order the audit gives them (code-point order). */
function groupNames(records: ReadonlyArray<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

function itemLabel(survey: SurveyResult, id: string): string {
  const item = survey.items.find((i) => i.id === id);
  if (!item) return id;
  return item.reverse ? t('survey.reverse', { item: item.text }) : item.text;
}

function gapLabel(survey: SurveyResult, g: GapEntry): string {
  return 'item' in g ? itemLabel(survey, g.item) : t('survey.dimensionLabel', { name: dimensionName(g.dimension) });
}

/**
 * A dimension's name in the reader's language when it is one of the question bank's (align's own
 * words, catalogued under audit:); a name align.yml gave stays as written.
 */
export function dimensionName(name: string): string {
  return auditText(name);
}

export function surveyModel(result: AuditResult): SurveyModel | null {
  const survey = result.survey;
  if (!survey) return null;
  const m = survey.minGroup;
  // A dimension of one item repeats that item's figures: the tables show dimensions of two items or more.
  const dimensions = survey.dimensions.filter((d) => d.items.length >= 2);
  const pooled = new Set(dimensions.map((d) => d.name));
  const overall: TableModel = {
    header: ['item', 'answers', 'mean', 'sd', 'favourable', 'ci', 'neutral', 'unfavourable', 'rwg'].map((k) => t(`survey.col.${k}`)),
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: survey.items.map((i) => {
      const label = itemLabel(survey, i.id);
      if (!isShown(i.overall)) return [label, fmtSuppressed(m), '', '', '', '', '', '', ''];
      const g = i.overall;
      return [
        label,
        String(g.n),
        g.mean === null ? fmtNA(g.meanReason) : fmtNumber(g.mean),
        g.sd === null ? fmtNA(g.sdReason) : fmtNumber(g.sd),
        g.favourable === null ? fmtNA(g.favourableReason) : fmtPercent(g.favourable),
        ciText(g),
        g.neutral === null ? fmtNA(g.neutralReason) : fmtPercent(g.neutral),
        g.unfavourable === null ? fmtNA(g.unfavourableReason) : fmtPercent(g.unfavourable),
        g.rwg === null ? fmtNA(g.rwgReason) : fmtNumber(g.rwg),
      ];
    }),
  };
  const dimensionTable: TableModel | null =
    dimensions.length === 0
      ? null
      : {
          header: ['dimension', 'items', 'favourable', 'mean', 'rwgj', 'alpha'].map((k) => t(`survey.col.${k}`)),
          align: ['l', 'r', 'r', 'r', 'r', 'r'],
          rows: dimensions.map((d) => {
            if (!isShown(d.overall)) return [dimensionName(d.name), String(d.items.length), fmtSuppressed(m), '', '', ''];
            const g = d.overall;
            return [
              dimensionName(d.name),
              String(d.items.length),
              g.favourable === null ? fmtNA(g.favourableReason) : fmtPercent(g.favourable),
              g.mean === null ? fmtNA(g.meanReason) : fmtNumber(g.mean),
              d.rwgj === null ? fmtNA(d.rwgjReason) : fmtNumber(d.rwgj),
              d.alpha === null ? fmtNA(d.alphaReason) : fmtNumber(d.alpha),
            ];
          }),
        };
  const split = (key: 'byDepartment' | 'byLevel'): TableModel | null => {
    const names = groupNames([...survey.items.map((i) => i[key]), ...dimensions.map((d) => d[key])]);
    if (names.length === 0) return null;
    return {
      header: [t('survey.col.item'), ...names],
      align: ['l', ...names.map(() => 'r' as const)],
      rows: [
        ...dimensions.map((d) => [t('survey.dimensionLabel', { name: dimensionName(d.name) }), ...names.map((n) => favourableCell(d[key][n], m))]),
        ...survey.items.map((i) => [itemLabel(survey, i.id), ...names.map((n) => favourableCell(i[key][n], m))]),
      ],
    };
  };
  const shownGaps = survey.gaps.filter((g): g is Extract<GapEntry, { flagged: boolean }> => !('suppressed' in g) && ('item' in g || pooled.has(g.dimension)));
  const gaps: TableModel | null =
    shownGaps.length === 0
      ? null
      : {
          header: [...['item', 'leaders', 'others', 'gap'].map((k) => t(`survey.col.${k}`)), ''],
          align: ['l', 'r', 'r', 'r', 'l'],
          rows: [...shownGaps].sort(largestGapFirst(survey.gapFlagPoints)).map((g) => {
            // the gap is the difference of the two shares as the row prints them (fmtGap)
            const shown =
              g.gapPoints !== null && g.leaders !== null && g.others !== null
                ? fmtGap({ leaders: g.leaders, others: g.others, gapPoints: g.gapPoints }, survey.gapFlagPoints)
                : null;
            return [
              gapLabel(survey, g),
              shown ? shown.leaders : fmtPercent(g.leaders),
              shown ? shown.others : fmtPercent(g.others),
              shown ? shown.points : fmtNA(g.gapPointsReason),
              g.flagged ? t('survey.flag', { n: survey.gapFlagPoints }) : '',
            ];
          }),
        };
  const withIcc = survey.items.filter((i) => i.icc1 !== null);
  const icc: TableModel | null =
    withIcc.length === 0
      ? null
      : {
          header: ['item', 'icc', 'F', 'df', 'p'].map((k) => t(`survey.col.${k}`)),
          align: ['l', 'r', 'r', 'r', 'r'],
          rows: withIcc.map((i) => [
            itemLabel(survey, i.id),
            fmtNumber(i.icc1),
            i.anova ? fmtNumber(i.anova.F) : fmtNA(i.anovaReason),
            i.anova ? t('survey.dfPair', { a: String(i.anova.df1), b: String(i.anova.df2) }) : '',
            i.anova ? (i.anova.p < 0.001 ? `< ${fmtNumber(0.001, 3)}` : fmtNumber(i.anova.p, 3)) : '',
          ]),
        };
  return {
    respondents: survey.respondents,
    items: survey.items.length,
    minGroup: m,
    commentMinGroup: survey.commentMinGroup,
    gapFlagPoints: survey.gapFlagPoints,
    dimensions: dimensionTable,
    overall,
    byDepartment: split('byDepartment'),
    byLevel: split('byLevel'),
    gaps,
    gapsSuppressed: survey.gaps.length > 0 && shownGaps.length === 0,
    icc,
    comments: survey.comments.map((c) => ({ question: c.question, texts: c.texts })),
    glance: surveyGlance(survey),
  };
}

/**
 * What "At a glance" says of the survey: the department least clear about the
 * priorities, the largest gap, the least favourable item (and, for a survey
 * without the room's other findings, its size first).
 */
function surveyGlance(survey: SurveyResult): string[] {
  const out: string[] = [];
  const clear = leastClearSentence(survey);
  if (clear) out.push(clear);
  let lowestSentence: string | null = null;
  // only items most people answered: 0% of three answers out of 36 is no headline
  const shown = survey.items.filter(
    (i) => isShown(i.overall) && (i.overall as GroupStats).favourable !== null && (i.overall as GroupStats).n * 2 >= survey.respondents,
  );
  if (shown.length > 0) {
    const lowest = [...shown].sort((a, b) => (a.overall as GroupStats).favourable! - (b.overall as GroupStats).favourable!)[0]!;
    lowestSentence = t('survey.glance.lowest', { item: itemLabel(survey, lowest.id), share: pct((lowest.overall as GroupStats).favourable) });
  }
  // items only: a dimension's gap is its items' pooled, and counting both would count an item twice
  const flagged = survey.gaps.filter((g): g is Extract<GapEntry, { flagged: boolean }> => !('suppressed' in g) && g.flagged && 'item' in g);
  if (flagged.length > 0) {
    const top = [...flagged].sort(largestGapFirst(survey.gapFlagPoints))[0]!;
    const shown = fmtGap({ leaders: top.leaders!, others: top.others!, gapPoints: top.gapPoints! }, survey.gapFlagPoints);
    out.push(
      t('survey.glance.gap', {
        items: msg('survey.glance.items', { n: flagged.length }),
        item: gapLabel(survey, top),
        leaders: raw(shown.leaders),
        others: raw(shown.others),
        points: raw(shown.points),
        alarm: survey.gapFlagPoints,
      }),
    );
  }
  if (lowestSentence) out.push(lowestSentence);
  return out;
}

/** "Clinical's people are the least clear about the priorities (2.31 of 5 on “I can name …”; 0% favourable)." */
function leastClearSentence(survey: SurveyResult): string | null {
  const clarity = clarityByDepartment(survey.items);
  if (!clarity) return null;
  const { item, groups } = clarity;
  const [name, g] = groups[0]!;
  return t('survey.glance.leastClear', {
    name,
    mean: num(g.mean),
    top: item.low + item.points - 1,
    item: itemLabel(survey, item.id),
    none: g.favourable === 0 ? 'yes' : 'no',
    share: pct(g.favourable),
  });
}
