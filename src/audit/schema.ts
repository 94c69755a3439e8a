/**
 * The JSON Schema (draft 2020-12) of the AuditResult, published by `align schema`
 * (ARCHITECTURE.md, "The JSON contract").
 *
 * One source of truth: the contract is written here once, as zod schemas, and
 * the JSON Schema is generated from them (z.toJSONSchema). The TypeScript types
 * in ./types.ts stay what the code is written against; the checks at the end of
 * this file fail the typecheck unless each zod schema's inferred type and its
 * type in ./types.ts are assignable both ways, so the two cannot drift apart.
 *
 * Objects are closed (strictObject, `additionalProperties: false`): a field
 * added to the output without being added here fails the schema test. Records
 * keyed by user text (byDepartment, byLevel, ranks, meanRanks) are maps.
 * Every `…Reason` sibling of a nullable statistic is optional.
 *
 * Only `align schema` and the tests import this module (lazily), so zod's
 * JSON Schema generator costs nothing to the other commands.
 */
import { z } from 'zod';
import type * as T from './types.js';
import { SCHEMA_VERSION } from './types.js';

export const SCHEMA_ID = `https://align-audit.example/schema/audit-result-v${SCHEMA_VERSION}.json`;

/** A whole number of at least 0 (counts, lines). */
const count = () => z.number().int().min(0);
/** A statistic that may be undefined: null, with the sibling `…Reason` saying why. */
const stat = () => z.number().nullable();
const reason = () => z.string().optional();
/** A share, a fraction from 0 to 1. */
const share = () => z.number().min(0).max(1);
/** A map keyed by user text (a department, a role value, a priority). */
const byName = <V extends z.ZodType>(value: V) => z.record(z.string(), value);

// ---------------------------------------------------------------- input

const fileInfo = z
  .strictObject({
    path: z.string().meta({ description: 'The path as given on the command line.' }),
    format: z
      .enum(['google-forms', 'surveymonkey', 'qualtrics', 'microsoft-forms', 'typeform', 'limesurvey', 'generic'])
      .meta({ description: 'The tool that wrote the file.' }),
    encoding: z
      .enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh'])
      .nullable()
      .meta({ description: 'A WHATWG encoding label; null for a workbook (.xlsx).' }),
    bom: z.boolean(),
    delimiter: z.string().nullable().meta({ description: 'The field delimiter itself; null for a workbook (.xlsx).' }),
    sheet: z
      .string()
      .optional()
      .meta({ description: "A workbook's sheet that was read (absent for a text file); then every `line` of this file is the sheet's row number." }),
    rows: count().meta({ description: 'The data rows read (header records and blank lines are not data rows).' }),
    headerRows: count().optional().meta({ description: 'How many header records the format had (1 for most, 2 SurveyMonkey, 3 Qualtrics).' }),
  })
  .meta({ id: 'InputFile' });

const ledgerNote = z
  .strictObject({
    file: z.string(),
    line: count().meta({ description: '1-based physical line on which the record starts (the first occurrence of a repeated note).' }),
    note: z.string(),
    suppressed: z.literal(true).optional().meta({ description: 'About a member of a hidden group: names nobody, quotes nothing.' }),
    count: count().optional().meta({ description: 'How many times the note occurred, when more than once.' }),
    lines: z.array(count()).optional().meta({ description: 'The lines of the first occurrences (at most 5).' }),
  })
  .meta({ id: 'LedgerNote', description: 'Something read but worth knowing (a tie, a blank role, two people with one name, …).' });

/** Every LedgerKind (ingest/types.ts); the type check at the end of the file fails if one is missing. */
const LEDGER_KINDS = [
  'tie',
  'blank-rank',
  'same-name',
  'same-id',
  'blank-role',
  'write-in',
  'merged-spellings',
  'ranked-nothing',
  'invalid',
  'duplicate',
  'nothing-answered',
  'not-a-response',
  'straight-lining',
  'incomplete',
  'speeder',
  'other',
] as const;

const ledgerExclusion = z
  .strictObject({
    file: z.string(),
    line: count(),
    reason: z.string(),
    kind: z
      .enum(LEDGER_KINDS)
      .optional()
      .meta({ description: 'What sort of reason it is, whatever the wording (duplicate, invalid, not-a-response, …): what a report summarises the rows by.' }),
    suppressed: z.literal(true).optional(),
  })
  .meta({ id: 'LedgerExclusion', description: 'A data row not used, and why.' });

