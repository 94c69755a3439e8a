/**
 * Dataset -> AuditResult: the one composition every command goes through
 * (STYLE.md habit 7), so `stack`, `audit` and the reports cannot drift apart.
 */
import { DEFAULT_MIN_GROUP, DEFAULT_PERMUTATIONS, DEFAULT_RBO_P, DEFAULT_SEED, MIN_GROUP_FLOOR } from '../defaults.js';
import { UsageError } from '../errors.js';
import { has, ledgerText, msg, quotedList } from '../i18n/index.js';
import type { QualityFlag } from '../ingest/config-types.js';
import type { Dataset, Respondent, Subject } from '../ingest/types.js';
import { auditFindings } from './audit-findings.js';
import { populationOf, shownGroups, tookSurvey } from './groups.js';
import { DEFAULT_LEADER_ROLES, leaderRoleTest, leaderTest } from './leaders.js';
import { ledgerExcluded, ledgerNotes } from './ledger.js';
import { buildLevels } from './levels.js';
import { buildOwnership } from './ownership.js';
import { checkQuality } from './quality.js';
import { buildRecall } from './recall.js';
import { analyseStacks } from './stack.js';
import { buildSurvey } from './survey.js';
import { type AuditResult, type InputBlock, SCHEMA_VERSION } from './types.js';

export interface AuditOptions {
  leaders?: readonly string[];
  minGroup?: number;
  rboP?: number;
  permutations?: number;
  seed?: number;
  version: string;
  /** Report title (align.yml `title`). */
  title?: string;
  /** Comments are shown for groups of at least this many (align.yml commentMinGroup; default 10, never below minGroup). */
  commentMinGroup?: number;
  /** True when align.yml has `dimensions` (then they decide, not the question bank). */
  configDimensions?: boolean;
  /** align.yml `official`: the priorities the leadership has announced, for strategy recall. */
  official?: readonly string[];
  /** align.yml `priorities.aliases` (spelling -> the priority it means), for matching recall answers. */
  aliases?: Readonly<Record<string, string>>;
  /** align.yml `ownership.contestedShare` (default 0.25). */
  contestedShare?: number;
  /** align.yml `quality.exclude`: flagged respondents of these kinds are excluded, not only noted. */
  excludeQuality?: readonly QualityFlag[];
}

/**
 * A leadership team rarely exceeds this; more "leaders" without a role column deserve a note. A survey
 * (Likert items) without a role column always gets it, whatever its size: leaders and the rest of the
 * organisation cannot be told apart, so no department or leader/team comparison is shown.
 */
const NO_ROLE_NOTE_ABOVE = 15;

