/**
 * Builders for AuditResult values in render tests (STYLE.md habit 12).
 *
 *   anAuditResult()
 *     .withPriorities(['Growth', 'Cost', 'Hiring', 'Quality'])
 *     .withLeaders('Ann Lee', { name: 'Bo Chen', department: 'Sales', stack: ['Cost', 'Growth'] })
 *     .withSuppressedDepartment('Finance')
 *     .build();
 *
 * The builder fills in plausible statistics from the stacks so the renderers
 * have a consistent value to show (completed ranks, Borda order, a simple
 * Spearman). These are render fixtures, not reference values: the statistics
 * are tested in test/stats against R and scipy. Anything can be overridden
 * (`withConcordance`, `withRater`, `withPair`, …) to put a null, a band or a
 * distinctive number where a test needs it.
 */
import type {
  AuditResult,
  CascadeEntry,
  Concordance,
  ConsensusEntry,
  DepartmentStack,
  Finding,
  InputBlock,
  LevelEntry,
  OwnershipEntry,
  Pair,
  Rater,
  RecallResult,
  StackResult,
} from '../../src/audit/types.js';

export interface LeaderSpec {
  name: string;
  department?: string | null;
  /** Explicit stack, most important first; may be a top-k of the priorities. Default: a rotation. */
  stack?: string[];
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function sampleSd(xs: number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

function pearson(a: number[], b: number[]): number | null {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}

function midranks(xs: number[]): number[] {
  return xs.map((x) => {
    const below = xs.filter((y) => y < x).length;
    const equal = xs.filter((y) => y === x).length;
    return below + (equal + 1) / 2;
  });
}

export class AuditResultBuilder {
  private priorities: string[] = ['Grow revenue', 'Cut costs', 'Hire engineers', 'Improve quality', 'Expand abroad', 'Launch product'];
  private leaders: LeaderSpec[] = [];
  private concordance: Partial<Concordance> = {};
  private raterOverrides = new Map<string, Partial<Rater>>();
  private pairOverrides: Array<{ a: string; b: string; patch: Partial<Pair> }> = [];
  private consensusOverrides = new Map<string, Partial<ConsensusEntry>>();
  private stackPatch: Partial<StackResult> = {};
  private departments: DepartmentStack[] = [];
  private cascade: CascadeEntry[] = [];
  private findings: Finding[] = [];
  private input: Partial<InputBlock> = {};
  private minGroup = 5;
  private noStack: string | null = null;
  private levels: LevelEntry[] = [];
  private ownership: OwnershipEntry[] = [];
  private recall: RecallResult | null = null;
  private recallReason: string | undefined;

  withPriorities(names: string[]): this {
    this.priorities = [...names];
    return this;
  }

  withLeaders(...leaders: Array<string | LeaderSpec>): this {
    for (const l of leaders) this.leaders.push(typeof l === 'string' ? { name: l } : l);
    return this;
  }

  withLeader(name: string, stack?: string[], department: string | null = null): this {
    return this.withLeaders({ name, stack, department });
  }

  withConcordance(patch: Partial<Concordance>): this {
    this.concordance = { ...this.concordance, ...patch };
    return this;
  }

  withRater(name: string, patch: Partial<Rater>): this {
    this.raterOverrides.set(name, { ...this.raterOverrides.get(name), ...patch });
    return this;
  }

  withPair(a: string, b: string, patch: Partial<Pair>): this {
    this.pairOverrides.push({ a, b, patch });
    return this;
  }

  withConsensus(priority: string, patch: Partial<ConsensusEntry>): this {
    this.consensusOverrides.set(priority, { ...this.consensusOverrides.get(priority), ...patch });
    return this;
  }

  withStack(patch: Partial<StackResult>): this {
    this.stackPatch = { ...this.stackPatch, ...patch };
    return this;
  }

  withDepartment(d: Partial<Extract<DepartmentStack, { n: number }>> & { department: string; n: number }): this {
    const full: Extract<DepartmentStack, { n: number }> = {
      W: 0.5,
      spearmanToLeadership: 0.4,
      meanRanks: Object.fromEntries(this.priorities.map((p, i) => [p, i + 1])),
      consensusOrder: [...this.priorities],
      ...d,
    };
    this.departments.push(full);
    return this;
  }

  withSuppressedDepartment(department: string): this {
    this.departments.push({ department, suppressed: true });
    return this;
  }

  withCascade(entry: CascadeEntry): this {
    this.cascade.push(entry);
    return this;
  }

  withFindings(...findings: Finding[]): this {
    this.findings.push(...findings);
    return this;
  }

  withInput(patch: Partial<InputBlock>): this {
    this.input = { ...this.input, ...patch };
    return this;
  }

  withMinGroup(n: number): this {
    this.minGroup = n;
    return this;
  }

  /** `levels[]` as given (the audit puts them in order strategic, communication, decision). */
  withLevels(...levels: LevelEntry[]): this {
    this.levels.push(...levels);
    return this;
  }

  /**
   * One `ownership[]` entry; `question` defaults to the decision, `n` to 20,
   * `unsure` to 0, `byDepartment` to none.
   */
  withOwnership(entry: Partial<OwnershipEntry> & Pick<OwnershipEntry, 'decision' | 'owners' | 'verdict'>): this {
    this.ownership.push({ question: entry.decision, contestedShare: 0.25, n: 20, unsure: 0, other: 0, byDepartment: {}, ...entry } as OwnershipEntry);
    return this;
  }

  /** `recall`; `needed` defaults to three (or all, for fewer official priorities), `source` to 'stack'. */
  withRecall(recall: Partial<RecallResult> & Pick<RecallResult, 'official' | 'overall'>): this {
    this.recall = { needed: Math.min(3, recall.official.length), source: 'stack', byDepartment: {}, byLevel: {}, ...recall };
    return this;
  }

  /** No official list: `recall` null with the audit's reason. */
  withoutRecall(reason: string): this {
    this.recall = null;
    this.recallReason = reason;
    return this;
  }

  withoutStack(reason: string): this {
    this.noStack = reason;
    return this;
  }

  build(): AuditResult {
    const input: InputBlock = {
      files: [{ path: 'stacks.csv', format: 'generic', encoding: 'utf-8', bom: false, delimiter: ',', rows: this.leaders.length }],
      respondents: this.leaders.length,
      excluded: [],
      notes: [],
      ...this.input,
    };
    const base = {
      schemaVersion: 1,
      generator: { name: 'align' as const, version: '0.0.0-test' },
      input,
      cascade: this.cascade,
      survey: null,
      ownership: this.ownership,
      recall: this.recall,
      ...(this.recallReason !== undefined ? { recallReason: this.recallReason } : {}),
      levels: this.levels,
      findings: this.findings,
    };
    if (this.noStack !== null) return { ...base, stack: null, stackReason: this.noStack };

    const P = this.priorities;
    const N = P.length;
    const leaders = this.leaders.length > 0 ? this.leaders : [{ name: 'Ann Lee' }, { name: 'Bo Chen' }, { name: 'Cy Diaz' }];
    // Completed ranks: explicit positions, unranked share (k+1+N)/2.
    const stacks = leaders.map((l, i) => l.stack ?? [...P.slice(i % N), ...P.slice(0, i % N)]);
    const completed = stacks.map((s) => {
      const k = s.length;
      return P.map((p) => {
        const at = s.indexOf(p);
        return at >= 0 ? at + 1 : (k + 1 + N) / 2;
      });
    });
    const m = leaders.length;
    const meanRanks = P.map((_, j) => mean(completed.map((c) => c[j] as number)));
    const firstPlaces = P.map((_, j) => completed.filter((c) => c[j] === Math.min(...c)).length);
    const order = P.map((p, j) => ({ p, j }))
      .sort(
        (a, b) =>
          (meanRanks[a.j] as number) - (meanRanks[b.j] as number) || (firstPlaces[b.j] as number) - (firstPlaces[a.j] as number) || (a.p < b.p ? -1 : 1),
      )
      .map((x) => x.j);
    const bottom = N - Math.ceil(N / 3);
    const consensus: ConsensusEntry[] = order.map((j, pos) => {
      const explicit = stacks.map((s) => (s.includes(P[j] as string) ? s.indexOf(P[j] as string) + 1 : null));
      const top = explicit.filter((r) => r !== null && r <= 3).length;
      const low = explicit.some((r) => r === null || r > bottom);
      const sd = sampleSd(completed.map((c) => c[j] as number));
      return {
        priority: P[j] as string,
        position: pos + 1,
        meanRank: meanRanks[j] as number,
        sd,
        ...(sd === null ? { sdReason: 'only one leader ranked' } : {}),
        top3Share: top / m,
        unanimous: top === m,
        contested: top > 0 && low,
        firstPlaces: firstPlaces[j] as number,
        ...this.consensusOverrides.get(P[j] as string),
      };
    });
    const bordaOrder = consensus.map((c) => c.priority);

    const raters: Rater[] = leaders.map((l, i) => {
      const mine = completed[i] as number[];
      const others = completed.filter((_, k) => k !== i);
      const othersMean = P.map((_, j) => mean(others.map((c) => c[j] as number)));
      const othersOrder = P.map((p, j) => ({ p, j }))
        .sort((a, b) => (othersMean[a.j] as number) - (othersMean[b.j] as number) || (a.p < b.p ? -1 : 1))
        .map((x) => x.p);
      const rho = others.length === 0 ? null : pearson(mine, midranks(othersMean));
      const gaps = P.map((p, j) => ({ priority: p, rank: mine[j] as number, othersPosition: othersOrder.indexOf(p) + 1 }))
        .sort((a, b) => Math.abs(b.rank - b.othersPosition) - Math.abs(a.rank - a.othersPosition) || (a.priority < b.priority ? -1 : 1))
        .slice(0, 3);
      return {
        name: l.name,
        department: l.department ?? null,
        ranked: (stacks[i] as string[]).length,
        ranks: Object.fromEntries(P.map((p, j) => [p, mine[j] as number])),
        spearmanToOthers: rho,
        ...(rho === null ? { spearmanToOthersReason: 'fewer than two leaders' } : {}),
        divergence: rho === null ? null : (1 - rho) / 2,
        ...(rho === null ? { divergenceReason: 'fewer than two leaders' } : {}),
        largestGaps: others.length === 0 ? [] : gaps,
        ...this.raterOverrides.get(l.name),
      };
    });

    const pairs: Pair[] = [];
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        const rho = pearson(completed[a] as number[], completed[b] as number[]);
        const pair: Pair = {
          a: leaders[a]?.name as string,
          b: leaders[b]?.name as string,
          spearman: rho,
          kendallTauB: rho === null ? null : rho * 0.8,
          rbo: 0.7,
        };
        for (const o of this.pairOverrides) {
          if ((o.a === pair.a && o.b === pair.b) || (o.a === pair.b && o.b === pair.a)) Object.assign(pair, o.patch);
        }
        pairs.push(pair);
      }
    }

    const concordance: Concordance = {
      W: 0.3,
      chiSquare: m * (N - 1) * 0.3,
      df: N - 1,
      p: 0.19,
      pPermutation: 0.21,
      permutations: 10000,
      seed: 42,
      raters: m,
      band: 'fair',
      bandSource: "Landis and Koch (1977), as R's effectsize applies it to W",
      ...this.concordance,
    };

    const stack: StackResult = {
      priorities: P,
      leaders: leaders.map((l) => l.name),
      concordance,
      consensus,
      copeland: bordaOrder.map((p, i) => ({ priority: p, position: i + 1, score: N - 1 - i })),
      kemeny: { order: bordaOrder, optimalOrders: 1, cost: 10 },
      methodsAgreeTop3: true,
      raters,
      pairs,
      departments: this.departments,
      rboP: 0.9,
      minGroup: this.minGroup,
      ...this.stackPatch,
    };
    return { ...base, stack };
  }
}

export function anAuditResult(): AuditResultBuilder {
  return new AuditResultBuilder();
}
