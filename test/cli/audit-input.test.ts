// `align audit` on inputs that cannot make a report: one line, exit 2, nothing written.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAlign } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'align-audit-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const STACKS =
  'respondent,name,role,department,priority,rank\nR1,Ana,Executive,X,Growth,1\nR1,Ana,Executive,X,Cost,2\nR2,Bo,Executive,Y,Cost,1\nR2,Bo,Executive,Y,Growth,2\n';

describe('align audit refuses what cannot make a report', () => {
  it('the same file twice, however it is spelled', async () => {
    const p = file('s.csv', STACKS);
    const again = `${dir}/./s.csv`;
    const run = await runAlign(['audit', p, again]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`align: ${again} is given twice (also as ${p}); name each file once\n`);
  });

  it('a header with no data rows', async () => {
    const p = file('header.csv', 'respondent,name,role,department,priority,rank\n');
    const out = join(dir, 'header-report.md');
    const run = await runAlign(['audit', p, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/header\.csv: has no data rows, only a header; run align inspect/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.align-tmp'))).toEqual([]);
  });
});

describe('notes about who counts as a leader', () => {
  it('says so when a file without a role column makes many leaders, and when --leaders cannot apply', async () => {
    const rows = ['name,stack'];
    for (let i = 0; i < 20; i++) rows.push(`Person ${i},${i % 2 ? 'A;B;C' : 'C;B;A'}`);
    const p = file('norole.csv', `${rows.join('\n')}\n`);
    const run = await runAlign(['audit', p, '--format', 'json', '--leaders', 'Manager']);
    expect(run.code, run.stderr).toBe(0);
    const notes = JSON.parse(run.stdout).input.notes.map((n: { note: string }) => n.note);
    expect(notes).toContain('no role column, so all 20 respondents count as leaders; if the file has one, name it in align.yml (columns: {<header>: role})');
    expect(notes).toContain('leader roles "Manager" were given, but the input has no role column, so everyone counts as a leader');
  });

  it('leaves out the pairwise list for more leaders than a list can show, with the reason', async () => {
    const rows = ['name,stack'];
    for (let i = 0; i < 61; i++) rows.push(`Person ${i},${['A;B;C', 'C;B;A', 'B;A;C'][i % 3]}`);
    const run = await runAlign(['stack', file('many.csv', `${rows.join('\n')}\n`), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const stack = JSON.parse(run.stdout).stack;
    expect(stack.pairs).toEqual([]);
    expect(stack.pairsReason).toBe('61 leaders make 1,830 pairs, more than a pairwise list can show (it stops at 60 leaders)');
    expect(stack.raters).toHaveLength(61);
  });
});

describe('a report for more leaders than tables can show', () => {
  it('leaves out the side-by-side and pairwise tables with the reason, and lists the most divergent', async () => {
    const rows = ['name,stack'];
    for (let i = 0; i < 61; i++) rows.push(`Person ${i},${['A;B;C', 'C;B;A', 'B;A;C'][i % 3]}`);
    const run = await runAlign(['audit', file('many-md.csv', `${rows.join('\n')}\n`)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('With 61 leaders the side-by-side table would be too wide to read');
    expect(run.stdout).toContain('Not listed: 61 leaders make 1,830 pairs, more than a pairwise list can show (it stops at 60 leaders).');
    expect(run.stdout).toContain('…and 51 more leaders, less divergent than these');
    expect(run.stdout).not.toMatch(/\| Person 0 \| Person 1 \|/);
  });
});

describe('align stack on a header with no data rows', () => {
  it('says there are no data rows, not that a ranking is missing', async () => {
    const run = await runAlign(['stack', file('header-stack.csv', 'respondent,name,role,department,priority,rank\n')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/header-stack\.csv: has no data rows, only a header/);
  });
});

describe('the report summarises excluded rows by reason (issue 13)', () => {
  // Two waves of one survey: everyone of wave 1 answered again in wave 2, so wave 1's 40 rows are duplicates,
  // each replaced by its own line of wave 2. Five leaders, two departments of 20: every group is shown.
  const people = Array.from({ length: 40 }, (_, i) => ({
    name: `Person ${i}`,
    email: `p${i}@example.com`,
    role: i < 5 ? 'Executive' : 'Manager',
    department: i % 2 === 0 ? 'Sales' : 'Care',
  }));
  const wave = (shift: number) =>
    `name,email,role,department,Q1,Q2,Q3\n${people.map((p, i) => [p.name, p.email, p.role, p.department, ((i + shift) % 5) + 1, ((i + 1) % 5) + 1, ((i + 2) % 5) + 1].join(',')).join('\n')}\n`;

  it('40 duplicates are one row with their count and five lines in Markdown and HTML; the JSON lists all 40', async () => {
    const w1 = file('wave-1.csv', wave(0));
    const w2 = file('wave-2.csv', wave(1));
    const md = await runAlign(['audit', w1, w2]);
    expect(md.code).toBe(0);
    const rows = md.stdout.split('\n').filter((l) => l.includes('replaced by a later submission'));
    expect(rows).toEqual([`| ${w1} | duplicate: replaced by a later submission | 40 | 2-41 |`]);
    const html = await runAlign(['audit', w1, w2, '--format', 'html']);
    expect(html.stdout.match(/replaced by a later submission/g)).toHaveLength(1);
    const json = JSON.parse((await runAlign(['audit', w1, w2, '--format', 'json'])).stdout);
    expect(json.input.excluded).toHaveLength(40);
    expect(new Set(json.input.excluded.map((e: { reason: string }) => e.reason)).size).toBe(40); // each names the line that replaced it
  });
});
