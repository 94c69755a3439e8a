// Issue 7, point 10: many distinct priorities must not exhaust memory (20,000
// respondents each writing their own priority took 4.2 GB and a native crash).
// The N priorities are the options, else what some leader ranked; more than
// 500 is exit 2 saying how many and what to do. Inputs are generated here and
// bounded so that each case runs in a few seconds.
import { afterAll, describe, expect, it } from 'vitest';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const folder = tempFolder();
afterAll(() => folder.remove());

const P = ['Grow revenue', 'Cut costs', 'Hire engineers', 'Enter Asia', 'Build the platform', 'Improve service'];

describe('many distinct priorities', () => {
  it("20,000 team members each writing in their own priority: N is the leaders' 6, and the write-ins are notes", async () => {
    const rows = ['name,role,department,stack'];
    rows.push(`Ana,Executive,Sales,${P.join(' > ')}`, `Bo,Executive,Ops,${[...P].reverse().join(' > ')}`);
    for (let i = 0; i < 20_000; i++) rows.push(`Member ${i},Manager,Dept ${i % 40},Idea number ${i} > ${P[i % 6]}`);
    const file = folder.write('write-ins.csv', rows.join('\n') + '\n');
    const run = await runAlign(['stack', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.stack.priorities).toHaveLength(6);
    expect(result.stack.departments).toHaveLength(40);
    // every write-in is noted, none quoted in the ledger of a hidden group; here the 40 groups of 500 are shown
    expect(result.input.notes.filter((n: { note: string }) => n.note.includes('write-in'))).toHaveLength(20_000);
  }, 30_000);

  it('the same file without a role column (everyone a leader): exit 2 with how many priorities and what to do', async () => {
    const rows = ['name,department,stack'];
    for (let i = 0; i < 20_000; i++) rows.push(`Member ${i},Dept ${i % 40},Idea number ${i} > ${P[i % 6]}`);
    const file = folder.write('write-ins-no-role.csv', rows.join('\n') + '\n');
    const run = await runAlign(['stack', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^align: .*write-ins-no-role\.csv: the respondents ranked \(no role column, so everyone counts as a leader\) 20,006 distinct priorities; align compares at most 500; add a role column/,
    );
    expect(run.stderr.split('\n')).toHaveLength(2);
  }, 30_000);

  it('a long file with 200,000 distinct priorities: exit 2', async () => {
    const rows = ['respondent,name,priority,rank'];
    for (let i = 0; i < 200_000; i++) rows.push(`R${i % 4},Person ${i % 4},Priority ${i},${Math.floor(i / 4) + 1}`);
    const file = folder.write('long-200k.csv', rows.join('\n') + '\n');
    const run = await runAlign(['stack', file]);
    expect(run.stderr).toMatch(/200,000 distinct priorities; align compares at most 500/);
    expect(run.code).toBe(2);
  }, 30_000);
});
