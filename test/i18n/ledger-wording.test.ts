/**
 * The ledger's notes and exclusion reasons in the report's language: the
 * JSON keeps each one's English (input.notes[].note, input.excluded[].reason,
 * the contract), while a report words it from the catalogue. The fixture
 * holds the common cases: a tie, a duplicate, the same name twice, an empty
 * row, an invalid answer left out with --skip-invalid, straight-lining,
 * incomplete answers, non-leaders who ranked nothing, and members of hidden
 * groups (counted by kind, without lines).
 */

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { keepWording, ledgerText, msg, WORDING, withLanguage } from '../../src/i18n/index.js';
import { clientLedger } from '../../src/render/view-model.js';
import { htmlText, inputStrings, unmarkedWords } from '../helpers/pseudo-check.js';
import { ROOT, runAlign } from '../helpers/run.js';

const CSV = 'test/fixtures/i18n/ledger-notes.csv';
const CONFIG = 'test/fixtures/i18n/ledger-notes.align.yml';
const ARGS = ['audit', CSV, '--config', CONFIG, '--skip-invalid'];

describe('a ledger entry worded from a message (ledgerText)', () => {
  const note = ledgerText({ file: 'a.csv', line: 3 }, 'note', msg('ledger.note.leaderRankedNothing', { name: 'Ana Ruiz' }));

  test('holds the English text, and its message where JSON and field-by-field comparisons do not look', () => {
    expect(note).toEqual({ file: 'a.csv', line: 3, note: "Ana Ruiz is a leader but ranked no priority: left out of the leaders' stacks" });
    expect(JSON.stringify(note)).toBe('{"file":"a.csv","line":3,"note":"Ana Ruiz is a leader but ranked no priority: left out of the leaders\' stacks"}');
    expect(Object.keys(note)).toEqual(['file', 'line', 'note']);
    // English whatever render is running around it
    expect(withLanguage('fr', () => ledgerText({}, 'note', msg('ledger.note.leaderRankedNothing', { name: 'X' })).note)).toBe(
      "X is a leader but ranked no priority: left out of the leaders' stacks",
    );
  });

  test('a copy by object spread loses the message; keepWording carries it over', () => {
    expect(({ ...note } as Record<symbol, unknown>)[WORDING]).toBeUndefined();
    expect((keepWording(note, { ...note }) as Record<symbol, unknown>)[WORDING]).toEqual({
      note: { $: 'msg', key: 'ledger.note.leaderRankedNothing', params: { name: 'Ana Ruiz' } },
    });
  });

  test('a client report words it in its language; repeats still fold by their English text', () => {
    const again = ledgerText({ file: 'a.csv', line: 9 }, 'note', msg('ledger.note.leaderRankedNothing', { name: 'Ana Ruiz' }));
    const input = { files: [], respondents: 2, excluded: [], notes: [note, again] };
    const fr = withLanguage('fr', () => clientLedger(input));
    expect(fr.notes).toEqual([
      {
        file: 'a.csv',
        line: 3,
        lines: '3, 9 (2 au total)',
        count: 2,
        note: 'Ana Ruiz est dirigeant mais n’a classé aucune priorité\u202f: hors des classements des dirigeants',
      },
    ]);
    expect(clientLedger(input).notes[0]?.note).toBe(note.note);
  });

  test('a note read back from a JSON file (no message) is shown as written, or from the catalogue when its wording is a fixed one', () => {
    const input = {
      files: [],
      respondents: 1,
      excluded: [{ file: 'a.csv', line: 4, reason: 'empty row: every cell is blank', kind: 'nothing-answered' as const }],
      notes: [{ file: 'a.csv', line: 2, note: 'something a later version wrote' }],
    };
    const de = withLanguage('de', () => clientLedger(input));
    expect(de.notes[0]?.note).toBe('something a later version wrote');
    expect(de.excluded[0]?.reason).toBe('leere Zeile: alle Zellen sind leer');
  });
});

