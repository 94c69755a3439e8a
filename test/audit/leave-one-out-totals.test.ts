// Property: raterOf's shortcut (the others are the totals minus the leader's own row)
// gives the same spearmanToOthers and largestGaps as the direct leave-one-out:
// test/reference/leave-one-out.ts for rho, and borda() on the others' own matrix for
// othersPosition (ARCHITECTURE.md "Stacks"). Random matrices with ties and partial stacks.
import { describe, expect, it } from 'vitest';
import { analyseStacks } from '../../src/audit/stack.js';
import type { StackResult } from '../../src/audit/types.js';
import { borda } from '../../src/stats/borda.js';
import { compareCodePoints } from '../../src/stats/code-point-order.js';
import { seededRandom } from '../../src/stats/random.js';
import { completeStack } from '../../src/stats/ranks.js';
import { spearmanToOthers } from '../reference/leave-one-out.js';
import { aDataset } from './builders.js';

describe('raterOf (totals minus own row) = direct leave-one-out', () => {
  it('on 300 random matrices with ties, partial stacks and repeated rows', () => {
    const random = seededRandom(2024);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    for (let trial = 0; trial < 300; trial++) {
      const n = int(2, 8);
      const m = int(2, 9);
      const names = Array.from({ length: n }, (_, i) => `P${i + 1}`);
      const b = aDataset().withoutRoleColumn();
      const explicits: Array<Array<number | null>> = [];
      const pool: Array<Array<[string, number]>> = [];
      for (let r = 0; r < m; r++) {
        let stack: Array<[string, number]>;
        if (pool.length > 0 && random() < 0.25) {
          stack = pool[int(0, pool.length - 1)]!; // a repeated row makes equal rank sums likely
        } else {
          const order = [...names].sort(() => random() - 0.5);
          const k = int(1, n); // partial stacks
          // ranks drawn small so that ties (two priorities, one rank) are common
          stack = order.slice(0, k).map((p, i) => [p, random() < 0.3 ? Math.max(1, i) : i + 1]);
        }
        pool.push(stack);
        b.withLeader(`L${r}`, null, stack);
      }
      const dataset = b.build();
      // every name in this trial's stacks is a priority; unranked ones are null
      const keys = dataset.priorities.map((p) => p.key);
      const nameAt = dataset.priorities.map((p) => p.name);
      for (const respondent of dataset.respondents) {
        const explicit = new Array<number | null>(keys.length).fill(null);
        for (const e of respondent.stack) explicit[keys.indexOf(e.priority)] = e.rank;
        explicits.push(explicit);
      }
      const result = analyseStacks(dataset, { isLeader: () => true, minGroup: 5, rboP: 0.9, permutations: 10, seed: 1 });
      expect('stack' in result).toBe(true);
      const stack = (result as { stack: StackResult }).stack;
      const matrix = explicits.map((e) => completeStack(e).completed);
      matrix.forEach((own, li) => {
        const rater = stack.raters[li]!;
        const rho = spearmanToOthers(matrix, li);
        if (rho.value === null) expect(rater.spearmanToOthers).toBeNull();
        else expect(Math.abs(rater.spearmanToOthers! - rho.value)).toBeLessThan(1e-9);
        const rest = matrix.filter((_, j) => j !== li);
        const position = new Array<number>(keys.length);
        borda(rest, keys).order.forEach((i, pos) => {
          position[i] = pos + 1;
        });
        const gaps = nameAt
          .map((priority, i) => ({ priority, rank: own[i]!, othersPosition: position[i]!, key: keys[i]! }))
          .filter((g) => g.rank !== g.othersPosition)
          .sort((a, c) => Math.abs(c.rank - c.othersPosition) - Math.abs(a.rank - a.othersPosition) || compareCodePoints(a.key, c.key))
          .slice(0, 3)
          .map(({ priority, rank, othersPosition }) => ({ priority, rank, othersPosition }));
        // the others cancelling out (their mean ranks all equal) order nothing: no gap to name (QA 16, item 11)
        const means = keys.map((_, i) => rest.reduce((sum, row) => sum + row[i]!, 0) / rest.length);
        const tied = means.every((x) => x === means[0]);
        expect(rater.largestGaps).toEqual(tied ? [] : gaps);
      });
    }
  });
});
