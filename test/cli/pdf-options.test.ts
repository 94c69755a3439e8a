// --format pdf refuses, in one line and exit 2 and before any file is read or
// Chromium starts, what cannot give a PDF: no -o, a terminal for the bytes,
// no Chromium, and --paper / --chromium with another format. Chromium itself is
// exercised in test/render/browser.test.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePaper } from '../../src/cli/options.js';
import { findChromium, NO_CHROMIUM } from '../../src/render/chromium.js';
import { runAlign } from '../helpers/run.js';

const EXAMPLE = 'examples/fernhill-stacks.csv';
const dir = mkdtempSync(join(tmpdir(), 'align-pdf-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// [argv, stdout is a terminal, the message's first part]; the env is empty, so no Chromium is on PATH
const refused: Array<[string[], boolean, string]> = [
  [['audit', EXAMPLE, '--format', 'pdf'], false, 'align: --format pdf writes a file: give -o report.pdf (or -o - to pipe the PDF into another program)'],
  [['audit', EXAMPLE, '--format', 'pdf', '-o', '-'], true, 'align: --format pdf will not write a binary PDF to the terminal; give -o report.pdf'],
  [['audit', EXAMPLE, '--format', 'pdf', '-o', join(dir, 'r.pdf')], false, `align: ${NO_CHROMIUM}`],
  [['audit', EXAMPLE, '--format', 'PDF', '-o', '-'], false, `align: ${NO_CHROMIUM}`],
  [['audit', EXAMPLE, '--format', 'pdf', '-o', join(dir, 'r.pdf'), '--chromium', join(dir, 'no-such-chromium')], false, 'align: --chromium '],
  [['audit', EXAMPLE, '--paper', 'letter'], false, 'align: --paper applies only to --format pdf; add --format pdf or leave it out'],
  [
    ['audit', EXAMPLE, '--format', 'html', '--paper', 'a4', '--chromium', '/usr/bin/chromium'],
    false,
    'align: --paper and --chromium apply only to --format pdf',
  ],
  // a missing file is not read: the PDF's own rules come first
  [['audit', 'no-such-file.csv', '--format', 'pdf'], false, 'align: --format pdf writes a file'],
];

describe('align audit --format pdf refuses what cannot give a PDF', () => {
  it.each(refused)('%j (stdout a terminal: %s) exits 2 with one line', async (argv, tty, message) => {
    const run = await runAlign(argv, { tty });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.startsWith(message), run.stderr).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, 'r.pdf'))).toBe(false);
  });

  it('names the install fix when no Chromium is on PATH', () => {
    expect(NO_CHROMIUM).toBe("no Chromium found for --format pdf: install Debian's chromium (apt-get install chromium) or give --chromium <path>");
    expect(() => findChromium(undefined, { PATH: dir })).toThrow(NO_CHROMIUM);
    expect(() => findChromium(undefined, {})).toThrow(NO_CHROMIUM);
  });

  it('parsePaper("Letter") -> "letter"; parsePaper(" A4 ") -> "a4"', () => {
    expect(parsePaper('Letter')).toBe('letter');
    expect(parsePaper(' A4 ')).toBe('a4');
    expect(() => parsePaper('legal')).toThrow('--paper takes a4 or letter (got "legal")');
  });
});

it('--logo with a format that shows no image, and a cover name with a control character, stop with one line', async () => {
  const logo = await runAlign(['audit', 'examples/fernhill-stacks.csv', '--logo', 'x.png']);
  expect(logo.code).toBe(2);
  expect(logo.stderr).toBe(
    'align: --logo applies only to --format html or pdf (the Markdown and JSON reports carry no image); add --format html or leave it out\n',
  );
  const client = await runAlign(['audit', 'examples/fernhill-stacks.csv', '--client', 'A\nB\u001b[31m']);
  expect(client.code).toBe(2);
  expect(client.stderr).toMatch(/^align: --client holds a control character/);
});
