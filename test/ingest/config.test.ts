import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/ingest/config.js';
import { configError } from '../helpers/read.js';

const errorOf = (source: string): string => configError(source).message;

describe('parseConfig(source, file)', () => {
  it('reads every key of a full align.yml', () => {
    const config = parseConfig(
      [
        'title: Northwind Outfitters alignment audit',
        'leaders: [Executive, Founder]',
        'minGroup: 4',
        'rankingQuestion: Rank these priorities',
        'columns:',
        '  Q2: role',
        '  Q4_1: {role: likert, item: I can name the priorities, scale: agreement}',
        'scales:',
        '  agreement:',
        '    labels: {Agree-ish: 4}',
        '    missing: [Skip]',
        'codebooks:',
        '  Q2: {1: Executive, 2: Manager}',
        'dimensions:',
        '  clarity: [I can name the priorities]',
        'priorities:',
        '  aliases: {Revenue: Grow new-customer revenue}',
      ].join('\n'),
      'align.yml',
    );
    expect(config).toEqual({
      title: 'Northwind Outfitters alignment audit',
      leaders: ['Executive', 'Founder'],
      minGroup: 4,
      rankingQuestion: 'Rank these priorities',
      columns: { Q2: { role: 'role' }, Q4_1: { role: 'likert', item: 'I can name the priorities', scale: 'agreement' } },
      scales: { agreement: { labels: { 'Agree-ish': 4 }, missing: ['Skip'] } },
      codebooks: { Q2: { '1': 'Executive', '2': 'Manager' } },
      dimensions: { clarity: ['I can name the priorities'] },
      priorities: { aliases: { Revenue: 'Grow new-customer revenue' } },
    });
  });

  it('reads an empty file as an empty config', () => {
    expect(parseConfig('', 'align.yml')).toEqual({});
    expect(parseConfig('# nothing yet\n', 'align.yml')).toEqual({});
  });

  it('names the key path and the roles for a wrong column role', () => {
    expect(errorOf('columns:\n  Q2:\n    role: boss\n')).toBe(
      'align.yml:3: columns.Q2.role: "boss" is not a column role; use one of id, name, email, role, department, submitted, likert, ranking, comment, ownership, recall, multiselect, metadata, ignore',
    );
    expect(errorOf('columns:\n  Q2: boss\n')).toMatch(/^align\.yml:2: columns\.Q2\.role: "boss" is not a column role; use one of id, name/);
  });

  it('rejects an unknown key and suggests the close one', () => {
    expect(errorOf('min_group: 5\n')).toBe(
      'align.yml:1: unknown key "min_group"; did you mean minGroup?; the keys allowed here are title, client, facilitator, date, logo, languages, dateOrder, leaders, minGroup, rankingQuestion, columns, scales, codebooks, dimensions, levels, reverse, commentMinGroup, priorities, official, ownership, quality, renamed',
    );
    expect(errorOf('columns:\n  Q2: {role: role, colour: red}\n')).toMatch(/^align\.yml:2: columns\.Q2: unknown key "colour"/);
    expect(errorOf('scales:\n  agreement:\n    label: {Agree-ish: 4}\n')).toMatch(
      /^align\.yml:3: scales\.agreement: unknown key "label"; did you mean labels\?/,
    );
  });

  it('keeps minGroup at 3 or more, and whole', () => {
    expect(errorOf('minGroup: 2\n')).toBe(
      'align.yml:1: minGroup: 2 is too small: groups smaller than 3 could identify people; use 3 or more (the default is 5)',
    );
    expect(errorOf('minGroup: 4.5\n')).toMatch(/^align\.yml:1: minGroup: expected a whole number/);
    expect(errorOf('minGroup: five\n')).toMatch(/^align\.yml:1: minGroup: expected a number, found the text "five"/);
  });

  it('checks value types with the key path', () => {
    expect(errorOf('scales:\n  agreement:\n    labels: {Agree: lots}\n')).toMatch(
      /^align\.yml:\d+: scales\.agreement\.labels\.Agree: expected a number, found the text "lots"/,
    );
    expect(errorOf('leaders: Executive\n')).toMatch(/^align\.yml:1: leaders: expected a list, found the text "Executive"/);
    expect(errorOf('columns:\n  Q4_1: {role: likert, scale: agree7}\n')).toMatch(
      /^align\.yml:\d+: columns\.Q4_1\.scale: "agree7" is not a scale; define it under scales/,
    );
  });

  it('an alias bomb is an input error (exit 2), not a crash', () => {
    // Before: doc.toJS threw a plain Error ("Excessive alias count ..."), which align reported as a bug (exit 1).
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(errorOf(bomb)).toMatch(
      /^align\.yml: cannot be read as settings: Excessive alias count.*; write each value out instead of repeating it through &anchors and \*aliases$/,
    );
    expect(errorOf('title: *nope')).toMatch(/^align\.yml: cannot be read as settings: Unresolved alias/);
  });

  it('reports YAML syntax errors with the line', () => {
    expect(errorOf('title: x\ncolumns:\n  Q2: [role\n')).toMatch(/^align\.yml:\d+: is not valid YAML/);
    expect(errorOf('- a\n- b\n')).toMatch(/^align\.yml: expected a mapping of settings/);
    expect(errorOf('title: a\ntitle: b\n')).toMatch(/^align\.yml:2: is not valid YAML/);
  });
});

describe('loadConfig(path)', () => {
  it('reads a file (BOM tolerated) and names a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-config-'));
    const path = join(dir, 'align.yml');
    writeFileSync(path, '\uFEFFminGroup: 6\n');
    expect(await loadConfig(path)).toEqual({ minGroup: 6 });
    await expect(loadConfig(join(dir, 'nope.yml'))).rejects.toThrow(/nope\.yml: no such file/);
  });
});
