/**
 * No hidden group can be worked out from what an audit shows (ARCHITECTURE.md,
 * "Anonymity"), checked two ways on the sets of people whose figures are
 * shown (everyone, each department and level shown, each split's remainder,
 * which everyone minus the split's groups shown gives, and the leaders and
 * everyone else when the leader-versus-team gap shows them):
 * - by brute force on differences: every shown set minus up to three disjoint
 *   shown sets inside it;
 * - by linear algebra, independently of src/audit/groups.ts (which works on a
 *   bipartite graph's cycles): the shown sets' 0/1 vectors over people, row
 *   reduced with exact BigInt fractions; every union of atoms (people no shown
 *   set tells apart) of 1 to minGroup - 1 people is tested for lying in their
 *   rational span (any sum and difference of shown sets, e.g. D0 + D1 − Manager).
 * No such set may hold 1 to minGroup - 1 people. Run on the QA cases and on
 * 300 seeded random small organisations, for the survey, strategy recall and
 * decision ownership (each splits its own answerers).
 */
import { describe, expect, test } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import type { Dataset, Respondent } from '../../src/ingest/types.js';
import { seededRandom } from '../../src/stats/random.js';
import { aDataset } from './builders.js';

const MIN_GROUP = 5;
const ITEM = 'I know the priorities';
const DECISION = 'Who decides pricing';

type Groups = Record<string, { suppressed?: true }>;
const shownNames = (groups: Groups | undefined) => Object.keys(groups ?? {}).filter((k) => !groups![k]!.suppressed);

/** The sets of people whose figures a reader has, as bit masks over `people`. */
function shownSets(
  people: readonly Respondent[],
  parts: { overall: boolean; departments: string[]; levels: string[]; gap: boolean },
): Array<{ what: string; mask: bigint }> {
  const maskOf = (keep: (r: Respondent) => boolean) => people.reduce((m, r, i) => (keep(r) ? m | (1n << BigInt(i)) : m), 0n);
  const isLeader = (r: Respondent) => r.role === 'Executive';
  const all = maskOf(() => true);
  const sets: Array<{ what: string; mask: bigint }> = [];
  if (!parts.overall) return sets;
  sets.push({ what: 'everyone', mask: all });
  const departments = parts.departments.map((d) => ({ what: `department ${d}`, mask: maskOf((r) => !isLeader(r) && r.department === d) }));
  const levels = parts.levels.map((l) => ({ what: `level ${l}`, mask: maskOf((r) => r.role === l) }));
  for (const [split, groups] of [
    ['departments', departments],
    ['levels', levels],
  ] as const) {
    sets.push(...groups);
    const rest = all & ~groups.reduce((m, g) => m | g.mask, 0n);
    if (rest !== 0n) sets.push({ what: `${split}' remainder`, mask: rest });
  }
  if (parts.gap) {
    const leaders = maskOf(isLeader);
    sets.push({ what: 'leaders', mask: leaders }, { what: 'others', mask: all & ~leaders });
  }
  return sets.filter((s) => s.mask !== 0n);
}

const count = (mask: bigint) => {
  let n = 0;
  for (let m = mask; m !== 0n; m >>= 1n) if (m & 1n) n++;
  return n;
};

/** Every shown set minus a disjoint union of up to three shown sets inside it that leaves 1..minGroup-1 people. */
function derivations(sets: ReadonlyArray<{ what: string; mask: bigint }>, minGroup: number): string[] {
  const found: string[] = [];
  for (const s of sets) {
    const n = count(s.mask);
    if (n > 0 && n < minGroup) found.push(`${s.what} (${n})`);
  }
  for (const outer of sets) {
    const inside = sets.filter((s) => s.mask !== outer.mask && (s.mask & outer.mask) === s.mask);
    const walk = (from: number, left: bigint, used: string[]) => {
      if (used.length > 0) {
        const n = count(left);
        if (n > 0 && n < minGroup) found.push(`${outer.what} − ${used.join(' − ')} = ${n}`);
      }
      if (used.length === 3) return;
      for (let i = from; i < inside.length; i++) {
        if ((inside[i]!.mask & left) === inside[i]!.mask) walk(i + 1, left & ~inside[i]!.mask, [...used, inside[i]!.what]);
      }
    };
    walk(0, outer.mask, []);
  }
  return found;
}

