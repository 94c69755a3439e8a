import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { latestSubmission } from '../../src/ingest/rankings.js';
import { parseIsoTimestamp } from '../../src/ingest/timestamps.js';
import { runAlign } from '../helpers/run.js';

const where = { file: 'stacks.csv', column: 'submitted', read: parseIsoTimestamp };

describe('latestSubmission(rows, where)', () => {
  it('keeps every row when the rows carry one submit time, or none', () => {
    const rows = [
      { line: 2, submitted: '2026-03-01T09:00:00Z' },
      { line: 3, submitted: '' },
    ];
    expect(latestSubmission(rows, where)).toEqual({ kept: rows, superseded: [] });
  });

  it('keeps the latest submission and names the line that supersedes the earlier ones, whatever the file order', () => {
    const late = [
      { line: 2, submitted: '2026-03-01T09:30:00Z' },
      { line: 3, submitted: '2026-03-01T09:30:00Z' },
    ];
    const early = [{ line: 7, submitted: '2026-03-01T09:00:00Z' }];
    const result = latestSubmission([...late, ...early], where);
    expect(result.kept).toEqual(late);
    expect(result.superseded).toEqual([{ rows: early, byLine: 2 }]);
  });

  it('stops on a blank time among two, an unreadable time, and one instant written two ways', () => {
    const problem = (rows: { line: number; submitted: string }[]) => {
      try {
        latestSubmission(rows, where);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return `${(e as InputError).line}: ${(e as InputError).problem}`;
      }
      return null;
    };
    expect(
      problem([
        { line: 2, submitted: '2026-03-01T09:00:00Z' },
        { line: 3, submitted: '2026-03-01T10:00:00Z' },
        { line: 4, submitted: ' ' },
      ]),
    ).toMatch(/^4: this row has no submit time/);
    expect(
      problem([
        { line: 2, submitted: '2026-03-01T09:00:00Z' },
        { line: 3, submitted: 'yesterday' },
      ]),
    ).toMatch(/^3: "yesterday" is not a time/);
    expect(
      problem([
        { line: 2, submitted: '2026-03-01T09:00:00Z' },
        { line: 3, submitted: '2026-03-01 09:00:00' },
      ]),
    ).toMatch(/same time written two ways/);
  });
});

describe('align stack on a long file where a respondent submitted twice', () => {
  const csv = [
    'respondent,role,department,submitted,priority,rank',
    'Ada,Executive,Sales,2026-03-01T09:00:00.000Z,Growth,1',
    'Ada,Executive,Sales,2026-03-01T09:00:00.000Z,Cost,2',
    'Ada,Executive,Sales,2026-03-01T09:00:00.000Z,Quality,3',
    'Ben,Executive,Ops,2026-03-01T09:05:00.000Z,Cost,1',
    'Ben,Executive,Ops,2026-03-01T09:05:00.000Z,Growth,2',
    'Ben,Executive,Ops,2026-03-01T09:05:00.000Z,Quality,3',
    'Ada,Executive,Sales,2026-03-01T09:10:00.000Z,Cost,1',
    'Ada,Executive,Sales,2026-03-01T09:10:00.000Z,Quality,2',
    'Ada,Executive,Sales,2026-03-01T09:10:00.000Z,Growth,3',
  ].join('\n');

  it('reads the later stack, lists the earlier rows in the ledger, and computes W over two leaders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-supersede-'));
    const file = join(dir, 'stacks.csv');
    writeFileSync(file, `${csv}\n`);
    const run = await runAlign(['stack', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.stack.raters.map((r: { name: string }) => r.name).sort()).toEqual(['Ada', 'Ben']);
    const ada = result.stack.raters.find((r: { name: string }) => r.name === 'Ada');
    expect(ada.ranks).toEqual({ Growth: 3, Cost: 1, Quality: 2 });
    expect(result.input.excluded.map((e: { line: number; kind: string }) => [e.line, e.kind])).toEqual([
      [2, 'duplicate'],
      [3, 'duplicate'],
      [4, 'duplicate'],
    ]);
    expect(result.input.excluded[0].reason).toMatch(/superseded by the later submission on line 8/);
    // Ben (Growth 2, Cost 1, Quality 3), Ada (3, 1, 2): rank sums 5, 2, 5, mean 4, S = 1 + 4 + 1 = 6;
    // W = 12 S / (m^2 (n^3 - n)) = 72 / (4 * 24) = 0.75 (Kendall and Babington Smith 1939, no ties)
    expect(result.stack.concordance.W).toBeCloseTo(0.75, 9);
  });
});
