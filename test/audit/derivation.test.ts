/**
 * No hidden group can be worked out by subtraction (ARCHITECTURE.md,
 * "Anonymity"), checked by brute force on what an audit shows: every set of
 * people whose figures are shown (everyone, each department and level shown,
 * each split's remainder, which everyone minus the split's groups shown gives,
 * and the leaders and everyone else when the leader-versus-team gap shows
 * them), then every shown set minus up to three disjoint shown sets inside it.
 * No such difference may hold 1 to minGroup - 1 people. Run on the QA case
 * (the Interns of two departments, worked out from the levels' remainder minus
 * the leaders) and on 200 seeded random small organisations, for the survey,
 * strategy recall and decision ownership (each splits its own answerers).
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

/** What the survey, recall and ownership show, each over its own people, as derivations found. */
function leaks(dataset: Dataset, audit: AuditResult): string[] {
  const out: string[] = [];
  const survey = audit.survey!;
  const item = survey.items[0]!;
  const takers = dataset.respondents;
  out.push(
    ...derivations(
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
    out.push(...derivations(sets, MIN_GROUP).map((d) => `recall: ${d}`));
  }
  for (const o of audit.ownership) {
    const answered = takers.filter((r) => r.ownership?.[DECISION] !== undefined);
    // ownership has no levels: its departments and everyone who answered
    const sets = shownSets(answered, { overall: o.verdictReason === undefined, departments: shownNames(o.byDepartment as Groups), levels: [], gap: false });
    out.push(
      ...derivations(
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

  test("the gap is suppressed (its leaders would be the levels' remainder less the Interns) and a department is hidden, so everyone minus the departments is not the leaders", () => {
    const s = result.survey!;
    expect(s.gaps[0]).toEqual({ item: ITEM, suppressed: true });
    expect(shownNames(s.items[0]!.byDepartment as Groups)).toHaveLength(1);
    expect(s.departmentsRemainder).toBe(26);
    // nothing else given up: Manager and Individual Contributor still shown
    expect(shownNames(s.items[0]!.byLevel as Groups)).toEqual(['Individual Contributor', 'Manager']);
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

test('200 seeded random small organisations: no hidden group can be derived by subtraction', () => {
  const random = seededRandom(20240611);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const roles = ['Executive', 'Manager', 'Individual Contributor', 'Intern'];
  for (let run = 0; run < 200; run++) {
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