const inputBlock = z
  .strictObject({
    files: z.array(fileInfo).meta({ description: 'The files read, in command-line order.' }),
    respondents: count().meta({ description: 'Respondents used.' }),
    excluded: z.array(ledgerExclusion).meta({ description: 'Each data row not used, with the reason.' }),
    notes: z.array(ledgerNote),
    minGroup: count().optional().meta({ description: 'The anonymity threshold: a group under it is never shown.' }),
  })
  .meta({ id: 'InputBlock', description: 'What was read: files, respondents, the row ledger.' });

// ---------------------------------------------------------------- stack

const concordance = z
  .strictObject({
    W: stat().meta({ description: "Kendall's W (tie-corrected) over the leaders." }),
    WReason: reason(),
    chiSquare: stat(),
    df: stat(),
    p: stat().meta({ description: 'Chi-square p (statistic m(N-1)W, N-1 degrees of freedom).' }),
    pReason: reason(),
    pPermutation: stat().meta({ description: 'Share of seeded random relabellings whose W is at least the observed one.' }),
    pPermutationReason: reason(),
    permutations: count(),
    seed: z.number().int(),
    raters: count(),
    band: z.string().nullable().meta({ description: "W's band (Landis and Koch 1977)." }),
    bandSource: z.string(),
  })
  .meta({ id: 'Concordance' });

const consensusEntry = z
  .strictObject({
    priority: z.string(),
    position: z.number().int().min(1),
    meanRank: z.number(),
    sd: stat(),
    sdReason: reason(),
    top3Share: share(),
    unanimous: z.boolean(),
    contested: z.boolean(),
    firstPlaces: count(),
  })
  .meta({ id: 'ConsensusEntry' });

const copelandEntry = z.strictObject({ priority: z.string(), position: z.number().int().min(1), score: z.number() }).meta({ id: 'CopelandEntry' });

const kemeny = z
  .strictObject({ order: z.array(z.string()), optimalOrders: z.number().int().min(1), cost: z.number() })
  .meta({ id: 'Kemeny', description: 'The Kemeny order (exact), how many orders are optimal, and its cost.' });

const gap = z.strictObject({
  priority: z.string(),
  rank: z.number().meta({ description: "The leader's completed rank." }),
  othersPosition: z.number().int().min(1).meta({ description: "The priority's position in the other leaders' Borda order." }),
});

const rater = z
  .strictObject({
    name: z.string(),
    department: z.string().nullable(),
    ranked: count().meta({ description: 'How many priorities the leader ranked explicitly.' }),
    ranks: byName(z.number()).meta({ description: "Each priority's completed rank in this leader's stack." }),
    spearmanToOthers: stat().meta({ description: "Spearman of the leader's stack with the other leaders' mean ranks." }),
    spearmanToOthersReason: reason(),
    divergence: stat().meta({ description: '(1 - spearmanToOthers) / 2.' }),
    divergenceReason: reason(),
    largestGaps: z.array(gap),
  })
  .meta({ id: 'Rater', description: 'One leader, in input order.' });

const pair = z
  .strictObject({
    a: z.string(),
    b: z.string(),
    spearman: stat(),
    spearmanReason: reason(),
    kendallTauB: stat(),
    kendallTauBReason: reason(),
    rbo: stat().meta({ description: 'Rank-biased overlap (extrapolated), null when either list has ties.' }),
    rboReason: reason(),
  })
  .meta({ id: 'Pair' });

const departmentStack = z
  .union([
    z.strictObject({
      department: z.string(),
      n: count(),
      W: stat(),
      WReason: reason(),
      meanRanks: byName(z.number()),
      consensusOrder: z.array(z.string()).meta({ description: "The group's own Borda order." }),
      spearmanToLeadership: stat().meta({ description: "Spearman of the department's mean ranks with the leaders'." }),
      spearmanToLeadershipReason: reason(),
    }),
    z.strictObject({ department: z.string(), suppressed: z.literal(true) }),
  ])
  .meta({ id: 'DepartmentStack', description: "A department's non-leaders against the leaders, or suppressed under the anonymity threshold." });

const cascadeEntry = z
  .union([
    z.strictObject({
      leader: z.string(),
      department: z.string().nullable(),
      n: count(),
      spearman: stat(),
      spearmanReason: reason(),
    }),
    z.strictObject({ leader: z.string(), department: z.string().nullable(), suppressed: z.literal(true) }),
  ])
  .meta({ id: 'CascadeEntry', description: "A leader's stack against their own department's non-leaders' mean ranks." });

