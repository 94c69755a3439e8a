/**
 * AuditResult: the JSON contract (../shared/ARCHITECTURE.md, "The JSON contract").
 * Scripts depend on these paths. camelCase; a statistic that cannot be computed
 * is `null` with a sibling `…Reason` string. Bump SCHEMA_VERSION on a breaking change.
 */
import type { FileInfo, LedgerKind } from '../ingest/types.js';

export const SCHEMA_VERSION = 1;

/**
 * One entry of `input.notes[]`. `suppressed`: about a member of a hidden group,
 * so the text names nobody and quotes nothing, and a report a client reads
 * shows it as a count without its line. A note that repeats is one entry with
 * `count` and up to 5 `lines`.
 */
export interface LedgerNote {
  file: string;
  line: number;
  note: string;
  suppressed?: true;
  count?: number;
  lines?: number[];
}

/**
 * One entry of `input.excluded[]` (see LedgerNote for `suppressed`). `kind`
 * says what sort of reason it is (duplicate, invalid, …) whatever the wording,
 * so a report can summarise the rows by reason (absent in results written
 * before it was added).
 */
export interface LedgerExclusion {
  file: string;
  line: number;
  reason: string;
  kind?: LedgerKind;
  suppressed?: true;
}

export interface InputBlock {
  files: Array<Omit<FileInfo, 'headerRows'> & { headerRows?: number }>;
  respondents: number;
  excluded: LedgerExclusion[];
  notes: LedgerNote[];
  /** The anonymity threshold (--min-group): a group under it is never shown. Absent in results written before it was added. */
  minGroup?: number;
}

export interface Concordance {
  W: number | null;
  WReason?: string;
  chiSquare: number | null;
  df: number | null;
  p: number | null;
  pReason?: string;
  pPermutation: number | null;
  pPermutationReason?: string;
  permutations: number;
  seed: number;
  raters: number;
  band: string | null;
  bandSource: string;
}

export interface ConsensusEntry {
  priority: string;
  position: number;
  meanRank: number;
  sd: number | null;
  sdReason?: string;
  top3Share: number;
  unanimous: boolean;
  contested: boolean;
  firstPlaces: number;
}

export interface CopelandEntry {
  priority: string;
  position: number;
  score: number;
}

export interface KemenyResult {
  order: string[];
  optimalOrders: number;
  cost: number;
}

export interface Gap {
  priority: string;
  rank: number;
  othersPosition: number;
}

export interface Rater {
  name: string;
  department: string | null;
  ranked: number;
  ranks: Record<string, number>;
  spearmanToOthers: number | null;
  spearmanToOthersReason?: string;
  divergence: number | null;
  divergenceReason?: string;
  largestGaps: Gap[];
}

export interface Pair {
  a: string;
  b: string;
  spearman: number | null;
  spearmanReason?: string;
  kendallTauB: number | null;
  kendallTauBReason?: string;
  rbo: number | null;
  rboReason?: string;
}

export type DepartmentStack =
  | {
      department: string;
      n: number;
      W: number | null;
      WReason?: string;
      meanRanks: Record<string, number>;
      /** The group's own Borda order. */
      consensusOrder: string[];
      spearmanToLeadership: number | null;
      spearmanToLeadershipReason?: string;
    }
  | { department: string; suppressed: true };

export type CascadeEntry =
  | {
      leader: string;
      department: string | null;
      n: number;
      spearman: number | null;
      spearmanReason?: string;
    }
  | { leader: string; department: string | null; suppressed: true };

export interface StackResult {
  priorities: string[];
  leaders: string[];
  concordance: Concordance;
  consensus: ConsensusEntry[];
  copeland: CopelandEntry[];
  kemeny: KemenyResult | null;
  kemenyReason?: string;
  methodsAgreeTop3: boolean;
  raters: Rater[];
  pairs: Pair[];
  /** Set when the pairs are left out (more leaders than a pairwise list can usefully show). */
  pairsReason?: string;
  departments: DepartmentStack[];
  rboP: number;
  minGroup: number;
}

