// Every flag value that cannot be right stops the run at the flag with one line
// and exit 2 (never exit 1 from deep inside, never silently ignored).
// Issue 7, point 12: --seed 1e300 and --rbo-p 1e-320 used to exit 1; -c "" was ignored;
// --min-group "" said "0"; --permutations 1e12 ran for hours (point 11).
import { describe, expect, it } from 'vitest';
import { parseFormat, persistence, wholeNumber } from '../../src/cli/options.js';
import { MAX_PERMUTATIONS, MAX_SEED, MIN_PERMUTATIONS } from '../../src/defaults.js';
import { runAlign } from '../helpers/run.js';

const EXAMPLE = 'examples/fernhill-stacks.csv';
const SEED = 'align: --seed takes a whole number from 0 to 4294967295, written in digits';
const PERMS = 'align: --permutations takes a whole number from 10000 to 10000000, written in digits';
const RBO = 'align: --rbo-p takes a decimal number from 0.01 up to but not including 1, such as 0.9';
const MIN_GROUP = 'align: --min-group takes a whole number of at least 3, written in digits';

// [argv, the message's first part] — each must exit 2 with exactly one line
const refused: Array<[string[], string]> = [
  [['stack', EXAMPLE, '--seed', '1e300'], `${SEED} (got "1e300")`],
  [['stack', EXAMPLE, '--seed', '9007199254740993'], `${SEED} (got "9007199254740993")`],
  [['stack', EXAMPLE, '--seed', '4294967296'], `${SEED} (got "4294967296")`],
  [['stack', EXAMPLE, '--seed=-1'], `${SEED} (got "-1")`],
  [['stack', EXAMPLE, '--seed', '0x10'], `${SEED} (got "0x10")`],
  [['stack', EXAMPLE, '--seed', '1.5'], `${SEED} (got "1.5")`],
  [['stack', EXAMPLE, '--seed', 'NaN'], `${SEED} (got "NaN")`],
  [['stack', EXAMPLE, '--seed', 'Infinity'], `${SEED} (got "Infinity")`],
  [['stack', EXAMPLE, '--seed', ''], `${SEED} (got "")`],
  [['stack', EXAMPLE, '--permutations', '1e12'], `${PERMS} (got "1e12")`],
  [['stack', EXAMPLE, '--permutations', '1000000000000'], `${PERMS} (got "1000000000000")`],
  [['stack', EXAMPLE, '--permutations', '10000001'], `${PERMS} (got "10000001")`],
  [['stack', EXAMPLE, '--permutations', '1e4'], `${PERMS} (got "1e4")`],
  [['audit', EXAMPLE, '--permutations', 'Infinity'], `${PERMS} (got "Infinity")`],
  [['stack', EXAMPLE, '--rbo-p', '1e-320'], `${RBO} (got "1e-320")`],
  [['stack', EXAMPLE, '--rbo-p', '0.001'], `${RBO} (got "0.001")`],
  [['stack', EXAMPLE, '--rbo-p', '0'], `${RBO} (got "0")`],
  [['stack', EXAMPLE, '--rbo-p', '1'], `${RBO} (got "1")`],
  [['stack', EXAMPLE, '--rbo-p', '0.99999999999999999'], `${RBO} (got "0.99999999999999999")`],
  [['stack', EXAMPLE, '--rbo-p=-0.5'], `${RBO} (got "-0.5")`],
  [['stack', EXAMPLE, '--rbo-p', 'NaN'], `${RBO} (got "NaN")`],
  [['stack', EXAMPLE, '--rbo-p', ''], `${RBO} (got "")`],
  [['stack', EXAMPLE, '--min-group', ''], `${MIN_GROUP} (got "")`],
  [['stack', EXAMPLE, '--min-group', '1e3'], `${MIN_GROUP} (got "1e3")`],
  [['audit', EXAMPLE, '--min-group', '0x10'], `${MIN_GROUP} (got "0x10")`],
  [['stack', EXAMPLE, '--min-group', '2'], 'align: --min-group 2 is too small: groups under 3 people are never shown; use 3 or more'],
  [['stack', EXAMPLE, '-c', ''], 'align: --config was given an empty value; give the path of an align.yml'],
  [['audit', EXAMPLE, '--config', ' '], 'align: --config was given an empty value; give the path of an align.yml'],
  [['audit', EXAMPLE, '--template', ''], 'align: --template was given an empty value; give the folder of your templates'],
  [['stack', EXAMPLE, '--encoding', ''], 'align: --encoding was given an empty value; give one of utf-8'],
  [['stack', EXAMPLE, '--ranking-question', ''], 'align: --ranking-question was given an empty value'],
  [['stack', EXAMPLE, '--leaders', 'Executive', '--leaders', ''], 'align: --leaders was given an empty value; give a role value'],
  [['audit', EXAMPLE, '-o', ''], 'align: -o was given an empty value; give a file name, or - for standard output'],
  [['audit', EXAMPLE, '--rankings', ''], 'align: --rankings was given an empty value; give the path of the stacks file'],
  [['audit', EXAMPLE, '--format', ''], 'align: --format "" is not available; use one of md, html, json, pdf, csv'],
  [['audit', EXAMPLE, '--client', ' '], "align: --client was given an empty value; give the client's name, or leave the flag out"],
  [['audit', EXAMPLE, '--facilitator', 'x'.repeat(201)], 'align: --facilitator is 201 characters long; it holds at most 200; shorten it'],
  [['audit', EXAMPLE, '--logo', ''], 'align: --logo was given an empty value; give the path of a PNG, JPEG or SVG file'],
  [['audit', EXAMPLE, '--date', 'tomorrow'], 'align: --date takes a day written YYYY-MM-DD, such as 2026-10-14 (got "tomorrow")'],
  [['audit', EXAMPLE, '--format', 'docx'], 'align: --format "docx" is not available; use one of md, html, json, pdf, csv'],
  [['audit', EXAMPLE, '--paper', 'a3'], 'align: --paper takes a4 or letter (got "a3")'],
  [['audit', EXAMPLE, '--chromium', ''], "align: --chromium was given an empty value; give the path of Chromium's executable"],
  [['stack', EXAMPLE, '--delimiter', ''], 'align: --delimiter takes comma, semicolon, tab or pipe (got "")'],
  [['inspect', EXAMPLE, '-c', ''], 'align: --config was given an empty value'],
  [['inspect', EXAMPLE, '--encoding', ''], 'align: --encoding was given an empty value'],
  [['inspect', EXAMPLE, '--ranking-question', ''], 'align: --ranking-question was given an empty value'],
  [['inspect', EXAMPLE, '--write-config', ''], 'align: --write-config was given an empty value; give a file name, or the flag alone to write ./align.yml'],
  [['stack', ''], 'align: the rankings argument was given an empty value; give a file name'],
  [['audit', EXAMPLE, ''], 'align: a responses argument was given an empty value; give a file name'],
  [['inspect', ' '], 'align: the file argument was given an empty value; give a file name'],
  [['templates', 'eject', ''], 'align: the folder name is empty; name a folder to copy the templates into'],
];