const stackResult = z
  .strictObject({
    priorities: z.array(z.string()).meta({ description: 'The N priorities, as named in the output.' }),
    leaders: z.array(z.string()),
    concordance,
    consensus: z.array(consensusEntry).meta({ description: 'Borda order.' }),
    copeland: z.array(copelandEntry).meta({ description: 'Copeland order.' }),
    kemeny: kemeny.nullable(),
    kemenyReason: reason(),
    methodsAgreeTop3: z.boolean(),
    raters: z.array(rater),
    pairs: z.array(pair).meta({ description: 'Each pair of leaders.' }),
    pairsReason: reason(),
    departments: z.array(departmentStack),
    rboP: z.number(),
    minGroup: count(),
  })
  .meta({ id: 'StackResult', description: "The leaders' priority stacks compared." });

// ---------------------------------------------------------------- survey

const groupStats = z
  .strictObject({
    n: count(),
    mean: stat(),
    meanReason: reason(),
    sd: stat().meta({ description: 'Sample SD (n-1).' }),
    sdReason: reason(),
    favourable: share().nullable(),
    favourableReason: reason(),
    favourableCI: z.tuple([share(), share()]).nullable().meta({ description: "The favourable share's 95% Wilson interval [low, high]." }),
    favourableCIReason: reason(),
    neutral: share().nullable(),
    neutralReason: reason(),
    unfavourable: share().nullable(),
    unfavourableReason: reason(),
    rwg: stat().meta({ description: 'r_wg for an item, r_wg(j) for a dimension, truncated to [0, 1].' }),
    rwgReason: reason(),
    adi: stat().meta({ description: 'AD_M: mean absolute deviation from the mean.' }),
    adiReason: reason(),
  })
  .meta({ id: 'GroupStats', description: "One group's figures for an item or a dimension (shares are fractions from 0 to 1)." });

const suppressed = z.strictObject({ suppressed: z.literal(true) }).meta({ id: 'Suppressed', description: 'A group under the anonymity threshold.' });
const maybeSuppressed = z.union([groupStats, suppressed]);

const anova = z.strictObject({ F: z.number(), df1: z.number(), df2: z.number(), p: z.number() });

const itemResult = z
  .strictObject({
    id: z.string(),
    text: z.string(),
    dimension: z.string().nullable(),
    level: z.string().nullable().meta({
      description: 'The level of alignment the item informs (strategic, communication, decision), from the question bank; null when the bank does not list it.',
    }),
    bankId: z.string().nullable().meta({ description: 'The question bank item it is a wording of, or null.' }),
    points: z.number().int().min(2),
    low: z.number().int(),
    reverse: z.boolean(),
    overall: maybeSuppressed,
    byDepartment: byName(maybeSuppressed).meta({ description: "Each department's non-leaders, keyed by department." }),
    byLevel: byName(maybeSuppressed).meta({ description: 'Each role value, keyed by it.' }),
    icc1: stat().meta({ description: 'ICC(1) across the departments shown.' }),
    icc1Reason: reason(),
    anova: anova.nullable().meta({ description: 'One-way ANOVA across the departments shown.' }),
    anovaReason: reason(),
  })
  .meta({ id: 'ItemResult' });

const dimensionResult = z
  .strictObject({
    name: z.string(),
    level: z.string().nullable().meta({ description: 'The level of alignment the dimension informs, when known.' }),
    items: z.array(z.string()),
    alpha: stat().meta({ description: "Cronbach's alpha (listwise)." }),
    alphaReason: reason(),
    overall: maybeSuppressed,
    byDepartment: byName(maybeSuppressed),
    byLevel: byName(maybeSuppressed),
    rwgj: stat(),
    rwgjReason: reason(),
  })
  .meta({ id: 'DimensionResult' });

const gapFigures = {
  leaders: share().nullable().meta({ description: "The leaders' favourable share." }),
  others: share().nullable().meta({ description: "Everyone else's favourable share." }),
  gapPoints: stat().meta({ description: 'The difference in percentage points.' }),
  gapPointsReason: reason(),
  flagged: z.boolean().meta({ description: 'The gap reaches the flag (20 points by default).' }),
};
const gapEntry = z
  .union([
    z.strictObject({ item: z.string(), ...gapFigures }),
    z.strictObject({ dimension: z.string(), ...gapFigures }),
    z.strictObject({ item: z.string(), suppressed: z.literal(true) }),
    z.strictObject({ dimension: z.string(), suppressed: z.literal(true) }),
  ])
  .meta({ id: 'GapEntry', description: 'Leaders against everyone else, per item or dimension; suppressed with fewer leaders than the threshold.' });

