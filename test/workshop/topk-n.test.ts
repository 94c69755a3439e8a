// QA 16, item 9: in a top-k sheet, a priority no leader picked is still one of the N:
// the blank-rank rows list it (README, "the file itself says what N is").
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runAlign } from '../helpers/run.js';

const FIXTURE = join(ROOT, 'test/fixtures/workshop/topk-unpicked.csv');

describe('align stack on a top-2 sheet where nobody picked Delta', () => {
  it('counts Delta in N (6 priorities), at the bottom of the consensus, tied for every leader', async () => {
    const run = await runAlign(['stack', FIXTURE, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { stack } = JSON.parse(run.stdout);
    expect(stack.priorities).toHaveLength(6);
    expect(stack.priorities).toContain('Delta');
    const delta = stack.consensus.find((c: { priority: string }) => c.priority === 'Delta');
    expect(delta.position).toBe(6);
    expect(delta.meanRank).toBe(4.5); // unranked in a top 2 of 6: the mean of ranks 3..6
    expect(delta.top3Share).toBe(0);
  });
});
