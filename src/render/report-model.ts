/**
 * The value a report template renders: AuditResult plus view values arranged
 * for reading (sorted lists, tables as rows of cells, the "At a glance"
 * sentences). Shared by the Markdown renderer and, later, HTML. Templates only
 * show what this holds; numbers are formatted by the template helpers, which
 * call format.ts, or here through format.ts for text already in sentences.
 */
import type { AuditResult, Finding } from '../audit/types.js';
import { DELIMITER_NAMES, delimiterName } from '../defaults.js';
import { fmtDate, fmtNA, fmtNumber, fmtRho, fmtStat } from '../format.js';
import { msg, t, worded } from '../i18n/index.js';
import {
  type DecisionsModel,
  decisionsModel,
  levelName,
  questionNumbersByLevel,
  type RecallModel,
  type RulesModel,
  recallModel,
  roomGlance,
  rulesModel,
  type ScorecardLevel,
  scorecardModel,
} from './alignment-model.js';
import { LEVEL_RULES } from './level-rules.js';
import type { SinceModel } from './since-model.js';
import { type SurveyModel, surveyModel } from './survey-model.js';
import {
  atAGlance,
  type CascadeView,
  type ClientExclusions,
  type ClientNote,
  cascadeView,
  clientLedger,
  confidentialityLine,
  type DepartmentView,
  type LeaderView,
  lineRefs,
  type MethodsView,
  minGroupOf,
  type PairView,
  type StackView,
  stackView,
} from './view-model.js';

export interface TableModel {
  header: string[];
  /** Column alignment for the Markdown separator row: 'l' or 'r'. */
  align: Array<'l' | 'r'>;
  rows: string[][];
}

/** The media types a logo may have; the CLI decides which from the file's first bytes. */
export type LogoMediaType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

/**
 * What a report says about its engagement beyond the data: the cover's client,
 * facilitator, date and logo. Resolved once at the edge (cli/report-meta.ts:
 * flags over align.yml); every field optional, and nothing is added when a
 * field is not given, so the same input still gives the same report.
 */
export interface ReportMeta {
  client?: string;
  facilitator?: string;
  /** YYYY-MM-DD (checked by isCalendarDate). */
  date?: string;
  /** The logo's bytes as base64, with the media type its content shows. */
  logo?: { mediaType: LogoMediaType; base64: string };
}

/** The cover's branding, ready to show: null for what was not given. */
export interface CoverModel {
  client: string | null;
  facilitator: string | null;
  /** '14 October 2026' */
  date: string | null;
  /** '2026-10-14', for a machine-readable <time datetime>. */
  dateIso: string | null;
  /** A data: URI (never a path or a link) and its alternative text. */
  logo: { src: string; alt: string } | null;
  /** Whether any of the above is given (the cover's details list is left out otherwise). */
  any: boolean;
}

export function coverModel(meta: ReportMeta = {}): CoverModel {
  const client = meta.client ?? null;
  const facilitator = meta.facilitator ?? null;
  const date = meta.date ?? null;
  return {
    client,
    facilitator,
    date: date === null ? null : fmtDate(date),
    dateIso: date,
    logo: meta.logo ? { src: `data:${meta.logo.mediaType};base64,${meta.logo.base64}`, alt: client ? `${client} logo` : 'Logo' } : null,
    any: client !== null || facilitator !== null || date !== null,
  };
}

export interface ReportModel {
  result: AuditResult;
  /** "Since the last audit" (--baseline), or null. */
  since: SinceModel | null;
  title: string;
  /** Client, facilitator, date and logo for the cover (ReportMeta). */
  cover: CoverModel;
  /** 'align 0.1.0' */
  generator: string;
  minGroup: number;
  confidentiality: string;
  /** The three levels of alignment in order, each with its status and evidence; empty when the audit rated none (no scorecard). */
  scorecard: ScorecardLevel[];
  /** One-line description of what the audit covers, e.g. '7 leaders ranked 9 priorities'. */
  scope: string;
  glance: string[];
  stack: StackModel | null;
  /** The survey sections; null when the input has no Likert items. */
  survey: SurveyModel | null;
  stackReason: string;
  /** Cascade rows (suppressed ones carry only the suppression text). */
  cascade: CascadeView[];
  hasOrganisation: boolean;
  /**
   * Strategy recall against the official list; null without one, and then the
   * report says nothing of recall: the audit's recallReason speaks to whoever
   * writes align.yml ("no official list in align.yml"), not to the client.
   */
  recall: RecallModel | null;
  /** Who owns each decision; null when no ownership question was asked (the section is left out). */
  decisions: DecisionsModel | null;
  findings: Finding[];
  /** The findings grouped for the room: facts, then interpretation, then decision; numbered across groups. */
  questions: QuestionGroup[];
  method: MethodModel;
  data: DataModel;
}