/** An exact fraction n/d, d > 0. */
type Fraction = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const fraction = (n: bigint, d: bigint): Fraction => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? [-n / g, -d / g] : [n / g, d / g];
};
const minus = (a: Fraction, b: Fraction): Fraction => fraction(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const times = (a: Fraction, b: Fraction): Fraction => fraction(a[0] * b[0], a[1] * b[1]);
const over = (a: Fraction, b: Fraction): Fraction => fraction(a[0] * b[1], a[1] * b[0]);

/** The rank of 0/1 rows, by Gaussian elimination over the rationals. */
function rank(rows: ReadonlyArray<readonly number[]>): number {
  const m: Fraction[][] = rows.map((row) => row.map((v): Fraction => [BigInt(v), 1n]));
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c]![0] === 0n) continue;
      const f = over(m[i]![c]!, m[r]![c]!);
      m[i] = m[i]!.map((v, j) => minus(v, times(f, m[r]![j]!)));
    }
    r++;
  }
  return r;
}

/** Every union of atoms of 1..minGroup-1 people that lies in the rational span of the shown sets. */
function spanLeaks(people: readonly Respondent[], sets: ReadonlyArray<{ what: string; mask: bigint }>, minGroup: number): string[] {
  if (sets.length === 0) return [];
  // atoms: people in exactly the same shown sets
  const atoms = new Map<string, number[]>();
  people.forEach((_, i) => {
    const key = sets.map((s) => ((s.mask >> BigInt(i)) & 1n ? '1' : '0')).join('');
    const list = atoms.get(key);
    if (list) list.push(i);
    else atoms.set(key, [i]);
  });
  const keys = [...atoms.keys()];
  const rows = sets.map((_, r) => keys.map((k) => Number(k[r])));
  const base = rank(rows);
  const small = keys.map((k, a) => ({ a, n: atoms.get(k)!.length })).filter((x) => x.n < minGroup);
  const found: string[] = [];
  const walk = (from: number, chosen: number[], n: number) => {
    if (chosen.length > 0) {
      const vector = keys.map((_, a) => (chosen.includes(a) ? 1 : 0));
      if (rank([...rows, vector]) === base) {
        const who = chosen.map(
          (a) =>
            sets
              .filter((_, r) => keys[a]![r] === '1')
              .map((s) => s.what)
              .join(' ∩ ') || 'in no shown set',
        );
        found.push(`{${who.join(' | ')}} = ${n}`);
      }
    }
    for (let i = from; i < small.length; i++) {
      if (n + small[i]!.n < minGroup) walk(i + 1, [...chosen, small[i]!.a], n + small[i]!.n);
    }
  };
  walk(0, [], 0);
  return found;
}

/** Both checks: differences of shown sets, and the span. */
const allLeaks = (people: readonly Respondent[], sets: ReadonlyArray<{ what: string; mask: bigint }>, minGroup: number) => [
  ...derivations(sets, minGroup),
  ...spanLeaks(people, sets, minGroup).map((d) => `span ${d}`),
];

