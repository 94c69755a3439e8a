/**
 * Two AuditResults -> what moved between them, and whether they are comparable
 * (issue 12: `align diff`, the "Since the last audit" section). Pure: no I/O.
 *
 * Rules:
 * - Only what changed is a move: an audit compared with itself has no moves and no warnings.
 * - Items are matched by `id`; a changed text is a warning with both wordings.
 * - Departments are matched by exact key after align.yml `renamed` (old -> new) is
 *   applied to the baseline's keys; never guessed. Two old keys onto one new key is a
 *   merge: the baseline cannot be recombined from JSON, so the merged department is
 *   listed in a warning and not compared. A department on one side only is listed.
 * - A group suppressed (under the anonymity threshold) on one side is not compared:
 *   a warning names the group and the side, no numbers.
 * - A favourable share (or recall share) moved beyond chance when the two 95% Wilson
 *   intervals do not overlap. W has no interval: beyondChance is null, both
 *   permutation p-values are carried. A leader's divergence and a perception gap
 *   have no interval in the result: beyondChance null with the reason.
 * - Different priority sets: a warning with the priorities added and dropped; W and
 *   each leader's divergence are recomputed from the raters' ranks over the shared
 *   priorities only, and each such move says so in `note`.
 * - A baseline written by a newer schemaVersion is refused, naming both versions.
 * - Warnings and notes are worded from the catalogue (`sinceNotes.*`): the AuditDiff
 *   keeps their English, with the message for a report in another language
 *   (ledgerText); a level's name and each finding's title carry theirs the same way,
 *   a baseline's finding rebuilt from its JSON (audit-findings.ts, findingTitles).
 */
import { UsageError } from '../errors.js';
import { has, inEnglish, ledgerText, type Message, msg, type Param, quoted, quotedList, withWording } from '../i18n/index.js';
import { pushTo } from '../records.js';
import { kendallW } from '../stats/kendall-w.js';
import { midranks } from '../stats/ranks.js';
import { spearman } from '../stats/spearman.js';
import { wilsonInterval } from '../stats/wilson.js';
import { findingKey, findingTitles } from './audit-findings.js';
import {
  type AuditDiff,
  type AuditResult,
  type DiffWarning,
  type GapEntry,
  type GroupStats,
  type MaybeSuppressed,
  type Move,
  type MoveKind,
  type PersistingFinding,
  type RecallGroup,
  SCHEMA_VERSION,
  type StackResult,
} from './types.js';

export interface CompareOptions {
  /** align.yml `renamed`: a baseline department key -> its key in the later audit. */
  renamed?: Record<string, string>;
}

const MOVE_ORDER: readonly MoveKind[] = ['concordance', 'divergence', 'favourable', 'gap', 'recall', 'level', 'finding'];
const NO_INTERVAL_W = 'W has no interval to compare; both permutation p-values are given';
const NO_INTERVAL_DIVERGENCE = "a single leader's stack has no sampling interval";
const NO_INTERVAL_GAP = 'a perception gap has no interval in the audit result';
const NOT_A_NUMBER = 'a status, not a number';

type Side = 'before' | 'after';
type ShownGap = Extract<GapEntry, { gapPoints: number | null }>;

function isSuppressed<T extends object>(g: MaybeSuppressed<T>): g is { suppressed: true } {
  return 'suppressed' in g && (g as { suppressed?: unknown }).suppressed === true;
}