export interface QuestionGroup {
  layer: Finding['layer'];
  heading: string;
  /** Each finding numbered across groups, with its level of alignment in words ('Strategic'). */
  findings: Array<Finding & { number: number; levelName: string }>;
}

const LAYERS: ReadonlyArray<{ layer: Finding['layer']; heading: string }> = [
  { layer: 'facts', heading: 'questions.facts' },
  { layer: 'interpretation', heading: 'questions.interpretation' },
  { layer: 'decision', heading: 'questions.decision' },
];

/**
 * Findings in the facilitation order of DOMAIN.md (facts, interpretation,
 * decision), keeping the audit's order (most severe first) within each layer.
 * A finding without a known layer goes with the facts.
 */
export function questionGroups(findings: readonly Finding[]): QuestionGroup[] {
  const known = new Set(LAYERS.map((l) => l.layer));
  let number = 0;
  return LAYERS.map(({ layer, heading }) => ({
    layer,
    heading: t(heading),
    findings: findings
      .filter((f) => f.layer === layer || (layer === 'facts' && !known.has(f.layer)))
      .map((f) => ({
        ...worded(f),
        // a severity the audit knows, in the reader's words ('high'); another as written
        severity: (['high', 'medium', 'low', 'info'].includes(f.severity) ? t(`severity.${f.severity}`) : f.severity) as Finding['severity'],
        number: 0,
        levelName: levelName(f.level),
      })),
  }))
    .filter((g) => g.findings.length > 0)
    .map((g) => ({ ...g, findings: g.findings.map((f) => ({ ...f, number: ++number })) }));
}

export interface StackModel {
  view: StackView;
  leaderCount: number;
  n: number;
  concordance: StackView['stack']['concordance'];
  couldBeChance: boolean;
  consensus: StackView['consensus'];
  /** Each leader's stack side by side: Priority, Consensus position, one column per leader. */
  /** Each leader's stack side by side; null for more leaders than a table can show. */
  sideBySide: TableModel | null;
  anyUnranked: boolean;
  divergence: LeaderView[];
  /** Leaders × leaders Spearman matrix, short labels; legend maps labels to names. Null for too many leaders. */
  matrix: TableModel | null;
  /** Leaders left out of the divergence list (a team too large for pairwise tables shows the most divergent). */
  divergenceOmitted: number;
  /** Why the pairs are left out (more leaders than a pairwise list can show), or null. */
  pairsReason: string | null;
  legend: Array<{ label: string; name: string }>;
  pairs: PairView[];
  contested: StackView['contested'];
  unanimous: StackView['unanimous'];
  methods: MethodsView;
  departments: DepartmentView[];
  /** Departments' own mean ranks beside the leaders': rows = priorities in consensus order. */
  departmentStacks: TableModel | null;
  suppressedDepartments: string[];
}

export interface MethodModel {
  rboP: number | null;
  permutations: number | null;
  seed: number | null;
  bandSource: string;
  minGroup: number;
  kemenyNote: string | null;
  /** The cut table and the rules of the levels, ownership and recall (LEVEL_RULES); shown only for what the report holds. */
  rules: RulesModel;
  showLevelRules: boolean;
  showOwnershipRules: boolean;
  /** How many official priorities an answer must hold, when recall was measured. */
  recallNeeded: number | null;
}

