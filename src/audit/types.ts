/**
 * AuditResult: the JSON contract (../shared/ARCHITECTURE.md, "The JSON contract").
 * Scripts depend on these paths. camelCase; a statistic that cannot be computed
 * is `null` with a sibling `…Reason` string. Bump SCHEMA_VERSION on a breaking change.
 */
import type { FileInfo } from '../ingest/types.js';

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

/** One entry of `input.excluded[]` (see LedgerNote for `suppressed`). */
export interface LedgerExclusion {
  file: string;
  line: number;
  reason: string;
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

export interface Finding {
  severity: 'high' | 'medium' | 'low' | 'info';
  kind: string;
  title: string;
  evidence: string;
  question: string;
  /** Where the question sits in a facilitated conversation: facts, then interpretation, then decision. */
  layer: 'facts' | 'interpretation' | 'decision';
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
  findings: Finding[];
}