/** The three levels of alignment (DOMAIN.md), in their order. */
export type AlignmentLevel = 'strategic' | 'communication' | 'decision';
export const ALIGNMENT_LEVELS: readonly AlignmentLevel[] = ['strategic', 'communication', 'decision'];

export interface Finding {
  severity: 'high' | 'medium' | 'low' | 'info';
  kind: string;
  /** The level of alignment the finding speaks to. */
  level: AlignmentLevel;
  title: string;
  evidence: string;
  question: string;
  /** Where the question sits in a facilitated conversation: facts, then interpretation, then decision. */
  layer: 'facts' | 'interpretation' | 'decision';
}

/** How one piece of evidence reads against the one cut table (audit/bands.ts). */
export type EvidenceRating = 'good' | 'poor' | 'between';

/**
 * One piece of a level's evidence: a statistic the audit computed, where it
 * comes from, and how it reads against the cut table. `value` is the number;
 * a decision's evidence is its verdict, with the leading owner's share; `rating` is null for evidence the table has no
 * cut for (listed, not counted).
 */
export interface LevelEvidence {
  /** concordance (the leaders' W), favourable, agreement (r_wg), recall, department-stack, cascade, spread, ownership. */
  kind: 'concordance' | 'favourable' | 'agreement' | 'recall' | 'department-stack' | 'cascade' | 'spread' | 'ownership';
  /** What it is about: "The leaders' stacks", an item's text, a department, a decision. */
  subject: string;
  /** The statistic: W, favourable, rwg, share, spearman, icc1; for a decision (rated by its verdict) unsure (orphaned), leadingOwnerShare, or otherShare when every owner named is pooled. */
  statistic: string;
  value: number;
  /** A decision's ownership verdict (kind ownership). */
  verdict?: OwnershipVerdict;
  rating: EvidenceRating | null;
}

export interface LevelEntry {
  level: AlignmentLevel;
  /** aligned: no evidence poor; misaligned: more than half of the rated evidence poor; mixed otherwise. */
  status: 'aligned' | 'mixed' | 'misaligned' | null;
  statusReason?: string;
  evidence: LevelEvidence[];
}

export type OwnershipVerdict = 'clear' | 'contested' | 'orphaned';

/** Who a group names as a decision's owner: shares over the group's non-blank answers. */
export interface OwnershipGroup {
  /** Non-blank answers. */
  n: number;
  /** Named owners (named by at least the threshold of people in all), most named first (ties by name); answers that name nobody are not owners. */
  owners: Array<{ name: string; share: number }>;
  /** Share answering nobody, don't know, not sure; null when no one answered. */
  unsure: number | null;
  unsureReason?: string;
  /** Share naming someone fewer than the anonymity threshold named in all: pooled, never quoted. */
  other: number | null;
  otherReason?: string;
  verdict: OwnershipVerdict | null;
  verdictReason?: string;
}

export interface OwnershipEntry extends OwnershipGroup {
  /** The decision as the survey asked about it (a grid's row, or the question). */
  decision: string;
  /** The question as asked. */
  question: string;
  /** The share at which a second owner makes the decision contested (align.yml ownership.contestedShare; default 0.25). */
  contestedShare: number;
  /** Each department's non-leaders, keyed by department. */
  byDepartment: Record<string, MaybeSuppressed<OwnershipGroup>>;
}

/** One group's strategy recall: the share whose answer holds enough official priorities. */
export interface RecallGroup {
  /** Respondents with an answer to score (a stack, or the free-text answer). */
  n: number;
  share: number | null;
  shareReason?: string;
}