export interface DataModel {
  files: Array<{ path: string; format: string; encoding: string; bom: string; delimiter: string; rows: number }>;
  respondents: number;
  /** Excluded rows summarised by file and reason: every row counted, at most five line references ('3-552, 560, …'). */
  excluded: ExcludedGroup[];
  /** Notes as a client may read them: `line` null for a count of members of hidden groups. */
  notes: ClientNote[];
}

export interface ExcludedGroup {
  file: string;
  lines: string;
  count: number;
  reason: string;
}

/**
 * The ledger's excluded rows as the report shows them (issue 13): one row per
 * file and reason, in first-seen order, with the count and at most five line
 * references (lineRefs); the JSON keeps every row. Hidden members' rows
 * (clientLedger: a count per file and kind, no lines) come after the rest,
 * never counted into a shown reason.
 */
export function summariseExcluded(excluded: readonly ClientExclusions[]): ExcludedGroup[] {
  return [
    ...excluded.flatMap((g) => (g.lines === null ? [] : [{ file: g.file, reason: g.reason, lines: lineRefs(g.lines), count: g.count }])),
    ...excluded.flatMap((g) => (g.lines === null ? [{ file: g.file, reason: g.reason, lines: '', count: g.count }] : [])),
  ];
}

export { delimiterName };

/** For a team too large for pairwise tables, the divergence list shows the most divergent only. */
const MOST_DIVERGENT_SHOWN = 10;

function stackModel(result: AuditResult): StackModel | null {
  if (!result.stack) return null;
  const v = stackView(result.stack);
  // A large "team" (a file without a role column) makes tables of one column per leader unreadable
  // and, at thousands of leaders, larger than memory: above the pairwise limit they are left out.
  const tooMany = result.stack.pairsReason !== undefined;
  const sideBySide: TableModel | null = tooMany
    ? null
    : {
        header: [t('table.priority'), t('table.consensus'), ...v.leaders.map((l) => l.name)],
        align: ['l', 'r', ...v.leaders.map(() => 'r' as const)],
        rows: v.rows.map((r) => [r.priority, String(r.position), ...r.cells.map((c) => (c.unranked ? `(${c.text})` : c.text))]),
      };
  const matrix: TableModel | null = tooMany
    ? null
    : {
        header: ['', ...v.leaders.map((l) => l.label)],
        align: ['l', ...v.leaders.map(() => 'r' as const)],
        rows: v.matrix.map((row, i) => [v.leaders[i]?.label ?? '', ...row.map((m) => (m.self ? '—' : fmtStat(m.value, m.reason, fmtRho)))]),
      };
  const shown = v.shownDepartments;
  // Cell: the priority's place in the group's own Borda order, its mean rank in brackets.
  const placeAndMean = (place: number | undefined, mean: number | undefined): string => {
    const m = typeof mean === 'number' ? fmtNumber(mean, 1) : fmtNA();
    return place === undefined ? m : `${place} (${m})`;
  };
  const departmentStacks: TableModel | null =
    shown.length === 0
      ? null
      : {
          header: [t('table.priority'), t('table.leaders'), ...shown.map((d) => d.department)],
          align: ['l', 'r', ...shown.map(() => 'r' as const)],
          rows: v.rows.map((r) => [
            r.priority,
            placeAndMean(r.position, r.meanRank),
            ...shown.map((d) => {
              const at = d.consensusOrder?.indexOf(r.priority) ?? -1;
              return placeAndMean(at >= 0 ? at + 1 : undefined, d.meanRanks[r.priority]);
            }),
          ]),
        };
  return {
    view: v,
    leaderCount: v.leaderCount,
    n: v.n,
    concordance: v.stack.concordance,
    couldBeChance: v.couldBeChance,
    consensus: v.consensus,
    sideBySide,
    anyUnranked: v.anyUnranked,
    divergence: tooMany ? v.byDivergence.slice(0, MOST_DIVERGENT_SHOWN) : v.byDivergence,
    divergenceOmitted: tooMany ? Math.max(0, v.byDivergence.length - MOST_DIVERGENT_SHOWN) : 0,
    matrix,
    // in the reader's language when the audit worded it from a message (worded)
    pairsReason: worded(result.stack).pairsReason ?? null,
    legend: tooMany ? [] : v.leaders.map((l) => ({ label: l.label, name: l.name })),
    pairs: v.pairsByAgreement,
    contested: v.contested,
    unanimous: v.unanimous,
    methods: v.methods,
    departments: v.departments,
    departmentStacks,
    suppressedDepartments: v.departments.filter((d) => d.suppressed).map((d) => d.department),
  };
}