/** What the survey, recall and ownership show, each over its own people, as derivations found. */
function leaks(dataset: Dataset, audit: AuditResult): string[] {
  const out: string[] = [];
  const survey = audit.survey!;
  const item = survey.items[0]!;
  const takers = dataset.respondents;
  out.push(
    ...allLeaks(
      takers,
      shownSets(takers, {
        overall: !('suppressed' in item.overall),
        departments: shownNames(item.byDepartment as Groups),
        levels: shownNames(item.byLevel as Groups),
        gap: !('suppressed' in survey.gaps[0]!),
      }),
      MIN_GROUP,
    ).map((d) => `survey: ${d}`),
  );
  if (audit.recall) {
    const scored = takers.filter((r) => r.recall !== undefined);
    const sets = shownSets(scored, {
      overall: !('suppressed' in audit.recall.overall),
      departments: shownNames(audit.recall.byDepartment as Groups),
      levels: shownNames(audit.recall.byLevel as Groups),
      gap: false,
    });
    out.push(...allLeaks(scored, sets, MIN_GROUP).map((d) => `recall: ${d}`));
  }
  for (const o of audit.ownership) {
    const answered = takers.filter((r) => r.ownership?.[DECISION] !== undefined);
    // ownership has no levels: its departments and everyone who answered
    const sets = shownSets(answered, { overall: o.verdictReason === undefined, departments: shownNames(o.byDepartment as Groups), levels: [], gap: false });
    out.push(
      ...allLeaks(
        answered,
        sets.filter((s) => s.what !== "levels' remainder"),
        MIN_GROUP,
      ).map((d) => `ownership: ${d}`),
    );
  }
  return out;
}

type Cell = [department: string, role: string, count: number];

function organisation(
  cells: readonly Cell[],
  answersRecall: (i: number) => boolean = () => false,
  answersOwnership: (i: number) => boolean = () => false,
): Dataset {
  const b = aDataset().withItem(ITEM);
  let i = 0;
  for (const [department, role, n] of cells) {
    b.withAnswering(
      n,
      department,
      () => {
        const k = i++;
        return {
          likert: { [ITEM]: 1 + ((k * 7) % 5) },
          ...(answersRecall(k) ? { recall: k % 2 === 0 ? 'Grow, Cut, Spain' : 'Grow' } : {}),
          ...(answersOwnership(k) ? { ownership: { [DECISION]: k % 3 === 0 ? 'Ana' : 'Ben' } } : {}),
        };
      },
      ['Grow', 'Cut', 'Spain'],
      role,
    );
  }
  return b.build();
}

const audit = (dataset: Dataset) => buildAudit(dataset, { version: 'test', permutations: 10, minGroup: MIN_GROUP, official: ['Grow', 'Cut', 'Spain'] });

describe('the QA case: D0 + D1 − Manager gives D0’s Director and D1’s Analyst (2 people), not a nested difference', () => {
  const cells: Cell[] = [
    ['D0', 'Manager', 5],
    ['D0', 'Director', 1],
    ['D1', 'Manager', 4],
    ['D1', 'Analyst', 1],
    ['D2', 'Executive', 5],
    ['D2', 'Director', 5],
    ['D2', 'Analyst', 5],
  ];

  test('the checker sees the leak when all three departments, the four levels and the gap are shown', () => {
    const dataset = organisation(cells);
    const sets = shownSets(dataset.respondents, {
      overall: true,
      departments: ['D0', 'D1', 'D2'],
      levels: ['Analyst', 'Director', 'Executive', 'Manager'],
      gap: true,
    });
    expect(spanLeaks(dataset.respondents, sets, MIN_GROUP)).toEqual([
      '{everyone ∩ department D0 ∩ level Director ∩ others | everyone ∩ department D1 ∩ level Analyst ∩ others} = 2',
    ]);
  });

  test('survey: nothing small is derivable', () => {
    const dataset = organisation(cells);
    expect(leaks(dataset, audit(dataset))).toEqual([]);
  });

  test('recall (everyone scored) and ownership: nothing small is derivable', () => {
    const dataset = organisation(
      cells,
      () => true,
      () => true,
    );
    const result = audit(dataset);
    expect(result.recall).toBeDefined();
    expect(leaks(dataset, result)).toEqual([]);
  });
});

