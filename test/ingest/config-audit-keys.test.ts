// Survey audit, part 2: align.yml's official list, ownership.contestedShare,
// quality.exclude and the `recall` column role are read and checked like the
// other keys: one line naming align.yml, the line and the key path, and the fix.

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/ingest/config.js';
import { configError } from '../helpers/read.js';

const errorOf = configError;

describe('parseConfig: official, ownership, quality, recall', () => {
  it('reads all four', () => {
    const config = parseConfig(
      [
        'official:',
        '  - Grow new-customer revenue',
        '  - " Launch the platform "',
        'ownership:',
        '  contestedShare: 0.3',
        'quality:',
        '  exclude: [straight-lining, speeders]',
        'columns:',
        '  "Name the top three priorities": recall',
        '',
      ].join('\n'),
      'align.yml',
    );
    expect(config.official).toEqual(['Grow new-customer revenue', 'Launch the platform']);
    expect(config.ownership).toEqual({ contestedShare: 0.3 });
    expect(config.quality).toEqual({ exclude: ['straight-lining', 'speeders'] });
    expect(config.columns!['Name the top three priorities']).toEqual({ role: 'recall' });
  });

  it('takes contestedShare at 0.5 exactly, and every quality flag', () => {
    expect(parseConfig('ownership: {contestedShare: 0.5}\n', 'align.yml').ownership).toEqual({ contestedShare: 0.5 });
    expect(parseConfig('quality: {exclude: [straight-lining, incomplete, speeders]}\n', 'align.yml').quality!.exclude).toHaveLength(3);
    expect(parseConfig('quality: {}\nownership: {}\n', 'align.yml')).toEqual({ quality: {}, ownership: {} });
  });

  it('refuses an empty official list, an empty name and a list that is not one', () => {
    expect(errorOf('official: []\n').message).toBe('align.yml:1: official: is an empty list; list at least one value or remove the key');
    expect(errorOf('title: x\nofficial:\n  - Grow\n  - ""\n').message).toMatch(/^align\.yml:4: official\[1\]: is empty; give a value or remove the key$/);
    expect(errorOf('official: Grow revenue\n').message).toMatch(/^align\.yml:1: official: expected a list, found the text "Grow revenue"$/);
  });

  it('refuses two spellings of one priority in the official list, naming the second line', () => {
    const e = errorOf('official:\n  - Grow revenue\n  - Cut costs\n  - "grow  Revenue."\n');
    expect(e.line).toBe(4);
    expect(e.message).toBe('align.yml:4: official[2]: "grow  Revenue." is the same priority as "Grow revenue" (entry 1); list each priority once');
  });

  it.each([
    ['0', 'must be above 0'],
    ['-0.1', 'must be above 0'],
    ['0.51', 'must be at most 0.5'],
    ['1', 'must be at most 0.5'],
  ])('refuses contestedShare %s', (value, problem) => {
    const e = errorOf(`title: x\nownership:\n  contestedShare: ${value}\n`);
    expect(e.line).toBe(3);
    expect(e.message).toMatch(new RegExp(`^align\\.yml:3: ownership\\.contestedShare: ${problem}.*; use a number above 0 and at most 0\\.5$`));
  });

  it('refuses a contestedShare that is not a number', () => {
    expect(errorOf('ownership:\n  contestedShare: quarter\n').message).toMatch(
      /^align\.yml:2: ownership\.contestedShare: expected a number, found the text "quarter"$/,
    );
  });

  it('refuses an unknown quality flag, suggesting the close one', () => {
    const e = errorOf('quality:\n  exclude:\n    - incomplete\n    - speeder\n');
    expect(e.line).toBe(4);
    expect(e.message).toBe(
      'align.yml:4: quality.exclude[1]: "speeder" is not allowed here; did you mean speeders?; use one of straight-lining, incomplete, speeders',
    );
  });

  it('catches typos in the new keys with a suggestion and the line', () => {
    expect(errorOf('title: x\nofficail: [Grow]\n').message).toMatch(
      /^align\.yml:2: unknown key "officail"; did you mean official\?; the keys allowed here are .*official, ownership, quality, renamed$/,
    );
    expect(errorOf('ownership:\n  contested_share: 0.3\n').message).toBe(
      'align.yml:2: ownership: unknown key "contested_share"; did you mean contestedShare?; the keys allowed here are contestedShare',
    );
    expect(errorOf('quality:\n  excludes: [speeders]\n').message).toBe(
      'align.yml:2: quality: unknown key "excludes"; did you mean exclude?; the keys allowed here are exclude',
    );
  });

  it('knows recall as a column role', () => {
    expect(errorOf('columns:\n  Q9: recal\n').message).toMatch(
      /^align\.yml:2: columns\.Q9\.role: "recal" is not a column role; use one of .*ownership, recall,/,
    );
  });
});

describe('parseConfig: renamed (align diff)', () => {
  it('reads old department key -> new key', () => {
    expect(parseConfig('renamed:\n  Clinical: Clinical services\n  Finance: Operations\n', 'align.yml').renamed).toEqual({
      Clinical: 'Clinical services',
      Finance: 'Operations',
    });
  });

  it('refuses a new key that is not text', () => {
    expect(() => parseConfig('renamed:\n  Clinical: [a, b]\n', 'align.yml')).toThrow(/align\.yml:2/);
  });
});
