// The survey decides what an item's answerers may be shown from their head-counts per cell
// (groups.ts Population.decideFor), where it once split the answerers again person by person
// (populationOf over them). The two must agree on every decision for any population and any
// part of it: which departments and levels are hidden, the remainders, whether everyone and
// the leaders' gap are shown. Random org charts with small groups, where suppression and the
// cross-split protection do the most. Seeded and bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decision, type Population, populationOf } from '../../src/audit/groups.js';
import type { Respondent } from '../../src/ingest/types.js';

const OPTIONS = { seed: 20261129, numRuns: 400 };
const DEPARTMENTS = ['Sales', 'Ops', 'Finance', 'R&D', null] as const;
const ROLES = ['Executive', 'Director', 'Manager', 'Staff', null] as const;

function person(i: number, role: string | null, department: string | null): Respondent {
  return { toolId: null, name: null, email: null, role, department, file: 'f.csv', line: i + 2, submitted: null, likert: {}, stack: [] };
}

const people = fc
  .array(fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...DEPARTMENTS), fc.boolean()), { minLength: 1, maxLength: 70 })
  .map((rows) => rows.map(([role, department, answered], i) => ({ r: person(i, role, department), answered })));

/** What a decision says, in a form two decisions can be compared in. */
function said(d: Decision | Population): unknown {
  const split = (s: { hidden: Set<string>; remainder: number }) => ({ hidden: [...s.hidden].sort(), remainder: s.remainder });
  return { departments: split(d.departments), levels: split(d.levels), overallShown: d.overallShown, leadersShown: d.leadersShown };
}

describe('a part of a population decided from its counts per cell', () => {
  it.each([3, 5])('agrees with the part split again person by person (threshold %i)', (minGroup) => {
    fc.assert(
      fc.property(people, fc.boolean(), (rows, hasRoles) => {
        const isLeader = (r: Respondent) => r.role === 'Executive';
        const all = rows.map((x) => x.r);
        const population = populationOf(all, isLeader, hasRoles, minGroup);
        const part = rows.filter((x) => x.answered).map((x) => x.r);
        const weights = new Array<number>(population.cells.length).fill(0);
        const at = new Map(all.map((r, p) => [r, p]));
        for (const r of part) weights[population.cellIndex[at.get(r)!]!]!++;
        expect(said(population.decideFor(weights))).toEqual(said(populationOf(part, isLeader, hasRoles, minGroup)));
      }),
      OPTIONS,
    );
  });

  it('the whole population decided from its own counts is the population', () => {
    fc.assert(
      fc.property(people, (rows) => {
        const population = populationOf(
          rows.map((x) => x.r),
          (r) => r.role === 'Executive',
          true,
          5,
        );
        expect(said(population.decideFor(population.cells.map((c) => c.weight)))).toEqual(said(population));
      }),
      OPTIONS,
    );
  });
});
