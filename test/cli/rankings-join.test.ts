// `align audit survey --rankings stacks`: stacks joined to the survey's respondents by
// id, else email, else name (ARCHITECTURE.md, "Who and what is read"). Expected values:
// northwind.expected.json (independent numpy/scipy computation from the canonical files).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORTS } from '../helpers/read.js';
import { ROOT, runAlign } from '../helpers/run.js';

const expected = JSON.parse(readFileSync(join(EXPORTS, 'northwind.expected.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'align-join-'));

describe('align audit --rankings', () => {
  it('joins a long stacks file to a Microsoft Forms export by name, accents and case aside', async () => {
    // the stacks file spells names in capitals and without accents; the survey has them right
    const long = readFileSync(join(EXPORTS, 'northwind-rankings-long.csv'), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line, i) => {
        if (i === 0) return line;
        const cells = line.split(',');
        cells[1] = cells[1]!.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
        return cells.join(',');
      });
    long.push('NW99,Nobody Here,Executive,Sales,Expand to EU,1', 'NW99,Nobody Here,Executive,Sales,Improve retention,2');
    const stacks = join(dir, 'stacks.csv');
    writeFileSync(stacks, long.join('\n'));
    const run = await runAlign(['audit', join(EXPORTS, 'microsoft-forms.csv'), '--rankings', stacks, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(a.input.files.map((f: { format: string }) => f.format)).toEqual(['microsoft-forms', 'generic']);
    expect(a.input.respondents).toBe(30);
    expect(Math.abs(a.stack.concordance.W - expected.stack.concordance.W)).toBeLessThanOrEqual(1e-9);
    expect(a.stack.raters.map((r: { name: string }) => r.name).sort()).toEqual(expected.stack.raters.map((r: { name: string }) => r.name).sort());
    // the unmatched stack is accounted for, not used
    // both of its rows
    const reason = 'stack not used: it matches no survey respondent by respondent id, email or name';
    expect(a.input.excluded).toEqual([
      { file: stacks, line: 242, reason, kind: 'other' },
      { file: stacks, line: 243, reason, kind: 'other' },
    ]);
    expect(a.input.notes.map((n: { note: string }) => n.note)).toContain(
      `the survey's own ranking question is not used: the stacks come from ${stacks} (--rankings)`,
    );
  });

  it('never overwrites the --rankings file, even with --force', async () => {
    const stacks = join(dir, 'kept.csv');
    const before = readFileSync(join(EXPORTS, 'northwind-rankings-long.csv'), 'utf8');
    writeFileSync(stacks, before);
    const run = await runAlign(['audit', join(EXPORTS, 'microsoft-forms.csv'), '--rankings', stacks, '-o', stacks, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is one of the input files; align never overwrites its inputs/);
    expect(readFileSync(stacks, 'utf8')).toBe(before);
  });

  it('refuses the same file as responses and --rankings', async () => {
    const f = join(EXPORTS, 'northwind-rankings-long.csv');
    const run = await runAlign(['audit', f, '--rankings', f]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is given both as a response file and as --rankings/);
  });
});

describe('align audit --rankings: ids that are not the survey tool ids', () => {
  it('does not trust an id match the names contradict, and says so', async () => {
    // stacks numbered 1..30 in their own order, with the right names; LimeSurvey ids are 1..30 too
    const stacks = join(ROOT, 'test/fixtures/ugly/stacks-local-ids.csv');
    const run = await runAlign(['audit', join(EXPORTS, 'limesurvey-fulltext.csv'), '--rankings', stacks, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(Math.abs(a.stack.concordance.W - expected.stack.concordance.W)).toBeLessThanOrEqual(1e-9);
    expect(a.input.notes.map((n: { note: string }) => n.note).join('\n')).toMatch(
      /stacks have a respondent id that belongs to a survey respondent of another name; matched by the next rule instead/,
    );
  });

  it('stops when no stack matches anyone', async () => {
    const run = await runAlign(['audit', join(EXPORTS, 'google-forms.csv'), '--rankings', join(ROOT, 'test/fixtures/rankings/aw-leaders-managers.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/aw-leaders-managers\.csv: none of its 27 stacks matches a survey respondent by respondent id, email or name/);
  });
});