function overlap(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** One or two parts of a warning's parenthesis ('added …; dropped …'), separated as the reader's language does. */
function parts(xs: readonly Param[]): Param {
  const [first, second] = xs;
  return second === undefined ? (first ?? '') : msg('sinceNotes.parts', { first, second });
}

/** A number as the English always wrote it (plain digits, no grouping). */
const plain = (n: number): string => String(n);

/** What of a group hidden on one side is not compared (the catalogue's select: its figures, a gap's leaders and others, recall). */
type Compared = 'figures' | 'gap' | 'recall';
/** A group as the AuditDiff keys it ('overall', a department, 'The gap on "…"') and as a reader is told its name. */
interface Group {
  key: string;
  name: Param;
}

const groupNamed = (key: string): Group => ({ key, name: key === 'overall' ? msg('audit:Everyone') : key });

/** A perception gap's group: its key is the English of its name. */
function gapGroup(subject: string): Group {
  const name = msg('sinceNotes.gapOn', { subject: quoted(subject) });
  return { key: inEnglish(name), name };
}

/** Refuses a result written by a newer align; an older one is read. */
function checkSchema(result: AuditResult, side: Side): void {
  if (result.schemaVersion > SCHEMA_VERSION) {
    const which = side === 'before' ? 'the baseline' : 'the later audit';
    throw new UsageError(
      `${which} has schemaVersion ${result.schemaVersion}, newer than the schemaVersion ${SCHEMA_VERSION} this align reads; compare it with a newer align`,
    );
  }
}

/** Department keys a result shows or hides anywhere. */
function departmentKeys(r: AuditResult): Set<string> {
  const keys = new Set<string>();
  for (const d of r.survey?.dimensions ?? []) for (const k of Object.keys(d.byDepartment)) keys.add(k);
  for (const i of r.survey?.items ?? []) for (const k of Object.keys(i.byDepartment)) keys.add(k);
  for (const k of Object.keys(r.recall?.byDepartment ?? {})) keys.add(k);
  for (const d of r.stack?.departments ?? []) keys.add(d.department);
  return keys;
}

class Comparison {
  readonly moves: Move[] = [];
  readonly warnings: DiffWarning[] = [];
  private readonly suppressedSeen = new Set<string>();
  /** after key -> before key, for departments compared. */
  private readonly departmentMatch = new Map<string, string>();

  constructor(
    private readonly before: AuditResult,
    private readonly after: AuditResult,
    private readonly renamed: Record<string, string>,
  ) {}

  /** A warning worded from the catalogue: English in the AuditDiff, the message kept for a report in another language (ledgerText). */
  private warn(entry: Omit<DiffWarning, 'message'>, m: Message): void {
    this.warnings.push(ledgerText(entry, 'message', m));
  }

  run(): AuditDiff {
    this.schema();
    this.thresholds();
    this.departments();
    this.items();
    const persisting = this.findings();
    this.stack();
    this.survey();
    this.recall();
    this.levels();
    const order = (m: Move) => MOVE_ORDER.indexOf(m.kind);
    const moves = this.moves.map((m, i) => ({ m, i })).sort((x, y) => order(x.m) - order(y.m) || x.i - y.i);
    return {
      schemaVersion: SCHEMA_VERSION,
      before: side(this.before),
      after: side(this.after),
      moves: moves.map((x) => x.m),
      warnings: this.warnings,
      persisting,
    };
  }

  private schema(): void {
    const b = this.before.schemaVersion;
    const a = this.after.schemaVersion;
    if (b !== a) {
      this.warn({ kind: 'schema' }, msg('sinceNotes.schema', { before: plain(b), after: plain(a), older: plain(Math.min(a, b)) }));
    }
  }

  private thresholds(): void {
    const mg = (r: AuditResult) => r.input.minGroup ?? r.stack?.minGroup ?? r.survey?.minGroup ?? null;
    const b = mg(this.before);
    const a = mg(this.after);
    if (b !== a) {
      const threshold = (x: number | null) => (x === null ? msg('sinceNotes.notRecorded') : plain(x));
      this.warn({ kind: 'threshold-differs' }, msg('sinceNotes.threshold', { before: threshold(b), after: threshold(a) }));
    }
    const bl = this.before.stack?.leaders;
    const al = this.after.stack?.leaders;
    if (bl && al) {
      const arrived = al.filter((n) => !bl.includes(n));
      const left = bl.filter((n) => !al.includes(n));
      if (arrived.length > 0 || left.length > 0) {
        const changes = [
          ...(arrived.length > 0 ? [msg('sinceNotes.leadersNew', { names: quotedList(arrived) })] : []),
          ...(left.length > 0 ? [msg('sinceNotes.leadersGone', { names: quotedList(left) })] : []),
        ];
        this.warn({ kind: 'leaders-differ' }, msg('sinceNotes.leadersDiffer', { changes: parts(changes) }));
      }
    }
    const bs = this.before.survey?.leaders;
    const as = this.after.survey?.leaders;
    if (bl === undefined && al === undefined && bs !== undefined && as !== undefined && bs !== as) {
      this.warn({ kind: 'leaders-differ' }, msg('sinceNotes.surveyLeaders', { before: plain(bs), after: plain(as) }));
    }
  }

  private departments(): void {
    const beforeKeys = [...departmentKeys(this.before)];
    const afterKeys = departmentKeys(this.after);
    const onto = new Map<string, string[]>();
    for (const k of beforeKeys) {
      const target = Object.hasOwn(this.renamed, k) ? this.renamed[k]! : k;
      pushTo(onto, target, k);
    }
    for (const [target, olds] of onto) {
      if (olds.length > 1) {
        this.warn(
          { kind: 'department-one-side', department: target, side: 'both' },
          msg('sinceNotes.merged', { olds: quotedList(olds), department: quoted(target) }),
        );
        continue;
      }
      const old = olds[0]!;
      if (afterKeys.has(target)) {
        this.departmentMatch.set(target, old);
      } else {
        this.warn(
          { kind: 'department-one-side', department: old, side: 'before' },
          old !== target
            ? msg('sinceNotes.departmentRenamed', { department: quoted(old), renamed: quoted(target) })
            : msg('sinceNotes.departmentBefore', { department: quoted(old) }),
        );
      }
    }
    for (const k of afterKeys) {
      if (onto.has(k)) continue;
      this.warn({ kind: 'department-one-side', department: k, side: 'after' }, msg('sinceNotes.departmentAfter', { department: quoted(k) }));
    }
  }

  private items(): void {
    const beforeItems = this.before.survey?.items ?? [];
    const afterItems = this.after.survey?.items ?? [];
    const before = new Map(beforeItems.map((i) => [i.id, i]));
    const afterIds = new Set(afterItems.map((i) => i.id));
    // An item whose id is its text (a plain table, SurveyMonkey) gets a new id when reworded: paired by the
    // question bank item both wordings are listed under, when exactly one item on each side is that bank item.
    const unmatchedBefore = beforeItems.filter((i) => !afterIds.has(i.id));
    const byBank = <T extends { bankId: string | null }>(items: readonly T[], bankId: string): T[] => items.filter((i) => i.bankId === bankId);
    for (const item of afterItems) {
      let was = before.get(item.id);
      if (!was && item.bankId !== null) {
        const candidates = byBank(unmatchedBefore, item.bankId);
        if (candidates.length === 1 && byBank(afterItems, item.bankId).length === 1) was = candidates[0];
      }
      if (was && was.text !== item.text) {
        this.warn(
          { kind: 'item-reworded', item: item.id, textBefore: was.text, textAfter: item.text },
          msg('sinceNotes.reworded', { item: quoted(item.id), before: quoted(was.text), after: quoted(item.text) }),
        );
      }
    }
  }

  private suppressed(group: Group, where: Side, what: Compared): void {
    const key = `${group.key}\u0000${where}`;
    if (this.suppressedSeen.has(key)) return;
    this.suppressedSeen.add(key);
    this.warn({ kind: 'suppressed-one-side', group: group.key, side: where }, msg('sinceNotes.hidden', { group: group.name, side: where, what }));
  }

  /** Both sides of a group, or null when it cannot be compared (a warning is given when hidden on one side only). */
  private pair<T extends object>(group: Group, b: MaybeSuppressed<T> | undefined, a: MaybeSuppressed<T> | undefined, what: Compared): [T, T] | null {
    if (b === undefined || a === undefined) return null;
    const bs = isSuppressed(b);
    const as = isSuppressed(a);
    if (bs && as) return null;
    if (bs || as) {
      this.suppressed(group, bs ? 'before' : 'after', what);
      return null;
    }
    return [b as T, a as T];
  }

  private stack(): void {
    const b = this.before.stack;
    const a = this.after.stack;
    if (!b || !a) return;
    const shared = a.priorities.filter((p) => b.priorities.includes(p));
    const added = a.priorities.filter((p) => !b.priorities.includes(p));
    const dropped = b.priorities.filter((p) => !a.priorities.includes(p));
    const same = added.length === 0 && dropped.length === 0;
    const n = plain(shared.length);
    if (!same) {
      const changes = [
        ...(added.length > 0 ? [msg('sinceNotes.added', { names: quotedList(added) })] : []),
        ...(dropped.length > 0 ? [msg('sinceNotes.dropped', { names: quotedList(dropped) })] : []),
      ];
      this.warn(
        { kind: 'priorities-differ', added, dropped },
        msg('sinceNotes.prioritiesDiffer', {
          changes: parts(changes),
          before: plain(b.priorities.length),
          after: plain(a.priorities.length),
          shared: n,
        }),
      );
    }
    // W
    const wb = same ? b.concordance.W : sharedW(b, shared);
    const wa = same ? a.concordance.W : sharedW(a, shared);
    if (wb !== wa) {
      const move: Move = {
        kind: 'concordance',
        subject: "The leaders' stacks",
        before: wb,
        after: wa,
        change: wb !== null && wa !== null ? wa - wb : null,
        beyondChance: null,
        beyondChanceReason: NO_INTERVAL_W,
        pBefore: b.concordance.pPermutation,
        pAfter: a.concordance.pPermutation,
        bandBefore: b.concordance.band,
        bandAfter: a.concordance.band,
      };
      this.moves.push(same ? move : ledgerText(move, 'note', msg('sinceNotes.sharedW', { n })));
    }
    // Each leader's divergence, matched by name.
    const db = same ? divergences(b) : sharedDivergences(b, shared);
    const da = same ? divergences(a) : sharedDivergences(a, shared);
    for (const r of a.raters) {
      if (!db.has(r.name)) continue;
      const x = db.get(r.name) ?? null;
      const y = da.get(r.name) ?? null;
      if (x === y) continue;
      const move: Move = {
        kind: 'divergence',
        subject: r.name,
        before: x,
        after: y,
        change: x !== null && y !== null ? y - x : null,
        beyondChance: null,
        beyondChanceReason: NO_INTERVAL_DIVERGENCE,
      };
      this.moves.push(same ? move : ledgerText(move, 'note', msg('sinceNotes.shared', { n })));
    }
  }

  private favourable(subject: string, group: string, b: MaybeSuppressed<GroupStats> | undefined, a: MaybeSuppressed<GroupStats> | undefined): void {
    const both = this.pair(groupNamed(group), b, a, 'figures');
    if (!both) return;
    const [x, y] = both;
    if (x.favourable === y.favourable) return;
    const change = x.favourable !== null && y.favourable !== null ? y.favourable - x.favourable : null;
    const test =
      x.favourableCI && y.favourableCI && change !== null
        ? { beyondChance: !overlap(x.favourableCI, y.favourableCI) }
        : { beyondChance: null, beyondChanceReason: 'a favourable share or its interval is missing on one side' };
    this.moves.push({
      kind: 'favourable',
      subject,
      group,
      before: x.favourable,
      after: y.favourable,
      change,
      ...test,
      ciBefore: x.favourableCI,
      ciAfter: y.favourableCI,
    });
  }

  private survey(): void {
    const b = this.before.survey;
    const a = this.after.survey;
    if (!b || !a) return;
    const dims = new Map(b.dimensions.map((d) => [d.name, d]));
    for (const d of a.dimensions) {
      const was = dims.get(d.name);
      if (!was) continue;
      this.favourable(d.name, 'overall', was.overall, d.overall);
      for (const [key, g] of Object.entries(d.byDepartment)) {
        const old = this.departmentMatch.get(key);
        if (old === undefined) continue;
        this.favourable(d.name, key, was.byDepartment[old], g);
      }
    }
    // Perception gaps: an item's gap matched by the item's id, a dimension's by its name.
    const gapKey = (r: AuditResult) => {
      const idOf = new Map((r.survey?.items ?? []).map((i) => [i.text, i.id]));
      return (g: GapEntry) => ('item' in g ? `item\u0000${idOf.get(g.item) ?? g.item}` : `dimension\u0000${g.dimension}`);
    };
    const kb = gapKey(this.before);
    const ka = gapKey(this.after);
    const gaps = new Map(b.gaps.map((g) => [kb(g), g]));
    for (const g of a.gaps) {
      const was = gaps.get(ka(g));
      if (!was) continue;
      const subject = 'item' in g ? g.item : g.dimension;
      const both = this.pair(gapGroup(subject), was, g, 'gap');
      if (!both) continue;
      const [x, y] = both as [ShownGap, ShownGap];
      if (x.gapPoints === y.gapPoints) continue;
      this.moves.push({
        kind: 'gap',
        subject,
        before: x.gapPoints,
        after: y.gapPoints,
        change: x.gapPoints !== null && y.gapPoints !== null ? y.gapPoints - x.gapPoints : null,
        beyondChance: null,
        beyondChanceReason: NO_INTERVAL_GAP,
        // the shares each gap is the difference of, so a report prints the gaps as its tables do
        sharesBefore: { leaders: x.leaders, others: x.others },
        sharesAfter: { leaders: y.leaders, others: y.others },
        gapFlagPoints: a.gapFlagPoints,
      });
    }
  }

  private recallMove(group: string, b: MaybeSuppressed<RecallGroup> | undefined, a: MaybeSuppressed<RecallGroup> | undefined): void {
    const both = this.pair(groupNamed(group), b, a, 'recall');
    if (!both) return;
    const [x, y] = both;
    if (x.share === y.share) return;
    const ciB = recallInterval(x);
    const ciA = recallInterval(y);
    const change = x.share !== null && y.share !== null ? y.share - x.share : null;
    this.moves.push({
      kind: 'recall',
      subject: 'Strategy recall',
      group,
      before: x.share,
      after: y.share,
      change,
      ...(ciB && ciA && change !== null
        ? { beyondChance: !overlap(ciB, ciA) }
        : { beyondChance: null, beyondChanceReason: 'a recall share is missing on one side' }),
      ciBefore: ciB,
      ciAfter: ciA,
    });
  }

  private recall(): void {
    const b = this.before.recall;
    const a = this.after.recall;
    if (!b || !a) return;
    this.recallMove('overall', b.overall, a.overall);
    for (const [key, g] of Object.entries(a.byDepartment)) {
      const old = this.departmentMatch.get(key);
      if (old === undefined) continue;
      this.recallMove(key, b.byDepartment[old], g);
    }
  }

  private levels(): void {
    const before = new Map(this.before.levels.map((l) => [l.level, l]));
    for (const l of this.after.levels) {
      const was = before.get(l.level);
      if (!was || was.status === l.status) continue;
      const move: Move = {
        kind: 'level',
        subject: l.level,
        before: was.status,
        after: l.status,
        change: null,
        beyondChance: null,
        beyondChanceReason: NOT_A_NUMBER,
      };
      // the level's name in the reader's language; the AuditDiff keeps its key ('strategic')
      const name = `level.${l.level}.name`;
      this.moves.push(has(name) ? withWording(move, { subject: msg(name) }) : move);
    }
  }

  private findings(): PersistingFinding[] {
    const before = new Map(this.before.findings.map((f) => [findingKey(f), f]));
    const after = new Map(this.after.findings.map((f) => [findingKey(f), f]));
    // each title's message, so a report words it in its language: a resolved finding's from the baseline (findingTitles)
    const titleBefore = findingTitles(this.before);
    const titleAfter = findingTitles(this.after);
    const persisting: PersistingFinding[] = [];
    const move = (f: AuditResult['findings'][number], status: 'new' | 'persisting' | 'resolved', b: string | null, a: string | null) =>
      this.moves.push(
        withWording(
          {
            kind: 'finding',
            subject: f.title,
            findingKind: f.kind,
            level: f.level,
            status,
            before: b,
            after: a,
            change: null,
            beyondChance: null,
            beyondChanceReason: NOT_A_NUMBER,
          },
          { subject: status === 'resolved' ? titleBefore(f) : titleAfter(f) },
        ),
      );
    for (const [k, f] of after) {
      const was = before.get(k);
      if (!was) move(f, 'new', null, f.severity);
      else if (was.severity !== f.severity) move(f, 'persisting', was.severity, f.severity);
      else persisting.push({ kind: f.kind, level: f.level, title: f.title, severity: f.severity });
    }
    for (const [k, f] of before) if (!after.has(k)) move(f, 'resolved', f.severity, null);
    return persisting;
  }
}

function side(r: AuditResult): AuditDiff['before'] {
  return {
    schemaVersion: r.schemaVersion,
    generator: `${r.generator.name} ${r.generator.version}`,
    ...(r.title !== undefined ? { title: r.title } : {}),
  };
}

function recallInterval(g: RecallGroup): [number, number] | null {
  if (g.share === null || g.n === 0) return null;
  const k = Math.round(g.share * g.n);
  if (k < 0 || k > g.n) return null;
  return wilsonInterval(k, g.n).value;
}

function divergences(s: StackResult): Map<string, number | null> {
  return new Map(s.raters.map((r) => [r.name, r.divergence]));
}

/** Each rater's ranks over `shared` only, re-ranked 1..K (midranks for ties). */
function sharedMatrix(s: StackResult, shared: readonly string[]): number[][] {
  return s.raters.map((r) => midranks(shared.map((p) => r.ranks[p] ?? Number.POSITIVE_INFINITY)));
}

function sharedW(s: StackResult, shared: readonly string[]): number | null {
  if (shared.length < 2 || s.raters.length < 2) return null;
  const w = kendallW(sharedMatrix(s, shared));
  return w.value === null ? null : w.value.W;
}

/** Each leader's divergence, (1 − Spearman to the other leaders' mean ranks) / 2, over the shared priorities. */
function sharedDivergences(s: StackResult, shared: readonly string[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const matrix = sharedMatrix(s, shared);
  const m = matrix.length;
  s.raters.forEach((r, i) => {
    if (m < 2 || shared.length < 2) {
      out.set(r.name, null);
      return;
    }
    const own = matrix[i]!;
    const others = shared.map((_, j) => matrix.reduce((sum, row, k) => (k === i ? sum : sum + row[j]!), 0) / (m - 1));
    const rho = spearman(own, others);
    out.set(r.name, rho.value === null ? null : (1 - rho.value) / 2);
  });
  return out;
}

/** What moved between `before` (the baseline) and `after`, and why they may not be wholly comparable. */
export function compareAudits(before: AuditResult, after: AuditResult, options: CompareOptions = {}): AuditDiff {
  checkSchema(before, 'before');
  checkSchema(after, 'after');
  return new Comparison(before, after, options.renamed ?? {}).run();
}
