// align collect and align stack --reveal without a terminal, and the checks
// made before any prompt: each is exit 2 with one line naming what to do.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runAlign } from '../helpers/run.js';

const FIXTURE = join(ROOT, 'test/fixtures/workshop/stacks.csv');
const fresh = () => mkdtempSync(join(tmpdir(), 'align-collect-cli-'));

async function stops(args: string[], message: RegExp): Promise<void> {
  const run = await runAlign(args);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

describe('without a terminal', () => {
  it('align collect stops, naming the blank sheet and align stack', async () => {
    await stops(
      ['collect', join(fresh(), 'stacks.csv'), '--priority', 'Growth', '--priority', 'Margin'],
      /^align: align collect needs a person at the keyboard, and standard input is not a terminal; .*align collect --blank-sheet stacks\.csv.*align stack stacks\.csv$/m,
    );
  });

  it('align stack --reveal stops, naming align stack without --reveal', async () => {
    await stops(['stack', FIXTURE, '--reveal'], /standard input is not a terminal; print the whole view with align stack .*stacks\.csv \(without --reveal\)/);
  });
});

describe('align collect: what is refused before any prompt', () => {
  it('--anonymize on align stack without --reveal; --reveal with --json', async () => {
    await stops(['stack', FIXTURE, '--anonymize'], /--anonymize hides the names in the reveal; add --reveal/);
    await stops(['stack', FIXTURE, '--reveal', '--json'], /use one of the two/);
  });

  it('fewer than two priorities, a priority twice, a formula start, both --priority and --priorities', async () => {
    const file = join(fresh(), 's.csv');
    await stops(['collect', file, '--priority', 'Growth'], /at least two priorities, and one was given/);
    await stops(['collect', file, '--priority', 'Growth', '--priority', 'growth!'], /"growth!" is the same priority as "Growth"/);
    await stops(['collect', file, '--priority', 'Growth', '--priority', '=SUM(A1)'], /starts with =, \+, - or @/);
    await stops(['collect', file, '--priority', 'A', '--priorities', 'p.txt'], /either with --priority .* or with --priorities <file>, not both/);
  });

  it("a sheet with another header; priorities that are not the sheet's; a top-k sheet carried on without --top", async () => {
    const dir = fresh();
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'name,priority,rank\nAda,Growth,1\n');
    await stops(
      ['collect', other],
      /is not a stacks sheet align collect can add to \(its first line should read respondent,role,department,submitted,priority,rank\)/,
    );
    const sheet = join(dir, 'sheet.csv');
    writeFileSync(sheet, readFileSync(FIXTURE));
    await stops(['collect', sheet, '--priority', 'Cut costs', '--priority', 'Margin'], /"Margin" is not among them/);
    await stops(['collect', sheet], /holds top-3 stacks \(3 of 4 priorities ranked\); pass --top 3 to carry on alike, or --top 4/);
    // another k would mix two sizes of top k (QA 16, Low); a full ranking (--top 4 of 4) is a choice the message offers
    await stops(['collect', sheet, '--top', '2'], /holds top-3 stacks \(3 of 4 priorities ranked\); pass --top 3 to carry on alike/);
    await stops(['collect', sheet, '--top', '4'], /standard input is not a terminal/);
    // with --top, the checks pass and only the terminal is missing
    await stops(['collect', sheet, '--top', '3'], /standard input is not a terminal/);
  });
});

describe('align collect: the language (issue 15), checked before any prompt', () => {
  it('--lang names a language align writes; an align.yml in the current folder that does not read stops before the terminal is asked for', async () => {
    const dir = fresh();
    const file = join(dir, 's.csv');
    await stops(['collect', file, '--priority', 'A', '--priority', 'B', '--lang', 'es'], /--lang "es" is not a language align writes; use en, fr, de/);
    writeFileSync(join(dir, 'align.yml'), 'language: es\n');
    const run = await runAlign(['collect', file, '--priority', 'A', '--priority', 'B'], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/align\.yml/);
    expect(run.stderr).not.toMatch(/terminal/);
    // a language align.yml names is taken; here only the terminal is missing (the error itself stays in English)
    writeFileSync(join(dir, 'align.yml'), 'language: fr\n');
    const fr = await runAlign(['collect', file, '--priority', 'A', '--priority', 'B'], { cwd: dir });
    expect(fr.code, fr.stderr).toBe(2);
    expect(fr.stderr).toMatch(/^align: align collect needs a person at the keyboard, and standard input is not a terminal/);
  });

  it('--help lists --lang', async () => {
    const run = await runAlign(['collect', '--help']);
    expect(run.stdout).toMatch(/--lang <language>\s+the reader's language of the prompts, the room's\s+messages and the reveal: en, fr, de/);
  });
});

describe('align collect --blank-sheet <file>', () => {
  it('writes the header alone, refuses to replace a file without --force, and align stack reads the filled sheet', async () => {
    const file = join(fresh(), 'blank.csv');
    const run = await runAlign(['collect', '--blank-sheet', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^align: wrote an empty stacks sheet to /);
    expect(readFileSync(file, 'utf8')).toBe('respondent,role,department,submitted,priority,rank\n');
    await stops(['collect', '--blank-sheet', file], /already exists; pass --force to replace it, or name a new file/);
    expect((await runAlign(['collect', '--blank-sheet', file, '--force', '--quiet'])).code).toBe(0);
    // filled by hand as the README says: no submitted times needed
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}Ada,Executive,Sales,,Growth,1\nAda,Executive,Sales,,Margin,2\nBen,Executive,Ops,,Margin,1\nBen,Executive,Ops,,Growth,2\n`,
    );
    const read = await runAlign(['stack', file, '--json']);
    expect(read.code).toBe(0);
    // two leaders in opposite orders over two priorities: W = 0 (rank sums 3 and 3)
    expect(JSON.parse(read.stdout).stack.concordance.W).toBeCloseTo(0, 9);
  });

  it('--blank-sheet with a sheet to collect into is refused', async () => {
    await stops(['collect', 'a.csv', '--blank-sheet', 'b.csv'], /give either a sheet to collect into or --blank-sheet <file>/);
  });
});

describe('help', () => {
  it.each(['collect', 'init'])('%s --help has runnable examples', async (command) => {
    const run = await runAlign([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Usage: align ${command}`));
    expect(run.stdout).toMatch(/Examples:\n\s+\$ align /);
  });
});

describe('align collect: a sheet that cannot be written is said before the first participant (QA 16, item 6)', () => {
  it('a folder, a file in a missing folder, a device: exit 2, one line, not the bug exit', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'adir'));
    const two = ['--priority', 'A1', '--priority', 'B1'];
    await stops(['collect', join(dir, 'adir'), ...two], /adir is a folder; name the stacks sheet inside it/);
    await stops(['collect', join(dir, 'nodir', 'x.csv'), ...two], /the folder .*nodir does not exist, so .*x\.csv cannot be created/);
    await stops(['collect', '/dev/null', ...two], /\/dev\/null is not a regular file/);
  });
});
