// The real binary, as a user runs it: help, version, exit codes, one-line errors.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, spawnAlign } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'align-bin-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('align (the real bin/align.js)', () => {
  it('--help lists the commands with examples', () => {
    const run = spawnAlign(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: align/);
    for (const c of ['stack', 'audit', 'inspect', 'schema']) expect(run.stdout).toContain(c);
    expect(run.stdout).toMatch(/Examples:\n\s+\$ align stack examples\/fernhill-stacks\.csv/);
  });

  it('--version prints the package version', () => {
    const run = spawnAlign(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  for (const command of ['stack', 'audit', 'inspect', 'schema']) {
    it(`${command} --help has runnable examples`, () => {
      const run = spawnAlign([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Usage: align ${command}`));
      expect(run.stdout).toMatch(/Examples:\n\s+\$ align /);
    });
  }

  it('an unknown option is a usage error: exit 2, one line, no stack trace', () => {
    const run = spawnAlign(['stack', 'x.csv', '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^align: unknown option '--frobnicate'/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing file: exit 2 naming it', () => {
    const run = spawnAlign(['stack', join(dir, 'nope.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`align: ${join(dir, 'nope.csv')}: no such file; check the path\n`);
  });

  it('stack prints the workshop view of the bundled example without colour when piped', () => {
    const run = spawnAlign(['stack', 'examples/fernhill-stacks.csv']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    expect(run.stdout).toMatch(/Kendall's W/);
    expect(run.stdout).toContain('Imogen Clarke');
  });

  it('FORCE_COLOR colours the view; NO_COLOR wins over it', () => {
    expect(spawnAlign(['stack', 'examples/fernhill-stacks.csv'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(spawnAlign(['stack', 'examples/fernhill-stacks.csv'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('malformed stacks files: one line naming file, line and column, exit 2', () => {
  const header = 'respondent,name,role,department,priority,rank\n';
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['twice.csv', `${header}R1,Ana,Executive,X,Growth,1\nR1,Ana,Executive,X,Cost,2\nR1,Ana,Executive,X,growth,3\n`, /twice\.csv:4:"priority": .*twice/i],
    ['zero.csv', `${header}R1,Ana,Executive,X,Growth,0\nR1,Ana,Executive,X,Cost,1\n`, /zero\.csv:2:"rank": .*0/],
    ['above.csv', `${header}R1,Ana,Executive,X,Growth,1\nR1,Ana,Executive,X,Cost,3\n`, /above\.csv:3:"rank": .*3/],
    ['nan.csv', `${header}R1,Ana,Executive,X,Growth,1\nR1,Ana,Executive,X,Cost,high\n`, /nan\.csv:3:"rank": .*"high"/],
    ['noname.csv', `${header}R1,Ana,Executive,X,Growth,1\nR1,Ana,Executive,X,,2\n`, /noname\.csv:3:"priority": /],
    ['empty.csv', '', /empty\.csv: the file is empty/],
    [
      'binary.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
      /binary\.csv:\d+: is not a text file/,
    ],
  ];
  for (const [name, content, pattern] of cases) {
    it(name, () => {
      const path = file(name, content);
      const run = spawnAlign(['stack', path]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^align: /);
      expect(lines[0]).toMatch(pattern);
      expect(lines[0]).not.toMatch(/\bat .*\.js:\d+/);
    });
  }

  it('--skip-invalid excludes the respondent with the reason and goes on', () => {
    const path = file(
      'skip.csv',
      `${header}R1,Ana,Executive,X,Growth,1\nR1,Ana,Executive,X,Cost,2\nR2,Bo,Executive,Y,Cost,1\nR2,Bo,Executive,Y,Growth,9\nR3,Cy,Executive,Z,Cost,1\nR3,Cy,Executive,Z,Growth,2\n`,
    );
    const run = spawnAlign(['stack', path, '--skip-invalid', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.stack.leaders).toEqual(['Ana', 'Cy']);
    // every data row not used is listed: both of Bo's rows, each with the reason
    expect(json.input.excluded.map((e: { line: number }) => e.line)).toEqual([4, 5]);
    for (const e of json.input.excluded) {
      expect(e.file).toBe(path);
      expect(e.reason).toMatch(/rank 9 is outside 1\.\.2/);
    }
  });
});

describe('a file with no ranking question', () => {
  it('align stack stops with exit 2, saying there is no ranking and pointing at inspect', () => {
    // generic reads such a table (align inspect shows its columns); the stop is the stack command's, as for a survey export
    const path = file('survey.csv', 'name,role,department,Do you smoke?\nAna,Executive,X,No\nBo,Manager,X,Yes\n');
    const run = spawnAlign(['stack', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^align: .*survey\.csv: no priority stacks to compare: .*no ranking/);
    expect(run.stderr).toMatch(/run align inspect on the file/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

const STEAK = join(ROOT, '..', 'shared', 'fixtures', 'exports', 'real', 'surveymonkey-538-steak-risk-survey.csv');
describe.skipIf(!existsSync(STEAK))('a survey export with no ranking question (a real SurveyMonkey file in ../shared)', () => {
  it('align stack stops with exit 2 naming the file and the fix', () => {
    const path = STEAK;
    const run = spawnAlign(['stack', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^align: .*steak-risk-survey\.csv: no priority stacks to compare: .*--ranking-question/);
  });
});

describe('colour and pipes', () => {
  it('FORCE_COLOR=0 and TERM=dumb turn colour off', async () => {
    const { runAlign } = await import('../helpers/run.js');
    for (const env of [{ FORCE_COLOR: '0' }, { TERM: 'dumb' }]) {
      const run = await runAlign(['stack', 'examples/fernhill-stacks.csv'], { env, tty: true });
      expect(run.stdout).not.toMatch(/\x1b\[/);
    }
    const tty = await runAlign(['stack', 'examples/fernhill-stacks.csv'], { env: {}, tty: true });
    expect(tty.stdout).toMatch(/\x1b\[/);
  });

  it('help into a pipe closed early is not an error', () => {
    const res = spawnSync('sh', ['-c', `node ${BIN} --help | true; node ${BIN} stack --help | true`], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
  });

  it('align with no arguments shows the help and exits 0', () => {
    const run = spawnAlign([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: align/);
  });
});

describe('align stack reads past Likert labels it does not know', () => {
  it('notes the label and goes on; align audit still stops on it', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/exports/google-forms.csv'), 'utf8').replace('Strongly agree', 'Kinda agree');
    const path = file('gf-label.csv', text);
    const stack = spawnAlign(['stack', path, '--json']);
    expect(stack.code, stack.stderr).toBe(0);
    const notes = JSON.parse(stack.stdout).input.notes.map((n: { note: string }) => n.note);
    expect(notes.some((n: string) => /is not a label of a scale align knows: left out here/.test(n))).toBe(true);
    expect(notes.some((n: string) => n.includes('Kinda agree'))).toBe(false);
    const audit = spawnAlign(['audit', path]);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(/"Kinda agree" is not a label of the agreement scale/);
  });
});

describe('a forced --encoding that does not fit', () => {
  it('--encoding utf-8 on a Windows-1252 file stops at the first byte that is not UTF-8', () => {
    const run = spawnAlign(['stack', join(ROOT, 'test/fixtures/exports/microsoft-forms-windows1252.csv'), '--encoding', 'utf-8']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /microsoft-forms-windows1252\.csv:\d+: does not read as utf-8 \(byte \d+ is not UTF-8\); drop --encoding to let align detect it\n$/,
    );
  });
});

describe('one bad rank in a survey export', () => {
  it('is reported with its line and column, not read as "no ranking question"', () => {
    const path = join(ROOT, 'test/fixtures/ugly/surveymonkey-rank-9.csv');
    const run = spawnAlign(['audit', path, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /surveymonkey-rank-9\.csv:13:"Rank these priorities for the next 12 months \(1 = most important\) \[Launch the platform\]": rank 9 is outside 1\.\.8/,
    );
    const skipped = spawnAlign(['audit', path, '--format', 'json', '--skip-invalid']);
    expect(skipped.code, skipped.stderr).toBe(0);
    const json = JSON.parse(skipped.stdout);
    expect(json.input.respondents).toBe(29);
    expect(json.input.excluded).toHaveLength(1);
    expect(json.input.excluded[0].line).toBe(13);
  });
});
