// Kemeny consensus by exact dynamic programming over subsets, checked against brute force.
// Reference: Kemeny (1959); https://en.wikipedia.org/wiki/Kemeny%E2%80%93Young_method ; Held-Karp subset DP,
// https://en.wikipedia.org/wiki/Held%E2%80%93Karp_algorithm ; ARCHITECTURE.md "Stacks".
import { describe, expect, it } from 'vitest';
import { borda } from '../../src/stats/borda.js';
import { compareCodePoints } from '../../src/stats/code-point-order.js';
import { KEMENY_MAX_ITEMS, type KemenyResult, kemeny } from '../../src/stats/kemeny.js';
import { seededRandom } from '../../src/stats/random.js';
import { completeStack } from '../../src/stats/ranks.js';

function permutations(n: number): number[][] {
  const out: number[][] = [];
  const go = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) out.push(prefix);
    rest.forEach((x, i) => {
      go([...prefix, x], [...rest.slice(0, i), ...rest.slice(i + 1)]);
    });
  };
  go(
    [],
    Array.from({ length: n }, (_, i) => i),
  );
  return out;
}

/** Independent brute force: every order, its cost from the definition, then the documented tie-breaks. */
function bruteForce(matrix: number[][], bordaOrder: number[], keys: string[]): KemenyResult {
  const n = keys.length;
  const position = new Array<number>(n);
  bordaOrder.forEach((item, pos) => {
    position[item] = pos;
  });
  let best: { order: number[]; cost2: number; distance: number } | null = null;
  let count = 0;
  for (const order of permutations(n)) {
    let cost2 = 0; // doubled: a rater preferring the later item costs 2, a rater tying them 1
    let distance = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const i = order[a] as number;
        const j = order[b] as number;
        for (const row of matrix) {
          if ((row[j] as number) < (row[i] as number)) cost2 += 2;
          else if (row[j] === row[i]) cost2 += 1;
        }
        if ((position[j] as number) < (position[i] as number)) distance++;
      }
    }
    const keyOrder = (o: number[]): string[] => o.map((i) => keys[i] as string);
    const lexLess = (x: number[], y: number[]): boolean => {
      const kx = keyOrder(x);
      const ky = keyOrder(y);
      for (let i = 0; i < n; i++) {
        const c = compareCodePoints(kx[i] as string, ky[i] as string);
        if (c !== 0) return c < 0;
      }
      return false;
    };
    if (best === null || cost2 < best.cost2) {
      best = { order, cost2, distance };
      count = 1;
    } else if (cost2 === best.cost2) {
      count++;
      if (distance < best.distance || (distance === best.distance && lexLess(order, best.order))) best = { order, cost2, distance };
    }
  }
  return { order: best?.order ?? [], optimalOrders: count, cost: (best?.cost2 ?? 0) / 2 };
}

const CYCLE = [
  [1, 2, 3],
  [2, 3, 1],
  [3, 1, 2],
];