export interface RecallResult {
  /** The official priorities (align.yml `official`), as named in the output. */
  official: string[];
  /** How many official priorities an answer must hold: three, or all of them when fewer are official. */
  needed: number;
  /** What was scored: each respondent's free-text answer to the recall question, or their stack's top three. */
  source: 'text' | 'stack';
  /** The recall question, when source is text. */
  question?: string;
  overall: MaybeSuppressed<RecallGroup>;
  byDepartment: Record<string, MaybeSuppressed<RecallGroup>>;
  byLevel: Record<string, MaybeSuppressed<RecallGroup>>;
}

/** One group's figures for an item or a dimension (shares are fractions 0..1). */
export interface GroupStats {
  n: number;
  mean: number | null;
  meanReason?: string;
  sd: number | null;
  sdReason?: string;
  favourable: number | null;
  favourableReason?: string;
  /** The favourable share's 95% Wilson interval. */
  favourableCI: [number, number] | null;
  favourableCIReason?: string;
  neutral: number | null;
  neutralReason?: string;
  unfavourable: number | null;
  unfavourableReason?: string;
  /** r_wg for an item, r_wg(j) for a dimension. */
  rwg: number | null;
  rwgReason?: string;
  adi: number | null;
  adiReason?: string;
}

export type MaybeSuppressed<T> = T | { suppressed: true };

export interface ItemResult {
  id: string;
  text: string;
  dimension: string | null;
  /** The level of alignment the item informs, from the question bank; null when the bank does not list it. */
  level: string | null;
  /** The question bank item it is a wording of, or null. */
  bankId: string | null;
  points: number;
  low: number;
  reverse: boolean;
  overall: MaybeSuppressed<GroupStats>;
  /** Each department's non-leaders, keyed by department. */
  byDepartment: Record<string, MaybeSuppressed<GroupStats>>;
  /** Each role value, keyed by it. */
  byLevel: Record<string, MaybeSuppressed<GroupStats>>;
  icc1: number | null;
  icc1Reason?: string;
  anova: { F: number; df1: number; df2: number; p: number } | null;
  anovaReason?: string;
}

export interface DimensionResult {
  name: string;
  /** The level of alignment the dimension informs (strategic, communication, decision), when known. */
  level: string | null;
  items: string[];
  alpha: number | null;
  alphaReason?: string;
  overall: MaybeSuppressed<GroupStats>;
  byDepartment: Record<string, MaybeSuppressed<GroupStats>>;
  byLevel: Record<string, MaybeSuppressed<GroupStats>>;
  rwgj: number | null;
  rwgjReason?: string;
}

/** Favourable share of the leaders and of everyone else, and the difference in percentage points. */
export type GapEntry =
  | (({ item: string } | { dimension: string }) & {
      leaders: number | null;
      others: number | null;
      gapPoints: number | null;
      gapPointsReason?: string;
      /** 20 points or more. */
      flagged: boolean;
    })
  | (({ item: string } | { dimension: string }) & { suppressed: true });

export interface CommentGroup {
  group: string;
  question: string;
  texts: string[];
}

export interface SurveyResult {
  /** Respondents who answered at least one Likert item. */
  respondents: number;
  leaders: number;
  minGroup: number;
  commentMinGroup: number;
  gapFlagPoints: number;
  /** Within each split, overall n minus the leaders minus the groups shown: 0 or at least minGroup unless every group is hidden. */
  departmentsRemainder: number;
  levelsRemainder: number;
  items: ItemResult[];
  dimensions: DimensionResult[];
  gaps: GapEntry[];
  comments: CommentGroup[];
}

export interface AuditResult {
  schemaVersion: number;
  generator: { name: 'align'; version: string };
  /** The report title from align.yml, when given. */
  title?: string;
  input: InputBlock;
  stack: StackResult | null;
  stackReason?: string;
  cascade: CascadeEntry[];
  /** The survey statistics; null when the input has no Likert items. */
  survey: SurveyResult | null;
  /** Who owns each decision an ownership question asked about. */
  ownership: OwnershipEntry[];
  /** Strategy recall against align.yml `official`; null without an official list. */
  recall: RecallResult | null;
  recallReason?: string;
  /** The three levels of alignment, in order strategic, communication, decision. */
  levels: LevelEntry[];
  findings: Finding[];
}

