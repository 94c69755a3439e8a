// The QA pass on issue 14 from the command line: what the user sees and the exit code, on its case
// files (test/fixtures/qa14): ranks in other languages read, an unreadable ranking and a pair of numbers
// stop with exit 2, the "no role column" note on a small survey, and inspect's rows fitting the terminal.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const QA = fileURLToPath(new URL('../fixtures/qa14', import.meta.url));
const folder = tempFolder();
afterAll(() => folder.remove());

describe('align on the QA case files of issue 14', () => {
  it('audit reads a ranking labelled 1re, 2e… (exit 0) with the same stacks as 1st, 2nd…', async () => {
    const french = await runAlign(['audit', join(QA, 'gf-ord-fr-re.csv'), '--format', 'json']);
    const english = await runAlign(['audit', join(QA, 'gf-ord-en-choice.csv'), '--format', 'json']);
    expect(french.code).toBe(0);
    const stack = (s: string) => JSON.parse(s).stack;
    expect(stack(french.stdout).priorities).toHaveLength(8);
    expect(stack(french.stdout)).toEqual(stack(english.stdout));
  });

  it('audit stops (exit 2) on a ranking question whose labels it cannot read, naming them', async () => {
    const path = folder.write(
      'unread.csv',
      ['Name,Role,Rank these [Grow],Rank these [Cut],Rank these [Hire]', 'Ann,Executive,1a,2a,3a', 'Bob,Executive,2a,1a,3a'].join('\n'),
    );
    const run = await runAlign(['audit', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unread\.csv:2:"Rank these \[Grow\]": "Rank these" asks for a ranking, but its 3 columns hold "1a", "2a", "3a"/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a sheet of "x,y / 1,2" is no stacks file: audit exits 2', async () => {
    const run = await runAlign(['audit', folder.write('xy.csv', 'x,y\n1,2\n')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('audit of a 12-row plain survey with no role column says everyone counts as a leader', async () => {
    const path = folder.write(
      'norole.csv',
      ['ID,Q1,Q2,Q3', ...Array.from({ length: 12 }, (_, i) => `R${i},${(i % 5) + 1},${((i + 1) % 5) + 1},${((i + 2) % 5) + 1}`)].join('\n'),
    );
    const run = await runAlign(['audit', path, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).input.notes.map((n: { note: string }) => n.note)).toContain(
      'no role column, so all 12 respondents count as leaders; if the file has one, name it in align.yml (columns: {<header>: role})',
    );
  });

  it('inspect on a terminal keeps every row within its width and shows headers whole', async () => {
    const rows = Array.from(
      { length: 6 },
      (_, i) => `R${i},Person ${i},${i < 2 ? 'Executive' : 'Manager'},Ops,${i % 2 ? 'Rouge' : 'Bleu'},${(i % 5) + 1},${((i + 1) % 5) + 1},${((i + 2) % 5) + 1}`,
    );
    const path = folder.write('wide-reasons.csv', ['ID,Prénom et nom,Niveau hiérarchique,Département,Couleur,Q1,Q2,Q3', ...rows].join('\n'));
    const run = await runAlign(['inspect', path], { tty: true });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(120);
    expect(run.stdout).toMatch(/Prénom et nom\s+name\s/);
    expect(run.stdout).toMatch(/Niveau hiérarchique\s+role\s/);
  });
});