describe('kemeny(matrix, bordaOrder, keys)', () => {
  it("kemeny(Condorcet cycle, [0, 1, 2], ['a', 'b', 'c']) -> order [0, 1, 2], 3 optimal orders, cost 4 (hand)", () => {
    // hand: a<b costs 1 (rater 2), a<c costs 2 (raters 2, 3), b<c costs 1 (rater 3): abc = 4; likewise bca and
    // cab; the reversed rotations acb, bac, cba cost 5. Among the three, abc is the Borda order (distance 0).
    expect(kemeny(CYCLE, [0, 1, 2], ['a', 'b', 'c'])).toEqual({ order: [0, 1, 2], optimalOrders: 3, cost: 4 });
    // hand: with Borda order c, a, b the optimal rotation at distance 0 is cab
    expect(kemeny(CYCLE, [2, 0, 1], ['a', 'b', 'c'])?.order).toEqual([2, 0, 1]);
  });

  it("kemeny([[1, 2], [1.5, 1.5]], [0, 1], ['a', 'b']) -> a first, cost 0.5 (hand: a tied pair costs ½ either way)", () => {
    expect(
      kemeny(
        [
          [1, 2],
          [1.5, 1.5],
        ],
        [0, 1],
        ['a', 'b'],
      ),
    ).toEqual({ order: [0, 1], optimalOrders: 1, cost: 0.5 });
  });

  it('kemeny(unanimous raters) -> their order, one optimal order, cost 0 (hand)', () => {
    const row = [3, 1, 4, 2, 5];
    expect(kemeny([row, row, row], [1, 3, 0, 2, 4], ['a', 'b', 'c', 'd', 'e'])).toEqual({
      order: [1, 3, 0, 2, 4],
      optimalOrders: 1,
      cost: 0,
    });
  });

  it('kemeny(every rater ties everything) -> N! optimal orders at cost m·N(N-1)/4; the Borda order is returned (hand)', () => {
    const tied = [
      [3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3],
    ];
    // hand: 10 pairs x 2 raters x ½ = 10; 5! = 120
    expect(kemeny(tied, [4, 2, 0, 1, 3], ['a', 'b', 'c', 'd', 'e'])).toEqual({ order: [4, 2, 0, 1, 3], optimalOrders: 120, cost: 10 });
  });

  it('kemeny among optimal orders at the same distance to Borda picks the smallest sequence of keys (hand)', () => {
    // hand: for the cycle the optimal orders are abc, bca, cab; against the order a, c, b their Kendall
    // distances are 1, 3 and 1, so abc and cab tie and the keys decide: a < c, but with a renamed z, c < z
    expect(kemeny(CYCLE, [0, 2, 1], ['a', 'b', 'c'])).toEqual({ order: [0, 1, 2], optimalOrders: 3, cost: 4 });
    expect(kemeny(CYCLE, [0, 2, 1], ['z', 'b', 'c'])?.order).toEqual([2, 0, 1]);
  });

  it('kemeny = brute force over all N! orders (order, cost, optimalOrders) for 300 random matrices with N <= 7', () => {
    const random = seededRandom(2010);
    const alphabet = ['delta', 'alpha', 'Echo', 'charlie', 'bravo', 'éclair', 'foxtrot'];
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(random() * 7);
      const m = 1 + Math.floor(random() * 6);
      const matrix = Array.from({ length: m }, () => {
        const explicit = Array.from({ length: n }, () => (random() < 0.25 ? null : 1 + Math.floor(random() * n)));
        return completeStack(explicit).completed;
      });
      const keys = [...alphabet].sort(() => random() - 0.5).slice(0, n);
      const bordaOrder = borda(matrix, keys).order;
      // half the time test against a random reference order, not Borda's, to exercise the distance rule
      const reference = random() < 0.5 ? bordaOrder : [...bordaOrder].sort(() => random() - 0.5);
      expect(kemeny(matrix, reference, keys), JSON.stringify({ matrix, reference, keys })).toEqual(bruteForce(matrix, reference, keys));
    }
  });

  it('kemeny(N = 0) -> empty order, one optimal order, cost 0', () => {
    expect(kemeny([[]], [], [])).toEqual({ order: [], optimalOrders: 1, cost: 0 });
  });

  it(`kemeny(N = KEMENY_MAX_ITEMS = ${KEMENY_MAX_ITEMS}) gives an order of every item; N = KEMENY_MAX_ITEMS + 1 -> null (its time: npm run bench)`, () => {
    expect(KEMENY_MAX_ITEMS).toBeGreaterThanOrEqual(12);
    const random = seededRandom(16);
    const make = (n: number): number[][] => Array.from({ length: 7 }, () => Array.from({ length: n }, (_, i) => i + 1).sort(() => random() - 0.5));
    const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const n = KEMENY_MAX_ITEMS;
    const r = kemeny(
      make(n),
      keys(n).map((_, i) => i),
      keys(n),
    );
    expect(r?.order.length).toBe(n);
    expect(
      kemeny(
        make(n + 1),
        keys(n + 1).map((_, i) => i),
        keys(n + 1),
      ),
    ).toBeNull();
  });

  it('kemeny throws on no raters, ragged rows, a bad Borda order and duplicate keys', () => {
    expect(() => kemeny([], [0], ['a'])).toThrow(/at least one rater/);
    expect(() => kemeny([[1, 2]], [0], ['a'])).toThrow(/rectangular/);
    expect(() => kemeny([[1, 2]], [1, 1], ['a', 'b'])).toThrow(/permutation/);
    expect(() => kemeny([[1, 2]], [0, 1], ['a', 'a'])).toThrow(/distinct keys/);
  });
});