/** What a Move is about (audit/diff.ts). */
export type MoveKind = 'concordance' | 'divergence' | 'favourable' | 'gap' | 'recall' | 'level' | 'finding';

/**
 * One thing that moved between two audits (`align diff`, the "Since the last
 * audit" section). Shares are fractions 0..1 and gaps percentage points, as in
 * the AuditResult; `change` = after − before (null when either side is null or
 * the values are not numbers: a level's status, a finding's severity).
 * Only what changed is listed: an audit compared with itself has no moves.
 */
export interface Move {
  kind: MoveKind;
  /** What moved: "The leaders' stacks", a leader's name, a dimension's name, an item's text, a level, a finding's title. */
  subject: string;
  /** The group: "overall" or a department key (favourable, recall); absent otherwise. */
  group?: string;
  before: number | string | null;
  after: number | string | null;
  change: number | null;
  /** Whether the move exceeds what chance would give; null when the data do not allow the test (see beyondChanceReason). */
  beyondChance: boolean | null;
  beyondChanceReason?: string;
  /** concordance: each side's permutation p-value of W. */
  pBefore?: number | null;
  pAfter?: number | null;
  /** concordance: each side's band for W. */
  bandBefore?: string | null;
  bandAfter?: string | null;
  /** favourable, recall: each side's 95% Wilson interval. */
  ciBefore?: [number, number] | null;
  ciAfter?: [number, number] | null;
  /** gap: each side's favourable shares, leaders' and everyone else's, whose difference the gap is; and the flag (points) the gaps are read against. */
  sharesBefore?: { leaders: number | null; others: number | null };
  sharesAfter?: { leaders: number | null; others: number | null };
  gapFlagPoints?: number;
  /** finding: new (after only), resolved (before only), persisting (both; listed as a move only when its severity changed). */
  status?: 'new' | 'persisting' | 'resolved';
  /** finding: its kind and level. */
  findingKind?: string;
  level?: string;
  /** A caveat on the comparison (for example, compared over the priorities both stacks share). */
  note?: string;
}

export type DiffWarningKind =
  | 'item-reworded'
  | 'department-one-side'
  | 'priorities-differ'
  | 'threshold-differs'
  | 'leaders-differ'
  | 'suppressed-one-side'
  | 'schema';

/** Why two audits are not wholly comparable: never silent. */
export interface DiffWarning {
  kind: DiffWarningKind;
  message: string;
  /** item-reworded: the item's id and both wordings. */
  item?: string;
  textBefore?: string;
  textAfter?: string;
  /** department-one-side: the department (its baseline key when on the baseline's side only, else its later key). */
  department?: string;
  /** suppressed-one-side: the group hidden ("overall", a department key, or "The gap on …"). */
  group?: string;
  /** department-one-side, suppressed-one-side: the side it is on (both: a merge). */
  side?: 'before' | 'after' | 'both';
  /** priorities-differ: the priorities only after has (added) and only before has (dropped). */
  added?: string[];
  dropped?: string[];
}

/** A finding present in both audits with the same severity (not a move). */
export interface PersistingFinding {
  kind: string;
  level: string;
  title: string;
  severity: string;
}

/** compareAudits' result: plain JSON (`align diff --json`). */
export interface AuditDiff {
  schemaVersion: number;
  /** Each side's schemaVersion. */
  before: { schemaVersion: number; generator: string; title?: string };
  after: { schemaVersion: number; generator: string; title?: string };
  moves: Move[];
  warnings: DiffWarning[];
  /** Findings in both audits, unchanged in severity. */
  persisting: PersistingFinding[];
}