export function buildAudit(given: Dataset, options: AuditOptions): AuditResult {
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  if (!Number.isInteger(minGroup) || minGroup < MIN_GROUP_FLOOR) {
    throw new UsageError(`--min-group ${minGroup} is too small: groups under ${MIN_GROUP_FLOOR} people are never shown; use ${MIN_GROUP_FLOOR} or more`);
  }
  const rboP = options.rboP ?? DEFAULT_RBO_P;
  if (!(rboP > 0 && rboP < 1)) throw new UsageError(`rank-biased overlap's p must be between 0 and 1 (got ${rboP})`);
  // Data quality first: a respondent align.yml excludes is left out of every figure.
  const checked = checkQuality(given, options.excludeQuality ?? []);
  const fileOrder = new Map(given.files.map((f, i) => [f.path, i]));
  const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }) =>
    (fileOrder.get(a.file) ?? -1) - (fileOrder.get(b.file) ?? -1) || a.line - b.line;
  const dataset: Dataset = {
    ...checked.dataset,
    excluded: checked.excluded.length === 0 ? given.excluded : [...given.excluded, ...checked.excluded].sort(byPlace),
    notes: [...given.notes, ...checked.notes],
  };
  const isLeaderByRole = leaderTest(dataset, options.leaders ?? DEFAULT_LEADER_ROLES);
  // decided once per respondent: every population (the survey's, each item's answerers', ownership's, recall's) asks
  const leaderSet = new Set(dataset.respondents.filter(isLeaderByRole));
  const isLeader = (r: Respondent) => leaderSet.has(r);
  const analysed = analyseStacks(dataset, {
    isLeader,
    minGroup,
    rboP,
    permutations: options.permutations ?? DEFAULT_PERMUTATIONS,
    seed: options.seed ?? DEFAULT_SEED,
  });
  const notes = [...dataset.notes];
  const first = dataset.files[0]?.path ?? '';
  if (!dataset.hasRoleColumn && (dataset.respondents.length > NO_ROLE_NOTE_ABOVE || dataset.items.length > 0)) {
    notes.push(ledgerText({ file: first, line: 1 }, 'note', msg('ledger.note.noRoleColumn', { n: dataset.respondents.length })));
  }
  if (!dataset.hasRoleColumn && options.leaders && options.leaders.length > 0) {
    notes.push(ledgerText({ file: first, line: 1 }, 'note', msg('ledger.note.leadersWithoutRoles', { roles: quotedList(options.leaders) })));
  }
  notes.push(...analysed.notes);
  // in input order: files as given, then line (stable, so notes on one line keep their order)
  notes.sort(byPlace);
  // The survey's respondents: everyone who answered a rating item, an ownership or a recall question.
  // every analysis of the survey side splits its people the same way
  const populationFor = (people: readonly Respondent[]) => populationOf(people, isLeader, dataset.hasRoleColumn, minGroup);
  const takers = populationFor(dataset.respondents.filter(tookSurvey));
  const survey = buildSurvey(dataset, {
    population: takers,
    minGroup,
    configDimensions: options.configDimensions ?? false,
    ...(options.commentMinGroup !== undefined ? { commentMinGroup: options.commentMinGroup } : {}),
  });
  const ownership = buildOwnership(dataset, {
    population: takers,
    populationFor,
    minGroup,
    ...(options.contestedShare !== undefined ? { contestedShare: options.contestedShare } : {}),
  });
  const recallBuilt =
    options.official && options.official.length > 0
      ? buildRecall(dataset, {
          official: options.official,
          ...(options.aliases ? { aliases: options.aliases } : {}),
          minGroup,
          populationFor,
        })
      : { reason: 'no official list in align.yml (official: [...])' };
  const recall = 'reason' in recallBuilt ? null : recallBuilt.recall;
  if ('reason' in recallBuilt && options.official && options.official.length > 0) {
    notes.push(
      ledgerText(
        { file: first, line: 1 },
        'note',
        msg('ledger.recall.unavailable', { reason: has(`audit:${recallBuilt.reason}`) ? msg(`audit:${recallBuilt.reason}`) : recallBuilt.reason }),
      ),
    );
    notes.sort(byPlace);
  }
  if (!('reason' in recallBuilt) && recallBuilt.notes.length > 0) {
    notes.push(...recallBuilt.notes);
    notes.sort(byPlace);
  }
  const recallReason = 'reason' in recallBuilt ? { recallReason: recallBuilt.reason } : {};
  // Who may be named in the ledger: leaders, and members of the departments shown in every split
  // the audit reports (the stack's departments, the survey's, recall's), so a note never points into a hidden group.
  const isLeaderRole = leaderRoleTest(dataset, options.leaders ?? DEFAULT_LEADER_ROLES);
  const splits: Array<Set<string>> = [];
  if (!('reason' in analysed)) splits.push(new Set(analysed.stack.departments.filter((d) => !('suppressed' in d)).map((d) => d.department)));
  if (takers.departments.groups.size > 0) splits.push(new Set(shownGroups(takers.departments).map(([d]) => d)));
  if (!('reason' in recallBuilt) && recallBuilt.population.departments.groups.size > 0) {
    splits.push(new Set(shownGroups(recallBuilt.population.departments).map(([d]) => d)));
  }
  const shown = new Set<string>(splits.length === 0 ? [] : [...splits[0]!].filter((d) => splits.every((s) => s.has(d))));
  const rule = { hidden: (s: Subject) => !isLeaderRole(s.role) && (s.department === null || !shown.has(s.department)) };
  const input: InputBlock = {
    files: dataset.files.map((f) => ({ ...f })),
    respondents: dataset.respondents.length,
    excluded: ledgerExcluded(dataset.excluded, rule),
    notes: ledgerNotes(notes, rule),
    minGroup,
  };
  if ('reason' in analysed) {
    return {
      schemaVersion: SCHEMA_VERSION,
      generator: { name: 'align', version: options.version },
      ...(options.title ? { title: options.title } : {}),
      input,
      stack: null,
      stackReason: analysed.reason,
      cascade: [],
      survey,
      ownership,
      recall,
      ...recallReason,
      levels: buildLevels({ stack: null, cascade: [], survey, ownership, recall }),
      findings: auditFindings({ stack: null, cascade: [], survey, ownership, recall }),
    };
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'align', version: options.version },
    ...(options.title ? { title: options.title } : {}),
    input,
    stack: analysed.stack,
    cascade: analysed.cascade,
    survey,
    ownership,
    recall,
    ...recallReason,
    levels: buildLevels({ stack: analysed.stack, cascade: analysed.cascade, survey, ownership, recall }),
    findings: auditFindings({ stack: analysed.stack, cascade: analysed.cascade, survey, ownership, recall }),
  };
}
