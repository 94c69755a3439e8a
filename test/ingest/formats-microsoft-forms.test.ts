import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { normalise } from '../../src/ingest/formats/microsoft-forms.js';
import { expectCanonical, expectChannels, expectSubmitted, expectToolIds, readExport, tableOf } from './northwind.js';

describe.each([
  ['microsoft-forms.csv', 'utf-8', true, ','],
  ['microsoft-forms-windows1252.csv', 'windows-1252', false, ','],
  ['microsoft-forms-utf16le.txt', 'utf-16le', true, '\t'],
])('%s', (file, encoding, bom, delimiter) => {
  it(`is detected as Microsoft Forms (${encoding}, delimiter ${JSON.stringify(delimiter)})`, async () => {
    const { module, table } = await readExport(file);
    expect(module.format).toBe('microsoft-forms');
    expect({ encoding: table.encoding, bom: table.bom, delimiter: table.delimiter }).toEqual({ encoding, bom, delimiter });
  });

  it('gives the canonical dataset, accents intact, names from the Name column', async () => {
    const { normalised } = await readExport(file);
    expect(normalised.columns.find((c) => c.header === 'Name')?.role).toBe('name');
    expectCanonical(normalised);
    expect(normalised.rows.map((r) => r.name)).toContain('José Núñez');
  });

  it('reads the ranking as one ";"-separated cell with a trailing ";"', async () => {
    const { normalised } = await readExport(file);
    expect(normalised.ranking).toMatchObject({ encoding: 'list' });
    expect(normalised.columns.find((c) => c.role === 'ranking')?.header).toBe('Rank these priorities for the next 12 months (1 = most important)');
  });

  it('reads the multi-select cell, the completion times (M/D/YY) and the response numbers', async () => {
    const { normalised } = await readExport(file);
    expectChannels(normalised);
    expectSubmitted(normalised);
    expectToolIds(normalised, 'msforms_id');
  });
});

describe('Microsoft Forms details', () => {
  const head = 'ID,Start time,Completion time,Email,Name,Rank the priorities\n';

  it('an anonymous form: Email "anonymous" is no email', () => {
    const n = normalise(tableOf('m.csv', `${head}1,3/3/25 9:27:10,3/3/25 9:30:57,anonymous,,A;B;C;\n2,3/3/25 9:27:10,3/3/25 9:31:57,anonymous,,B;C;A;\n`), {
      config: {},
      skipInvalid: false,
    });
    expect(n.rows.map((r) => r.email)).toEqual([null, null]);
    expect(n.rows[1]!.stack).toEqual([
      { priority: 'B', rank: 1 },
      { priority: 'C', rank: 2 },
      { priority: 'A', rank: 3 },
    ]);
  });

  it('a priority twice in one ranking cell is an error naming the line and column', () => {
    const table = tableOf('m.csv', `${head}1,3/3/25 9:27:10,3/3/25 9:30:57,a@x.example,Ann,A;B;C;\n2,3/3/25 9:27:10,3/3/25 9:31:57,b@x.example,Bo,B;B;A;\n`);
    expect(() => normalise(table, { config: {}, skipInvalid: false })).toThrow(InputError);
    expect(() => normalise(table, { config: {}, skipInvalid: false })).toThrow(/^m\.csv:3:"Rank the priorities": "B" is ranked twice/);
  });
});
