// Issue 7, point 11: align.yml's unknown-key suggestion took 33 s and 2.7 GB on a 4 MB
// key and printed the whole key; a 50 MB title was accepted; the file's size was
// unbounded. Now: the edit distance is skipped for candidates too different in length
// and uses two rows; quoted user text is cut to 60 characters; a title holds at most
// 200 characters; align.yml holds at most 1 MB, checked before parsing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clip, MAX_CONFIG_BYTES, MAX_TITLE_CHARS } from '../../src/defaults.js';
import { closest, loadConfig, parseConfig } from '../../src/ingest/config.js';
import { configError } from '../helpers/read.js';

const dir = mkdtempSync(join(tmpdir(), 'align-config-'));
const errorOf = (source: string): string => configError(source).message;

describe('an unknown key of 4 MB', () => {
  it('is reported with the key cut to 60 characters and no suggestion', () => {
    // an explicit key (`? …`): YAML caps implicit keys at 1024 characters, not these
    const message = errorOf(`? ${'k'.repeat(4_000_000)}\n: 1\n`);
    expect(message).toBe(
      `align.yml:1: unknown key "${'k'.repeat(60)}…"; the keys allowed here are title, client, facilitator, date, logo, languages, dateOrder, leaders, minGroup, rankingQuestion, columns, scales, codebooks, dimensions, levels, reverse, commentMinGroup, priorities, official, ownership, quality, renamed`,
    );
  });

  it('under a column, the key path is cut too', () => {
    const column = 'Q'.repeat(100_000);
    const message = errorOf(`columns:\n  ? ${column}\n  : role: likert\n    ? ${'z'.repeat(100_000)}\n    : 1\n`);
    expect(message.length).toBeLessThan(300);
    expect(message).toMatch(/^align\.yml:\d+: columns\."Q{60}…": unknown key "z{60}…"/);
  });
});

describe('closest', () => {
  it('still suggests for a typo, and skips candidates too far in length', () => {
    expect(closest('titel', ['title', 'leaders'])).toBe('title');
    expect(closest('min_group', ['title', 'minGroup'])).toBe('minGroup');
    expect(closest('rankingquestoin', ['rankingQuestion'])).toBe('rankingQuestion');
    expect(closest('x'.repeat(1_000_000), ['title', 'leaders'])).toBeNull();
    expect(closest('ab', ['abcdefgh'])).toBeNull();
  });

  it('clip keeps short text and cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(clip('short')).toBe('short');
    expect(clip('a'.repeat(61))).toBe(`${'a'.repeat(60)}…`);
    expect(clip(`${'a'.repeat(59)}😀tail`)).toBe(`${'a'.repeat(59)}…`);
  });
});

describe('values quoted in messages are cut', () => {
  it('a long role value', () => {
    const message = errorOf(`columns:\n  Q2: ${'boss'.repeat(10_000)}\n`);
    expect(message).toMatch(/^align\.yml:\d+: columns\.Q2\.role: "(boss){15}…" is not a column role; use one of id,/);
  });

  it('a long scale name', () => {
    expect(errorOf(`columns:\n  Q2: {role: likert, scale: ${'s'.repeat(5000)}}\n`)).toMatch(
      /^align\.yml:\d+: columns\.Q2\.scale: "s{60}…" is not a scale; define it under scales/,
    );
  });

  it('a list where text is expected', () => {
    expect(errorOf(`leaders: [${'x'.repeat(5000)}, [1]]\n`).length).toBeLessThan(200);
  });
});

describe('title', () => {
  it(`takes ${MAX_TITLE_CHARS} characters and refuses more, naming title`, () => {
    expect(parseConfig(`title: ${'t'.repeat(MAX_TITLE_CHARS)}\n`, 'align.yml').title).toHaveLength(MAX_TITLE_CHARS);
    expect(errorOf(`title: ${'t'.repeat(50_000)}\n`)).toBe(
      `align.yml:1: title: is 50000 characters long; a title holds at most ${MAX_TITLE_CHARS}; shorten it`,
    );
  });
});

describe('the size of align.yml', () => {
  it('is checked before parsing', async () => {
    const big = join(dir, 'big.yml');
    writeFileSync(big, `title: ${'t'.repeat(MAX_CONFIG_BYTES)}\n`);
    await expect(loadConfig(big)).rejects.toThrow(
      `${big}: is larger than ${MAX_CONFIG_BYTES} bytes; an align.yml is a page of settings; check the --config path names the right file`,
    );
    const ok = join(dir, 'ok.yml');
    writeFileSync(ok, '\uFEFFtitle: Offsite\n');
    expect((await loadConfig(ok)).title).toBe('Offsite');
    await expect(loadConfig(dir)).rejects.toThrow(`${dir}: is a folder, not a file; check the --config path`);
  });
});
