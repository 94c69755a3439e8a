// align init: the folder it writes, and that what it writes works with align audit.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTION_BANK } from '../../src/audit/question-bank.js';
import { configSchema, parseConfig } from '../../src/ingest/config.js';
import { runAlign } from '../helpers/run.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'align-init-'));

/** The lines of a block of survey-questions.txt: those after `title` and its underline, up to the next blank line. */
function block(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start, title).toBeGreaterThan(0);
  const out: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.trim() !== ''; i++) out.push(lines[i]!);
  return out;
}

/** A CSV cell, quoted. */
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe('align init <dir>', () => {
  it('writes align.yml, survey-questions.txt, stacks.csv and README.md; refuses a non-empty folder without --force', async () => {
    const dir = join(fresh(), 'acme');
    const run = await runAlign(['init', dir]);
    expect(run.stderr).toMatch(/^align: wrote align\.yml, survey-questions\.txt, stacks\.csv, README\.md to /);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'align.yml', 'stacks.csv', 'survey-questions.txt']);
    expect(readFileSync(join(dir, 'stacks.csv'), 'utf8')).toBe('respondent,role,department,submitted,priority,rank\n');
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/## Confidentiality/);
    expect(readme).toMatch(/at least\s+5 people/);

    const again = await runAlign(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty; name a new folder, or pass --force/);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect((await runAlign(['init', dir, '--force', '--quiet'])).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine'); // --force replaces only its own files
  });

  it('--force never replaces collected stacks or an edited align.yml: names them and writes nothing (QA 16, item 8)', async () => {
    const dir = join(fresh(), 'eng');
    expect((await runAlign(['init', dir, '--quiet'])).code).toBe(0);
    const stacks = 'respondent,role,department,submitted,priority,rank\nAda,Executive,,2026-03-01T09:00:00.000Z,Growth,1\n';
    writeFileSync(join(dir, 'stacks.csv'), stacks);
    const yml = `${readFileSync(join(dir, 'align.yml'), 'utf8')}# our edit\n`;
    writeFileSync(join(dir, 'align.yml'), yml);
    const run = await runAlign(['init', dir, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already holds align\.yml, stacks\.csv with content of their own .* which --force does not replace/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(dir, 'stacks.csv'), 'utf8')).toBe(stacks);
    expect(readFileSync(join(dir, 'align.yml'), 'utf8')).toBe(yml);
  });

  it('a folder whose parent does not exist or is not a folder: exit 2, at once (no recursive mkdir: it spins under /proc)', async () => {
    const run = await runAlign(['init', join(fresh(), 'no', 'such')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does not exist or is not a folder; create it first/);
    const proc = await runAlign(['init', '/proc/align-init-test']);
    expect(proc.code).toBe(2);
  });

  it('align.yml names every key of the config schema, the defaults active, and every commented example is valid', async () => {
    const dir = fresh();
    expect((await runAlign(['init', dir, '--quiet'])).code).toBe(0);
    const yml = readFileSync(join(dir, 'align.yml'), 'utf8');
    const keys = Object.keys(configSchema.shape);
    for (const key of keys) expect(yml, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    expect(parseConfig(yml, 'align.yml')).toEqual({ leaders: ['Executive'], minGroup: 5 });
    // uncomment the examples (a key's line and the indented lines under it): still a valid align.yml
    const examples = yml
      .split('\n')
      .map((l) => (new RegExp(`^# (${keys.join('|')}):`).test(l) || /^# {3}/.test(l) ? l.slice(2) : l))
      .join('\n');
    const config = parseConfig(examples, 'align.yml');
    expect(Object.keys(config).sort()).toEqual([...keys].sort());
  });

  it('a survey built from survey-questions.txt is read by align audit with and without the config, every bank item recognised', async () => {
    const dir = fresh();
    expect((await runAlign(['init', dir, '--quiet'])).code).toBe(0);
    const text = readFileSync(join(dir, 'survey-questions.txt'), 'utf8');
    const statements = block(text, 'STATEMENTS');
    const scale = block(text, 'ANSWER SCALE');
    expect(statements).toEqual(QUESTION_BANK.map((b) => b.text));
    expect(scale).toHaveLength(5);
    // 2 executives and 6 people in each of two departments, answers cycling through the scale
    const rows = [['Role', 'Department', ...statements].map(q).join(',')];
    const people: Array<[string, string]> = [
      ['Executive', 'Sales'],
      ['Executive', 'Operations'],
      ...Array.from({ length: 12 }, (_, i): [string, string] => ['Manager', i < 6 ? 'Sales' : 'Operations']),
    ];
    people.forEach(([role, department], p) => {
      rows.push([role, department, ...statements.map((_, i) => scale[(p + i) % 5]!)].map(q).join(','));
    });
    writeFileSync(join(dir, 'survey.csv'), `${rows.join('\n')}\n`);
    for (const withConfig of [false, true]) {
      const args = ['audit', join(dir, 'survey.csv'), '--format', 'json', ...(withConfig ? ['--config', join(dir, 'align.yml')] : [])];
      const run = await runAlign(args, { cwd: join(dir, '..') });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const items = JSON.parse(run.stdout).survey.items as Array<{ text: string; bankId: string | null; dimension: string | null; points: number }>;
      expect(items.map((i) => [i.text, i.bankId, i.dimension, i.points])).toEqual(QUESTION_BANK.map((b) => [b.text, b.id, b.dimension, 5]));
    }
  });

  it('the steps connect: a survey with the Name question joins the stacks sheet by --rankings, as the suggested command says (QA 16, item 12)', async () => {
    const dir = fresh();
    expect((await runAlign(['init', dir, '--quiet'])).code).toBe(0);
    const text = readFileSync(join(dir, 'survey-questions.txt'), 'utf8');
    const asked = block(text, 'RESPONDENT QUESTIONS').filter((l) => !l.startsWith(' '));
    expect(asked).toEqual(['Name', 'Email', 'Role', 'Department']);
    expect(text).toMatch(/align audit responses\.csv --rankings stacks\.csv --config align\.yml/);
    const statements = block(text, 'STATEMENTS');
    const scale = block(text, 'ANSWER SCALE');
    const rows = [[...asked, ...statements].map(q).join(',')];
    const people: Array<[string, string, string]> = [
      ['Ada Okafor', 'Executive', 'Sales'],
      ['Ben Adu', 'Executive', 'Operations'],
      ...Array.from({ length: 12 }, (_, i): [string, string, string] => ['', 'Manager', i < 6 ? 'Sales' : 'Operations']),
    ];
    people.forEach(([name, role, department], p) => {
      rows.push([name, '', role, department, ...statements.map((_, i) => scale[(p + i) % 5]!)].map(q).join(','));
    });
    writeFileSync(join(dir, 'responses.csv'), `${rows.join('\n')}\n`);
    writeFileSync(
      join(dir, 'stacks.csv'),
      [
        'respondent,role,department,submitted,priority,rank',
        'Ada Okafor,Executive,Sales,2026-03-01T09:00:00.000Z,Growth,1',
        'Ada Okafor,Executive,Sales,2026-03-01T09:00:00.000Z,Margin,2',
        'Ben Adu,Executive,Operations,2026-03-01T09:05:00.000Z,Margin,1',
        'Ben Adu,Executive,Operations,2026-03-01T09:05:00.000Z,Growth,2',
        '',
      ].join('\n'),
    );
    const at = (f: string) => join(dir, f);
    const run = await runAlign(['audit', at('responses.csv'), '--rankings', at('stacks.csv'), '--config', at('align.yml'), '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.stack.raters.map((r: { name: string }) => r.name).sort()).toEqual(['Ada Okafor', 'Ben Adu']);
  });
});