describe('the QA case: two Interns worked out from the levels’ remainder minus the leaders', () => {
  const cells: Cell[] = [
    ['Sales', 'Executive', 1],
    ['Sales', 'Manager', 10],
    ['Sales', 'Individual Contributor', 10],
    ['Sales', 'Intern', 1],
    ['Ops', 'Executive', 1],
    ['Ops', 'Manager', 10],
    ['Ops', 'Individual Contributor', 10],
    ['Ops', 'Intern', 1],
    ['Exec Office', 'Executive', 3],
  ];
  const dataset = organisation(
    cells,
    () => true,
    () => true,
  );
  const result = audit(dataset);

  test('no hidden group can be derived, in the survey, recall or ownership', () => {
    expect(leaks(dataset, result)).toEqual([]);
  });

  test('the Interns (Sales + Ops − Manager − Individual Contributor, the gap not needed) are broken by hiding the smaller of the large levels: the gap and both departments stay shown', () => {
    const s = result.survey!;
    expect('suppressed' in s.gaps[0]!).toBe(false);
    expect(shownNames(s.items[0]!.byDepartment as Groups)).toEqual(['Ops', 'Sales']);
    expect(s.departmentsRemainder).toBe(0);
    expect(shownNames(s.items[0]!.byLevel as Groups)).toEqual(['Manager']);
  });

  test('the checker sees the leak the old rule left (shown: both departments, both large levels, the gap)', () => {
    const sets = shownSets(dataset.respondents, {
      overall: true,
      departments: ['Ops', 'Sales'],
      levels: ['Individual Contributor', 'Manager'],
      gap: true,
    });
    expect(derivations(sets, MIN_GROUP)).toContain("levels' remainder − leaders = 2");
  });
});

test('300 seeded random small organisations: no set of 1..minGroup-1 people is in the span of what is shown', () => {
  const random = seededRandom(20240611);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const roles = ['Executive', 'Manager', 'Individual Contributor', 'Intern'];
  for (let run = 0; run < 300; run++) {
    const departments = Array.from({ length: int(2, 5) }, (_, d) => `Dept ${String.fromCharCode(65 + d)}`);
    const used = roles.slice(0, int(2, 4));
    const cells: Cell[] = departments.flatMap((d) => used.map((role): Cell => [d, role, int(0, 12)]));
    const recallShare = random();
    const ownershipShare = random();
    const dataset = organisation(
      cells,
      (k) => ((k * 2654435761) % 1000) / 1000 < recallShare,
      (k) => ((k * 40503) % 1000) / 1000 < ownershipShare,
    );
    if (!dataset.respondents.some((r) => r.role === 'Executive')) continue;
    const found = leaks(dataset, audit(dataset));
    expect(found, `run ${run}: ${JSON.stringify(cells)}`).toEqual([]);
  }
});

describe('a role column of free-text job titles: thousands of small levels crossing the departments', () => {
  // 2,000 titles of 5 people, each person of a title in another department: the search for a small
  // derivable set runs out of its budget (groups.ts MAX_PROTECTION_WORK) instead of hiding one title
  // per search for minutes (a hostile-scale QA case: 5,000 titles took more than 150 s); then the
  // levels are hidden whole, with the gap, and one partition is shown
  const cells: Cell[] = [['Exec Office', 'Executive', 6]];
  for (let t = 0; t < 2000; t++) for (let j = 0; j < 5; j++) cells.push([`D${(t * 7 + j * 5) % 12}`, `Title ${t}`, 1]);
  const dataset = organisation(cells);
  const result = audit(dataset);
  const item = result.survey!.items[0]!;

  // without the budget this audit takes some 110 s here and still shows 1,995 titles; with it, a few seconds
  test('the levels are hidden whole, the Executives too, and the gap with them; the departments show, each at least the threshold', () => {
    expect(shownNames(item.byLevel as Groups)).toEqual([]);
    expect(result.survey!.gaps.map((g) => 'suppressed' in g && g.suppressed)).toEqual([true]);
    const departments = shownNames(item.byDepartment as Groups);
    // all but the smallest: with the gap hidden, the departments' remainder must not be exactly the leaders
    expect(departments).toHaveLength(11);
    for (const d of departments) expect((item.byDepartment as Record<string, { n: number }>)[d]!.n).toBeGreaterThanOrEqual(MIN_GROUP);
  });

  test('nothing small is derivable from what is shown', () => {
    const sets = shownSets(dataset.respondents, { overall: true, departments: shownNames(item.byDepartment as Groups), levels: [], gap: false });
    expect(spanLeaks(dataset.respondents, sets, MIN_GROUP)).toEqual([]);
  });
});