/** The report's title: align.yml's, else the generic one. The PDF footer shows it too. */
export function reportTitle(result: AuditResult): string {
  return result.title ?? t('report.title');
}

export function reportModel(result: AuditResult, meta: ReportMeta = {}, since: SinceModel | null = null): ReportModel {
  const stack = stackModel(result);
  const minGroup = minGroupOf(result);
  const cascade = cascadeView(result);
  const survey = surveyModel(result);
  const ledger = clientLedger(result.input);
  const questions = questionGroups(result.findings);
  // the contested share the audit used (align.yml may set it): every entry carries it
  const rules = { ...LEVEL_RULES, contestedShare: result.ownership?.[0]?.contestedShare ?? LEVEL_RULES.contestedShare };
  const decisions = decisionsModel(result.ownership, minGroup, rules);
  const recall = recallModel(result.recall, minGroup);
  const scope = stack
    ? t('report.scope', {
        leaders: msg('term.leaders', { n: stack.leaderCount }),
        priorities: msg('term.priorities', { n: stack.n }),
        respondents: msg('report.respondents', { n: result.input.respondents }),
      })
    : t('report.scopeNoStack', { respondents: msg('report.respondents', { n: result.input.respondents }) });
  return {
    result,
    title: reportTitle(result),
    cover: coverModel(meta),
    since,
    generator: `${result.generator.name} ${result.generator.version}`,
    minGroup,
    confidentiality: confidentialityLine(result),
    scorecard: scorecardModel(result.levels, questionNumbersByLevel(questions)),
    scope,
    // With a survey, the stack's essentials and then the room's: five to seven sentences, most important first (REPORT.md).
    glance:
      survey === null && roomGlance(result).length === 0
        ? atAGlance(result)
        : [...atAGlance(result, { brief: true }), ...(survey?.glance.slice(0, 2) ?? []), ...roomGlance(result), ...(survey?.glance.slice(2) ?? [])].slice(0, 7),
    stack,
    survey,
    stackReason: fmtNA(result.stackReason),
    cascade,
    hasOrganisation: (stack?.departments.length ?? 0) > 0 || cascade.length > 0,
    recall,
    decisions,
    findings: result.findings,
    questions,
    method: {
      rboP: result.stack?.rboP ?? null,
      permutations: result.stack?.concordance.permutations ?? null,
      seed: result.stack?.concordance.seed ?? null,
      bandSource: result.stack?.concordance.bandSource ?? 'Landis and Koch (1977)',
      minGroup,
      kemenyNote: stack?.methods.kemenyNote ?? null,
      rules: rulesModel(rules),
      showLevelRules: (result.levels ?? []).length > 0,
      showOwnershipRules: decisions !== null,
      recallNeeded: result.recall?.needed ?? null,
    },
    data: {
      files: result.input.files.map((f) => ({
        // a workbook has a sheet where a text file has an encoding and a delimiter
        path: f.sheet === undefined ? f.path : t('files.pathSheet', { path: f.path, sheet: f.sheet }),
        format: t(`tool.${f.format}`),
        encoding: f.encoding ?? t('files.noneWorkbook'),
        bom: t(f.bom ? 'answer.yes' : 'answer.no'),
        // a known delimiter by its name in the reader's language; another one quoted as written
        delimiter:
          f.delimiter === null
            ? t('files.noneWorkbook')
            : DELIMITER_NAMES[f.delimiter] !== undefined
              ? t(`delimiter.${delimiterName(f.delimiter)}`)
              : delimiterName(f.delimiter),
        rows: f.rows,
      })),
      respondents: result.input.respondents,
      // Members of hidden groups are counted, never located (clientLedger; ARCHITECTURE.md, "Anonymity").
      excluded: summariseExcluded(ledger.excluded),
      notes: ledger.notes,
    },
  };
}
