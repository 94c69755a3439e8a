// ARCHITECTURE.md, "Duplicates": two respondents with one name are told apart by distinct
// emails or distinct person-level ids (a plain table's id column); a respondent is noted when
// an earlier one of the same name lacks an email or has the same one, and lacks a person id or
// has the same one, and the note names the first such. dataset.ts (noteSameNames) finds that in
// one pass with maps (and skips the maps for an email or id no other row holds); this checks
// it against the rule applied to every pair, on random small tables. Seeded and bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personKey } from '../../src/ingest/columns.js';
import { assembleDataset } from '../../src/ingest/dataset.js';
import type { Normalised, RawRow } from '../../src/ingest/formats/types.js';
import type { Respondent, Table } from '../../src/ingest/types.js';

const OPTIONS = { seed: 20261129, numRuns: 400 };

const person = fc.record({
  name: fc.constantFrom(null, 'Ann', 'ann ', 'Bo', 'José', 'jose'),
  email: fc.constantFrom(null, 'a@x', 'A@x', 'b@x', 'c@x'),
  toolId: fc.constantFrom(null, 'E1', 'E2', 'E3', 'E4', 'E5'),
  submitted: fc.constantFrom(null, 1, 2),
});

function assemble(
  people: Array<{ name: string | null; email: string | null; toolId: string | null; submitted: number | null }>,
  format: 'generic' | 'typeform',
) {
  const rows: RawRow[] = people.map((p, i) => ({
    file: 'f.csv',
    line: i + 2,
    ...p,
    role: null,
    department: null,
    likert: {},
    stack: [{ priority: 'Grow', rank: 1 }],
    exclude: null,
  }));
  const records = Array.from({ length: rows.length + 1 }, () => ['x']);
  const table: Table = { path: 'f.csv', encoding: 'utf-8', bom: false, delimiter: ',', records, lines: records.map((_, i) => i + 1) };
  const normalised: Normalised = {
    format,
    headerRows: 1,
    columns: [],
    items: [],
    rows,
    excluded: [],
    notes: [],
    hasRoleColumn: false,
    priorities: [],
    newestFirst: false,
  };
  return assembleDataset([{ table, normalised }], { config: {}, skipInvalid: false });
}

/** The rule on every pair: for each respondent, the line of the first earlier one nothing tells apart from them. */
function byEveryPair(respondents: readonly Respondent[], personIds: boolean): Array<[number, number]> {
  const email = (r: Respondent) => r.email?.trim().toLowerCase() || null;
  const id = (r: Respondent) => (personIds ? r.toolId?.trim() || null : null);
  const agree = (a: string | null, b: string | null) => a === null || b === null || a === b;
  const out: Array<[number, number]> = [];
  respondents.forEach((r, j) => {
    if (!r.name || personKey(r.name) === '') return;
    const first = respondents.slice(0, j).find((e) => e.name && personKey(e.name) === personKey(r.name!) && agree(email(e), email(r)) && agree(id(e), id(r)));
    if (first) out.push([r.line, first.line]);
  });
  return out;
}

describe('same-name notes', () => {
  for (const format of ['generic', 'typeform'] as const) {
    it(`follow the rule on every pair (${format}: ${format === 'generic' ? 'ids name people' : 'ids name submissions'})`, () => {
      fc.assert(
        fc.property(fc.array(person, { maxLength: 14 }), (people) => {
          const d = assemble(people, format);
          const noted = d.notes.filter((n) => n.kind === 'same-name').map((n): [number, number] => [n.line, Number(/on line (\d+)/.exec(n.note)![1])]);
          expect(noted).toEqual(byEveryPair(d.respondents, format === 'generic'));
        }),
        OPTIONS,
      );
    });
  }
});
