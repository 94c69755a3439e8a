/**
 * The synthetic stacks files of test/fixtures/rankings (copies of
 * shared/fixtures/rankings; see its README.md for the rules) read through
 * readDataset: the respondents, their explicit ranks and N must be what the
 * expected files say. Names are compared through priorityKey (rule 2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { readDataset } from '../../src/ingest/dataset.js';
import { priorityKey } from '../../src/ingest/priority-key.js';
import type { Dataset } from '../../src/ingest/types.js';

const DIR = 'test/fixtures/rankings';

interface Expected {
  encoding: string;
  bom: boolean;
  delimiter: string;
  roleColumn: boolean;
  nPriorities: number;
  priorities: string[];
  respondents: Array<{ name: string; role: string | null; department: string; leader: boolean; ranked: number; explicit: Record<string, number> }>;
}

const FIXTURES = ['aw-long-partial', 'aw-wide-ties', 'aw-list-semicolon', 'aw-list-arrow', 'aw-names-messy', 'aw-leaders-managers'];

async function read(name: string): Promise<Dataset> {
  return readDataset([`${DIR}/${name}.csv`], { config: {}, skipInvalid: false });
}

function expected(name: string): Expected {
  return JSON.parse(readFileSync(`${DIR}/${name}.expected.json`, 'utf8')) as Expected;
}

/** Rule 5: with a role column the leaders are the Executives; without one, everyone. */
function isLeader(d: Dataset, role: string | null): boolean {
  return d.hasRoleColumn ? (role ?? '').toLowerCase() === 'executive' : true;
}

function explicitByKey(explicit: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(explicit).map(([name, rank]) => [priorityKey(name), rank]));
}

describe.each(FIXTURES)('readDataset(%s.csv)', (name) => {
  test('file bytes as the expected file says', async () => {
    const d = await read(name);
    const e = expected(name);
    expect(d.files).toEqual([
      { path: `${DIR}/${name}.csv`, format: 'generic', encoding: e.encoding, bom: e.bom, delimiter: e.delimiter, rows: d.files[0]!.rows, headerRows: 1 },
    ]);
  });

  test('N priorities, matched by key', async () => {
    const d = await read(name);
    const e = expected(name);
    expect(d.priorities).toHaveLength(e.nPriorities);
    expect(new Set(d.priorities.map((p) => p.key))).toEqual(new Set(e.priorities.map(priorityKey)));
  });

  test('the same respondents: name, role, department, leader', async () => {
    const d = await read(name);
    const e = expected(name);
    expect(d.hasRoleColumn).toBe(e.roleColumn);
    expect(d.respondents.map((r) => ({ name: r.name, role: r.role, department: r.department, leader: isLeader(d, r.role) }))).toEqual(
      e.respondents.map((r) => ({ name: r.name, role: r.role, department: r.department, leader: r.leader })),
    );
  });

  test('the same explicit ranks', async () => {
    const d = await read(name);
    const e = expected(name);
    d.respondents.forEach((r, i) => {
      const want = e.respondents[i]!;
      expect(Object.fromEntries(r.stack.map((s) => [s.priority, s.rank])), r.name ?? '').toEqual(explicitByKey(want.explicit));
      expect(r.stack).toHaveLength(want.ranked);
    });
  });

  test('every data row used, none excluded', async () => {
    const d = await read(name);
    expect(d.excluded).toEqual([]);
    const used = d.respondents.length;
    const rows = d.files[0]!.rows;
    // long files: one row per ranked priority; the others one row per respondent
    expect(rows).toBe(
      name.includes('long') || name.includes('messy') || name.includes('managers') ? d.respondents.reduce((n, r) => n + r.stack.length, 0) : used,
    );
  });
});

describe('one stack, three encodings', () => {
  test('aw-list-semicolon, aw-list-arrow and aw-names-messy give identical stacks and priorities', async () => {
    const [a, b, c] = await Promise.all(['aw-list-semicolon', 'aw-list-arrow', 'aw-names-messy'].map(read));
    const stacks = (d: Dataset) => d.respondents.map((r) => ({ name: r.name, department: r.department, stack: r.stack }));
    expect(stacks(b!)).toEqual(stacks(a!));
    expect(stacks(c!)).toEqual(stacks(a!));
    const keys = (d: Dataset) => d.priorities.map((p) => p.key).sort();
    expect(keys(b!)).toEqual(keys(a!));
    expect(keys(c!)).toEqual(keys(a!));
  });

  test('aw-names-messy: 30 spellings are 9 priorities, each shown by its most used spelling', async () => {
    const d = await read('aw-names-messy');
    expect(d.priorities.map((p) => p.name).sort()).toEqual(expected('aw-names-messy').priorities.slice().sort());
  });
});

describe('notes', () => {
  test("aw-wide-ties: Kofi Boateng's tie is noted on his line, without his name (notes reach the report)", async () => {
    const d = await read('aw-wide-ties');
    expect(d.notes).toMatchObject([
      {
        file: `${DIR}/aw-wide-ties.csv`,
        line: 7,
        note: 'This respondent gave rank 2 to both "Launch the e-bike line" and "Expand into Asia-Pacific"; they share the average rank',
      },
    ]);
  });

  test('aw-long-partial: a long respondent starts on their first row', async () => {
    const d = await read('aw-long-partial');
    expect(d.respondents.map((r) => r.line)).toEqual([2, 11, 16, 25, 34, 39, 48, 53]);
    expect(d.notes).toEqual([]);
  });
});

describe('northwind-rankings-long.csv (test/fixtures/exports)', () => {
  test('exactly the 240 (respondent, priority, rank) triples of the file, 8 priorities', async () => {
    const path = 'test/fixtures/exports/northwind-rankings-long.csv';
    const d = await readDataset([path], { config: {}, skipInvalid: false });
    expect(d.respondents).toHaveLength(30);
    expect(d.priorities).toHaveLength(8);
    expect(d.respondents.filter((r) => r.role === 'Executive')).toHaveLength(6);
    const got = d.respondents.flatMap((r) => r.stack.map((s) => `${r.toolId}|${s.priority}|${s.rank}`)).sort();
    const want = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [id, , , , priority, rank] = line.split(',');
        return `${id}|${priorityKey(priority!)}|${Number(rank)}`;
      })
      .sort();
    expect(got).toHaveLength(240);
    expect(got).toEqual(want);
  });
});

describe('listed options (the N is decided in the audit, which knows the leaders)', () => {
  it('a wide file lists its priority columns as the options; a long or list file lists none (its names come from the cells)', async () => {
    expect((await read('aw-wide-ties')).priorities.every((p) => p.listed === true)).toBe(true);
    for (const name of ['aw-long-partial', 'aw-list-arrow', 'aw-leaders-managers']) {
      expect(
        (await read(name)).priorities.some((p) => p.listed === true),
        name,
      ).toBe(false);
    }
  });
});