const commentGroup = z.strictObject({ group: z.string(), question: z.string(), texts: z.array(z.string()) }).meta({ id: 'CommentGroup' });

const surveyResult = z
  .strictObject({
    respondents: count().meta({ description: 'Respondents who answered at least one Likert item.' }),
    leaders: count(),
    minGroup: count(),
    commentMinGroup: count(),
    gapFlagPoints: z.number(),
    departmentsRemainder: count(),
    levelsRemainder: count(),
    items: z.array(itemResult),
    dimensions: z.array(dimensionResult),
    gaps: z.array(gapEntry),
    comments: z.array(commentGroup).meta({ description: 'Only for groups at or above the comment threshold.' }),
  })
  .meta({ id: 'SurveyResult' });

// ---------------------------------------------------------------- findings and the whole

const finding = z
  .strictObject({
    severity: z.enum(['high', 'medium', 'low', 'info']),
    kind: z.string(),
    level: z.enum(['strategic', 'communication', 'decision']).meta({ description: 'The level of alignment the finding speaks to.' }),
    title: z.string(),
    evidence: z.string(),
    question: z.string(),
    layer: z.enum(['facts', 'interpretation', 'decision']),
  })
  .meta({ id: 'Finding' });

// ---------------------------------------------------------------- ownership, recall, levels

const ownershipVerdict = z.enum(['clear', 'contested', 'orphaned']);
const ownershipGroupShape = {
  n: count().meta({ description: 'Non-blank answers.' }),
  owners: z.array(z.strictObject({ name: z.string(), share: share() })).meta({ description: 'Named owners, most named first; shares over non-blank answers.' }),
  unsure: share().nullable().meta({ description: "Share answering nobody, don't know or not sure." }),
  unsureReason: reason(),
  other: share().nullable().meta({ description: 'Share naming someone fewer than the anonymity threshold named in all: pooled, never quoted.' }),
  otherReason: reason(),
  verdict: ownershipVerdict.nullable(),
  verdictReason: reason(),
};
const ownershipGroup = z.strictObject(ownershipGroupShape).meta({ id: 'OwnershipGroup' });
const ownershipEntry = z
  .strictObject({
    decision: z.string(),
    question: z.string(),
    contestedShare: share().meta({ description: 'The share at which a second owner makes the decision contested (align.yml ownership.contestedShare).' }),
    ...ownershipGroupShape,
    byDepartment: byName(z.union([ownershipGroup, suppressed])),
  })
  .meta({
    id: 'OwnershipEntry',
    description:
      "orphaned when over half answer nobody / don't know / not sure; else contested when two or more owners are each named by at least the contested share (default 0.25) or no owner by more than half; else clear.",
  });

const recallGroup = z.strictObject({ n: count(), share: share().nullable(), shareReason: reason() }).meta({ id: 'RecallGroup' });
const recallResult = z
  .strictObject({
    official: z.array(z.string()),
    needed: count().meta({ description: 'Official priorities an answer must hold: three, or all when fewer are official.' }),
    source: z.enum(['text', 'stack']),
    question: z.string().optional(),
    overall: z.union([recallGroup, suppressed]),
    byDepartment: byName(z.union([recallGroup, suppressed])),
    byLevel: byName(z.union([recallGroup, suppressed])),
  })
  .meta({ id: 'Recall' });

const levelEvidence = z
  .strictObject({
    kind: z.enum(['concordance', 'favourable', 'agreement', 'recall', 'department-stack', 'cascade', 'spread', 'ownership']),
    subject: z.string(),
    statistic: z.string(),
    value: z.number(),
    verdict: ownershipVerdict.optional().meta({ description: "A decision's ownership verdict (kind ownership); value is then the leading owner's share." }),
    rating: z.enum(['good', 'poor', 'between']).nullable().meta({ description: 'Against the one cut table; null where it has no cut (listed, not counted).' }),
  })
  .meta({ id: 'LevelEvidence' });
const levelEntry = z
  .strictObject({
    level: z.enum(['strategic', 'communication', 'decision']),
    status: z.enum(['aligned', 'mixed', 'misaligned']).nullable(),
    statusReason: reason(),
    evidence: z.array(levelEvidence),
  })
  .meta({ id: 'Level' });