describe('flag values are validated at the flag', () => {
  it.each(refused)('%j exits 2 with one line', async (argv, message) => {
    const run = await runAlign(argv);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.startsWith(message), run.stderr).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('quotes a huge value cut short', async () => {
    const run = await runAlign(['stack', EXAMPLE, '--seed', '9'.repeat(100_000)]);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeLessThan(200);
  });

  it('accepts the edges of each range', async () => {
    const run = await runAlign(['stack', EXAMPLE, '--json', '--seed', '4294967295', '--rbo-p', '0.01', '--min-group', '3', '--permutations', '10000']);
    expect(run.code, run.stderr).toBe(0);
    const stack = JSON.parse(run.stdout).stack;
    expect(stack.concordance.seed).toBe(4294967295);
    expect(stack.concordance.permutations).toBe(10000);
    for (const pair of stack.pairs) expect(pair.rbo === null || Number.isFinite(pair.rbo)).toBe(true);
    expect((await runAlign(['stack', EXAMPLE, '--json', '--seed', '0', '--rbo-p', '.5'])).code).toBe(0);
  });

  it('wholeNumber, persistence and parseFormat, the parsers behind the flags', () => {
    const perms = wholeNumber('--permutations', MIN_PERMUTATIONS, MAX_PERMUTATIONS);
    expect(perms('10000000')).toBe(MAX_PERMUTATIONS);
    expect(perms(' 10000 ')).toBe(MIN_PERMUTATIONS);
    expect(wholeNumber('--seed', 0, MAX_SEED)('4294967295')).toBe(MAX_SEED);
    expect(persistence('--rbo-p', 0.01)('0.999')).toBe(0.999);
    expect(parseFormat('Markdown')).toBe('md');
    expect(parseFormat('JSON')).toBe('json');
    expect(parseFormat(' HTML ')).toBe('html');
    expect(parseFormat('htm')).toBe('html');
  });
});

// commander keeps the last of a flag given twice: `--table items --table stack` wrote the stack
// table without a word. A flag of one value given twice with different values is refused at
// the flag; the same value twice (as parsed) is accepted, and repeatable flags and switches
// are left alone. [argv, the one line, or null for a run that goes ahead]
const SURVEY = ['examples/fernhill-survey.csv', '--config', 'examples/align.yml'];
const repeated: Array<[string[], string | null]> = [
  [['audit', ...SURVEY, '--format', 'csv', '--table', 'items', '--table', 'stack'], 'align: --table given twice (items, stack); give one'],
  [['audit', ...SURVEY, '--format', 'csv', '--table', 'items', '--table', 'ITEMS'], null],
  [['audit', EXAMPLE, '--format', 'md', '--format', 'json'], 'align: --format given twice (md, json); give one'],
  [['audit', EXAMPLE, '-f', 'json', '--format=html'], 'align: --format given twice (json, html); give one'],
  [['audit', EXAMPLE, '--format', 'md', '--format', 'markdown'], null],
  [['audit', EXAMPLE, '-o', 'a.md', '--output', 'b.md'], 'align: -o given twice (a.md, b.md); give one'],
  [['audit', EXAMPLE, '-o', '-', '-o', '-'], null],
  [['schema', '-o', 'a.json', '-o', 'b.json'], 'align: -o given twice (a.json, b.json); give one'],
  [['stack', EXAMPLE, '--config', 'examples/align.yml', '-c', 'other.yml'], 'align: --config given twice (examples/align.yml, other.yml); give one'],
  [['stack', EXAMPLE, '-c', 'examples/align.yml', '--config', 'examples/align.yml'], null],
  [['stack', EXAMPLE, '--min-group', '5', '--min-group', '6'], 'align: --min-group given twice (5, 6); give one'],
  [['stack', EXAMPLE, '--min-group', '5', '--min-group', '05'], null],
  [['stack', EXAMPLE, '--seed', '1', '--seed', '2'], 'align: --seed given twice (1, 2); give one'],
  [['stack', EXAMPLE, '--delimiter', 'comma', '--delimiter', ','], null],
  [['stack', EXAMPLE, '--delimiter', 'comma', '--delimiter', 'tab'], 'align: --delimiter given twice (comma, tab); give one'],
  [['audit', EXAMPLE, '--client', 'Fernhill Health', '--client', 'Fernhill'], 'align: --client given twice ("Fernhill Health", Fernhill); give one'],
  [['audit', EXAMPLE, '--paper', 'a4', '--paper', 'letter', '--format', 'pdf'], 'align: --paper given twice (a4, letter); give one'],
  [['inspect', EXAMPLE, '--write-config', '--write-config', 'other.yml'], 'align: --write-config given twice (the flag alone, other.yml); give one'],
  [['diff', 'a.json', 'b.json', '-c', 'x.yml', '-c', 'y.yml'], 'align: --config given twice (x.yml, y.yml); give one'],
  // repeatable, and switches
  [['stack', EXAMPLE, '--leaders', 'Executive', '--leaders', 'Founder', '--json'], null],
  [['stack', EXAMPLE, '--json', '--json', '-q', '--quiet', '--no-color', '--no-color'], null],
];

describe('a flag of one value given twice', () => {
  it.each(repeated)('%j', async (argv, message) => {
    const run = await runAlign(argv);
    if (message === null) {
      expect(run.code, run.stderr).toBe(0);
      return;
    }
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.stdout).toBe('');
  });
});
