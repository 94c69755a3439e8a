// Issue 7, point 4: an output never replaces a link, a device, the template or the
// config in use, whatever --force says. Every target here lives in a temp dir; the
// system's /dev/stdout and /dev/null are only ever passed to checkTarget, which
// refuses before anything is written.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTarget } from '../../src/cli/output.js';
import { runAlign } from '../helpers/run.js';

const EXAMPLE = 'examples/fernhill-stacks.csv';
const fresh = () => mkdtempSync(join(tmpdir(), 'align-targets-'));

/** A link to a regular file that must survive: returns [link, target]. */
function linkToFile(dir: string): [string, string] {
  const target = join(dir, 'precious.txt');
  writeFileSync(target, 'precious');
  const link = join(dir, 'out.md');
  symlinkSync(target, link);
  return [link, target];
}

function assertIntact(link: string, target: string): void {
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readlinkSync(link)).toBe(target);
  expect(readFileSync(target, 'utf8')).toBe('precious');
  expect(readdirSync(join(link, '..')).filter((f) => f.startsWith('.align-tmp'))).toEqual([]);
}

describe('checkTarget refuses links and devices before anything is written', () => {
  it.each([
    ['/dev/stdout', /is a symbolic link; align never writes over a link, even with --force/],
    ['/dev/null', /is not a regular file \(a device, pipe or socket\); align writes only to regular files, even with --force/],
  ])('%s, even with force', (path, message) => {
    expect(() => checkTarget(path, { force: true, stdoutAlternative: true })).toThrow(message);
    expect(() => checkTarget(path, { force: true, stdoutAlternative: true })).toThrow(/-o - writes to standard output/);
  });
});

describe('audit -o onto a link', () => {
  it('is refused with exit 2 even with --force, and the link and its target are kept', async () => {
    const dir = fresh();
    const [link, target] = linkToFile(dir);
    const run = await runAlign(['audit', EXAMPLE, '-o', link, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `align: ${link} is a symbolic link; align never writes over a link, even with --force; name a regular file (-o - writes to standard output)\n`,
    );
    assertIntact(link, target);
  });

  it('is refused without --force too, without suggesting --force', async () => {
    const dir = fresh();
    const link = join(dir, 'stdout');
    symlinkSync('/dev/stdout', link);
    const run = await runAlign(['audit', EXAMPLE, '-o', link]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/pass --force/);
    expect(readlinkSync(link)).toBe('/dev/stdout');
  });

  it('a folder reached through a link is a folder like any other', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'via'));
    const run = await runAlign(['audit', EXAMPLE, '-o', join(dir, 'via', 'report.md')]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'real', 'report.md'), 'utf8')).toMatch(/^# Leadership/);
  });
});

describe('the report never lands on what the run reads', () => {
  it('refuses -o inside the --template folder, even with --force', async () => {
    const dir = fresh();
    const tpl = join(dir, 'tpl');
    expect((await runAlign(['templates', 'eject', tpl])).code).toBe(0);
    const before = readFileSync(join(tpl, 'report.md.hbs'), 'utf8');
    const run = await runAlign(['audit', EXAMPLE, '--template', tpl, '-o', join(tpl, 'report.md.hbs'), '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `align: ${join(tpl, 'report.md.hbs')} is inside the template folder ${tpl}, which this run reads; choose an output path outside it\n`,
    );
    expect(readFileSync(join(tpl, 'report.md.hbs'), 'utf8')).toBe(before);
    const partial = await runAlign(['audit', EXAMPLE, '--template', tpl, '-o', join(tpl, 'partials', 'new.md'), '--force']);
    expect(partial.code).toBe(2);
  });

  it('refuses -o onto the ./align.yml in use, even with --force', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'align.yml'), 'title: kept\n');
    const run = await runAlign(['audit', join(process.cwd(), EXAMPLE), '-o', join(dir, 'align.yml'), '--force'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is one of the input files; align never overwrites its inputs/);
    expect(readFileSync(join(dir, 'align.yml'), 'utf8')).toBe('title: kept\n');
  });

  it('refuses -o onto a hard link to an input', async () => {
    const dir = fresh();
    const input = join(dir, 'in.csv');
    writeFileSync(input, readFileSync(EXAMPLE));
    const { linkSync } = await import('node:fs');
    linkSync(input, join(dir, 'alias.csv'));
    const run = await runAlign(['audit', input, '-o', join(dir, 'alias.csv'), '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is one of the input files/);
  });
});

describe('inspect --write-config onto a link', () => {
  it('is refused even with --force; the link and its target are kept', async () => {
    const dir = fresh();
    const [link, target] = linkToFile(dir);
    const run = await runAlign(['inspect', EXAMPLE, '--write-config', link, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a symbolic link; align never writes over a link, even with --force; name a regular file\n$/);
    assertIntact(link, target);
  });

  it('a dangling link named align.yml is refused too (not "already exists; pass --force")', async () => {
    const dir = fresh();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'align.yml'));
    const run = await runAlign(['inspect', join(process.cwd(), EXAMPLE), '--write-config'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('align: align.yml is a symbolic link; align never writes over a link, even with --force; name a regular file\n');
  });
});

describe('templates eject onto links', () => {
  it('refuses a folder that is a link', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'tpl'));
    const run = await runAlign(['templates', 'eject', join(dir, 'tpl'), '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tpl is a symbolic link; align never writes through a link, even with --force/);
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('refuses a template file that is a link, writing nothing at all', async () => {
    const dir = fresh();
    const tpl = join(dir, 'tpl');
    mkdirSync(tpl);
    const [, target] = linkToFile(dir);
    symlinkSync(target, join(tpl, 'report.md.hbs'));
    const run = await runAlign(['templates', 'eject', tpl, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/report\.md\.hbs is a symbolic link/);
    expect(readdirSync(tpl)).toEqual(['report.md.hbs']);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });
});

describe('an output that exists is refused before the input is read', () => {
  it('names the output, not the unreadable input, and the output is untouched', async () => {
    const dir = fresh();
    const out = join(dir, 'report.md');
    writeFileSync(out, 'earlier report');
    // the input is not there at all: reading it would stop with its own error
    const run = await runAlign(['audit', join(dir, 'missing.csv'), '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already exists; pass --force to replace it/);
    expect(run.stderr).not.toMatch(/missing\.csv/);
    expect(readFileSync(out, 'utf8')).toBe('earlier report');
  });
});
