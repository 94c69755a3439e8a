// Writing outputs: atomic, never over an input, never over a file without --force,
// and the template folder a coach edits.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAlign } from '../helpers/run.js';

const EXAMPLE = 'examples/fernhill-stacks.csv';
const dir = mkdtempSync(join(tmpdir(), 'align-out-'));

describe('align audit -o', () => {
  it('writes the report and leaves no temp file', async () => {
    const out = join(dir, 'report.md');
    const run = await runAlign(['audit', EXAMPLE, '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Leadership alignment audit/);
    expect(readdirSync(dir).filter((f) => f.startsWith('.align-tmp'))).toEqual([]);
  });

  it('refuses an existing file without --force and replaces it with --force', async () => {
    const out = join(dir, 'existing.md');
    writeFileSync(out, 'keep me');
    const run = await runAlign(['audit', EXAMPLE, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`align: ${out} already exists; pass --force to replace it, or choose another output path\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await runAlign(['audit', EXAMPLE, '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Leadership/);
  });

  it('never writes over an input, even with --force', async () => {
    const input = join(dir, 'input.csv');
    writeFileSync(input, readFileSync(EXAMPLE));
    const run = await runAlign(['audit', input, '-o', input, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is one of the input files; align never overwrites its inputs/);
    expect(readFileSync(input).equals(readFileSync(EXAMPLE))).toBe(true);
  });

  it('names an empty path, a folder, and a missing folder', async () => {
    expect((await runAlign(['audit', EXAMPLE, '-o', ''])).stderr).toBe('align: -o was given an empty value; give a file name, or - for standard output\n');
    mkdirSync(join(dir, 'sub'));
    expect((await runAlign(['audit', EXAMPLE, '-o', join(dir, 'sub'), '--force'])).stderr).toBe(
      `align: ${join(dir, 'sub')} is a folder; give a file name inside it\n`,
    );
    const missing = join(dir, 'nope', 'r.md');
    const run = await runAlign(['audit', EXAMPLE, '-o', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the folder .*nope does not exist/);
  });
});

describe('align templates eject', () => {
  it('copies the templates; an edited copy changes the report; a non-empty folder needs --force', async () => {
    const tpl = join(dir, 'tpl');
    const run = await runAlign(['templates', 'eject', tpl]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(tpl, 'report.md.hbs'))).toBe(true);
    const partial = join(tpl, 'partials', 'at-a-glance.md.hbs');
    writeFileSync(partial, readFileSync(partial, 'utf8').replace('## {{t "glance.heading"}}', '## In short'));
    const report = await runAlign(['audit', EXAMPLE, '--template', tpl]);
    expect(report.stdout).toMatch(/^## In short$/m);
    expect(report.stdout).not.toMatch(/^## At a glance$/m);
    const again = await runAlign(['templates', 'eject', tpl]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty; pass --force/);
  });
});

describe('align.yml title', () => {
  it('heads the Markdown report and is kept in the JSON', async () => {
    const config = join(dir, 'titled.yml');
    writeFileSync(config, 'title: Fernhill Health leadership offsite, March\n');
    const md = await runAlign(['audit', EXAMPLE, '--config', config]);
    expect(md.stdout.split('\n')[0]).toBe('# Fernhill Health leadership offsite, March');
    const json = JSON.parse((await runAlign(['audit', EXAMPLE, '--config', config, '--format', 'json'])).stdout);
    expect(json.title).toBe('Fernhill Health leadership offsite, March');
  });
});

describe('-o never replaces what is not a regular file', () => {
  it('refuses a FIFO even with --force, refuses a dangling link, and takes - for standard output', async () => {
    const { execFileSync } = await import('node:child_process');
    const { lstatSync, symlinkSync } = await import('node:fs');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const run = await runAlign(['audit', EXAMPLE, '-o', fifo, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `align: ${fifo} is not a regular file (a device, pipe or socket); align writes only to regular files, even with --force (-o - writes to standard output)\n`,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const dangling = join(dir, 'dangling');
    symlinkSync(join(dir, 'nowhere'), dangling);
    expect((await runAlign(['audit', EXAMPLE, '-o', dangling, '--force'])).stderr).toMatch(
      /dangling is a symbolic link; align never writes over a link, even with --force/,
    );
    const stdout = await runAlign(['audit', EXAMPLE, '-o', '-']);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^# Leadership alignment audit/);
    expect(existsSync('-')).toBe(false);
  });
});

describe('templates eject to a place it cannot write', () => {
  it('says so in one line with exit 2', async () => {
    expect((await runAlign(['templates', 'eject', ''])).stderr).toBe('align: the folder name is empty; name a folder to copy the templates into\n');
    const run = await runAlign(['templates', 'eject', '/dev/null/x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('align: cannot copy the templates to /dev/null/x (ENOTDIR); name a folder you can write to\n');
  });
});

describe('-o never overwrites the config that was read', () => {
  it('refuses -o onto --config, even with --force', async () => {
    const config = join(dir, 'read.yml');
    writeFileSync(config, 'title: kept\n');
    const run = await runAlign(['audit', EXAMPLE, '--config', config, '-o', config, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is one of the input files; align never overwrites its inputs/);
    expect(readFileSync(config, 'utf8')).toBe('title: kept\n');
  });
});