export const auditResultSchema = z.strictObject({
  schemaVersion: z.number().int().min(1).meta({ description: 'Bumped on a breaking change.' }),
  generator: z.strictObject({ name: z.literal('align'), version: z.string() }),
  title: z.string().optional().meta({ description: 'The report title from align.yml, when given.' }),
  input: inputBlock,
  stack: stackResult.nullable(),
  stackReason: reason(),
  cascade: z.array(cascadeEntry),
  survey: surveyResult.nullable().meta({ description: 'The survey statistics; null when the input has no Likert items.' }),
  ownership: z.array(ownershipEntry),
  recall: recallResult.nullable().meta({ description: 'Strategy recall; null without an official list in align.yml.' }),
  recallReason: reason(),
  levels: z.array(levelEntry).meta({ description: 'strategic, communication, decision, in that order.' }),
  findings: z.array(finding).meta({ description: 'Sorted by severity, then kind, then key.' }),
});

/** What `align stack --json` prints: the AuditResult restricted to what a stacks file gives. */
export const stackJsonSchema = auditResultSchema.pick({ schemaVersion: true, input: true, stack: true, stackReason: true, cascade: true });

/** The JSON Schema `align schema` prints: the AuditResult at the root, `align stack --json`'s restriction in `$defs.StackJson`. */
export function auditResultJsonSchema(): Record<string, unknown> {
  // Both generated in one pass, so the shared parts are one $defs entry each and the refs (#/$defs/…) hold at the root.
  const both = z.toJSONSchema(z.strictObject({ audit: auditResultSchema, stack: stackJsonSchema }), { target: 'draft-2020-12' }) as unknown as {
    properties: { audit: Record<string, unknown>; stack: Record<string, unknown> };
    $defs?: Record<string, unknown>;
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'AuditResult',
    description:
      'The JSON that `align audit --format json` prints. `align stack --json` prints #/$defs/StackJson (schemaVersion, input, stack, cascade). A statistic that cannot be computed is null with a sibling …Reason string; a group under the anonymity threshold is {suppressed: true}.',
    ...both.properties.audit,
    $defs: {
      ...both.$defs,
      StackJson: { title: 'StackJson', description: 'What `align stack --json` prints.', ...both.properties.stack },
    },
  };
}

// ---------------------------------------------------------------- the two cannot drift

/** Every key of every member of a union (keyof a union gives only the common ones). */
type Keys<T> = T extends unknown ? keyof T : never;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/**
 * true when A and B are assignable both ways and name the same keys (mutual
 * assignability alone would let an optional `…Reason` be missing on one side);
 * anything else fails `npm run typecheck` below.
 */
type Same<A, B> = Mutual<A, B> extends true ? Mutual<Keys<A>, Keys<B>> : false;
const same = <A, B>(ok: Same<A, B>) => ok;

same<z.infer<typeof auditResultSchema>, T.AuditResult>(true);
same<z.infer<typeof inputBlock>, T.InputBlock>(true);
same<z.infer<typeof ledgerNote>, T.LedgerNote>(true);
same<z.infer<typeof ledgerExclusion>, T.LedgerExclusion>(true);
same<z.infer<typeof stackResult>, T.StackResult>(true);
same<z.infer<typeof concordance>, T.Concordance>(true);
same<z.infer<typeof consensusEntry>, T.ConsensusEntry>(true);
same<z.infer<typeof copelandEntry>, T.CopelandEntry>(true);
same<z.infer<typeof kemeny>, T.KemenyResult>(true);
same<z.infer<typeof rater>, T.Rater>(true);
same<z.infer<typeof pair>, T.Pair>(true);
same<z.infer<typeof departmentStack>, T.DepartmentStack>(true);
same<z.infer<typeof cascadeEntry>, T.CascadeEntry>(true);
same<z.infer<typeof surveyResult>, T.SurveyResult>(true);
same<z.infer<typeof groupStats>, T.GroupStats>(true);
same<z.infer<typeof itemResult>, T.ItemResult>(true);
same<z.infer<typeof dimensionResult>, T.DimensionResult>(true);
same<z.infer<typeof gapEntry>, T.GapEntry>(true);
same<z.infer<typeof commentGroup>, T.CommentGroup>(true);
same<z.infer<typeof finding>, T.Finding>(true);
same<z.infer<typeof ownershipEntry>, T.OwnershipEntry>(true);
same<z.infer<typeof ownershipGroup>, T.OwnershipGroup>(true);
same<z.infer<typeof recallResult>, T.RecallResult>(true);
same<z.infer<typeof recallGroup>, T.RecallGroup>(true);
same<z.infer<typeof levelEntry>, T.LevelEntry>(true);
same<z.infer<typeof levelEvidence>, T.LevelEvidence>(true);