describe('the fixture with the common notes and reasons', () => {
  test('its JSON keeps the English notes and reasons, whatever --lang says', async () => {
    const en = await runAlign([...ARGS, '--format', 'json']);
    expect(en.code, en.stderr).toBe(0);
    const fr = await runAlign([...ARGS, '--format', 'json', '--lang', 'fr']);
    expect(fr.stdout).toBe(en.stdout);
    const { input } = JSON.parse(en.stdout);
    expect(input.notes.map((n: { note: string }) => n.note)).toContain(
      'This respondent gave rank 1 to both "Grow revenue" and "Launch the app"; they share the average rank',
    );
    expect(input.excluded.map((e: { reason: string }) => e.reason)).toContain('duplicate (same email): replaced by the later submission on line 17');
  });

  test.each(['md', 'html'])('in %s, with the pseudo-locale, every note and reason comes from the catalogue', async (format) => {
    const run = await runAlign([...ARGS, '--format', format, '--lang', 'qps']);
    expect(run.code, run.stderr).toBe(0);
    // the data-quality section (its heading's last mention: the HTML's contents list names it first)
    const section = run.stdout.slice(run.stdout.lastIndexOf('⟦Data quality⟧'));
    expect(section).toContain('⟦duplicate: replaced by a later submission⟧');
    const text = format === 'html' ? htmlText(section) : section;
    expect(unmarkedWords(text, inputStrings([join(ROOT, CSV)], join(ROOT, CONFIG), [CSV]))).toEqual([]);
  });

  test('in French and German, the data-quality section has no English note left', async () => {
    for (const [lang, words] of [
      ['fr', ['Ce répondant a donné le rang 1 à "Grow revenue" et "Launch the app"', 'doublon\u202f: remplacé par une réponse envoyée plus tard']],
      [
        'de',
        [
          'Diese antwortende Person hat sowohl "Grow revenue" als auch "Launch the app" den Rang 1 gegeben',
          'Dublette: durch eine später abgegebene Antwort ersetzt',
        ],
      ],
    ] as const) {
      const run = await runAlign([...ARGS, '--format', 'md', '--lang', lang]);
      expect(run.code, run.stderr).toBe(0);
      for (const w of words) expect(run.stdout).toContain(w);
      expect(run.stdout).not.toMatch(/share the average rank|replaced by|too small to show|ranked no priority|left out/);
    }
  });
});

describe('the English of the messages is the JSON contract text, word for word', () => {
  const en = (key: string, params: Record<string, unknown>) => ledgerText({}, 'note', msg(key, params as never)).note;
  test.each([
    [
      'ledger.note.noRoleColumn',
      { n: 1234 },
      'no role column, so all 1,234 respondents count as leaders; if the file has one, name it in align.yml (columns: {<header>: role})',
    ],
    [
      'ledger.note.leadersWithoutRoles',
      { roles: '"Board", "CEO"' },
      'leader roles "Board", "CEO" were given, but the input has no role column, so everyone counts as a leader',
    ],
    [
      'ledger.note.wholeNumbers',
      { count: '3', columns: '"Q1" … "Q9"', low: '1', high: '4', points: '5' },
      '3 rating questions ("Q1" … "Q9") hold whole numbers 1..4 only: read as a 5-point scale, 1 = lowest; if the scale has more points (nobody chose the top), say so in align.yml: scales: {rating: {labels: {"1": 1, …, "5": 5}}} and columns: {<column>: {role: likert, scale: rating}}',
    ],
    [
      'ledger.quality.fewTimed',
      { n: 1, count: '1', needed: '5' },
      'align.yml quality.exclude lists speeders, but only 1 responses record how long they took (5 are needed for a median): no one is checked for speed',
    ],
    [
      'ledger.note.sameId',
      { id: '"42"', where: msg('ledger.fileLine', { file: 'b.csv', line: '1204' }), other: 'name' },
      'same respondent id "42" as b.csv line 1204 but another name: counted as two responses (ids restart when a survey is copied or reactivated, and Excel can round long ids)',
    ],
    [
      'ledger.note.writeIn',
      { writeIns: '"A", "B"', k: 2, n: '8' },
      'ranked "A", "B", which are not one of the 8 priorities (a write-in): left out of the stack, which is completed over the 8',
    ],
    [
      'ledger.note.rankedNothing',
      { n: 1204, count: '1204', lines: '3, 4' },
      '1204 respondents who are not leaders ranked no priority (lines 3, 4): left out of the department stacks',
    ],
  ])('%s', (key, params, text) => {
    expect(en(key, params)).toBe(text);
  });
});
