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
import { int, joined, keepWording, ledgerText, msg, WORDING, withLanguage } from '../../src/i18n/index.js';
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
    expect(de.excluded[0]?.reason).toBe('Leere Zeile: alle Zellen sind leer');
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
      [
        'fr',
        [
          'Ce répondant a donné le rang 1 à «\u202fGrow revenue\u202f» et «\u202fLaunch the app\u202f»',
          'doublon\u202f: remplacé par une réponse envoyée plus tard',
        ],
      ],
      [
        'de',
        [
          'Diese antwortende Person hat sowohl „Grow revenue“ als auch „Launch the app“ den Rang 1 gegeben',
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

describe('the English of the reading notes and reasons is the JSON contract text, word for word', () => {
  // The texts as ingest and audit wrote them before they had messages (plan/scales.ts, plan/plan.ts,
  // workbook.ts, join.ts, formats/qualtrics.ts, audit/stack.ts): the JSON must not change by a byte.
  const en = (m: ReturnType<typeof msg>) => ledgerText({}, 'note', m).note;
  const language = (code: string) => msg('reading.language', { language: code });
  test.each([
    [
      'a "Sans opinion" middle, in one column',
      msg('reading.middle', {
        label: '"Sans opinion"',
        n: 1,
        count: '1',
        column: '"Q1"',
        more: 0,
        moreCount: '0',
        scale: 'agreement',
        value: '3',
        points: '5',
      }),
      '"Sans opinion" (1 answer in column "Q1") is read as the middle of the agreement scale (3 of 5), which no other answer there is; if it means no answer, say so in align.yml: scales: {agreement: {labels: {}, missing: ["Sans opinion"]}}',
    ],
    [
      'a "Sans opinion" middle, in a question of several columns',
      msg('reading.middle', {
        label: '"Sans opinion"',
        n: 1234,
        count: '1234',
        column: '"Q1"',
        more: 5,
        moreCount: '5',
        scale: 'agreement',
        value: '3',
        points: '5',
      }),
      '"Sans opinion" (1234 answers in column "Q1" and 5 more read with it) is read as the middle of the agreement scale (3 of 5), which no other answer there is; if it means no answer, say so in align.yml: scales: {agreement: {labels: {}, missing: ["Sans opinion"]}}',
    ],
    [
      'labels of a 5-point scale and its 7-point twin, read on 5 points',
      msg('reading.twin.note', {
        answers: '"En desacuerdo", "De acuerdo"',
        column: '"Q1"',
        more: 1,
        moreCount: '1',
        points: '5',
        scale: 'agreement',
        here: '2, 4',
        twinPoints: '7',
        twin: 'agreement-7',
        there: '2, 6',
        label: '"De acuerdo"',
        value: '6',
      }),
      'the answers ("En desacuerdo", "De acuerdo") of column "Q1" and 1 more read with it are labels of both the 5-point agreement scale (2, 4 of 5) and the 7-point agreement-7 scale (2, 6 of 7): read on 5 points; if the survey used 7, say so in align.yml: scales: {agreement-7: {labels: {"De acuerdo": 6}}}',
    ],
    [
      'labels a 5-point scale and its twin order differently (align stack)',
      msg('reading.twin.lenient', {
        problem: msg('reading.twin.problem', {
          answers: '"A", "B"',
          points: '5',
          scale: 'agreement',
          here: '2, 4',
          twinPoints: '7',
          twin: 'agreement-7',
          there: '2, 5',
        }),
        fix: msg('reading.twin.fix', { twin: 'agreement-7', scale: 'agreement', label: '"B"', twinValue: '5', value: '4', twinPoints: '7', points: '5' }),
        column: '"Q1"',
        points: '5',
      }),
      'the answers ("A", "B") are labels of both the 5-point agreement scale (2, 4 of 5) and the 7-point agreement-7 scale (2, 5 of 7), and no answer tells which the survey used (column "Q1"): read on 5 points; say which in align.yml: scales: {agreement-7: {labels: {"B": 5}}} reads them on 7 points, scales: {agreement: {labels: {"B": 4}}} on 5',
    ],
    [
      'labels decoded with the wrong encoding (align stack)',
      msg('reading.misread.note', {
        problem: msg('reading.misread.garbled', { answers: '"Dâ€™accord", …', sample: '"â€™"' }),
        fix: msg('reading.misread.garbledFix'),
        column: '"Q1"',
      }),
      'the answers ("Dâ€™accord", …) look like text decoded with the wrong encoding ("â€™" is how Windows-1252 shows the bytes of one UTF-8 character), so no scale reads them (column "Q1"); pass --encoding with the encoding the file was saved in (utf-8, windows-1252, macintosh); if the file itself holds these characters, export it again as UTF-8 ("CSV UTF-8" in Excel)',
    ],
    [
      'labels in a language align.yml leaves out (align stack)',
      msg('reading.misread.note', {
        problem: msg('reading.misread.language', {
          answers: '"D\'accord"',
          scale: 'agreement',
          languages: msg('reading.or', { a: msg('reading.or', { a: language('fr'), b: language('es') }), b: language('nl') }),
          configured: 'en, de',
        }),
        fix: msg('reading.misread.languageFix', { language: 'fr', list: 'en, de, fr' }),
        column: '"Q1"',
      }),
      'the answers ("D\'accord") are labels of the agreement scale in French or Spanish or Dutch, which align.yml languages (en, de) leaves out (column "Q1"); add fr to align.yml languages: [en, de, fr], or correct the answers',
    ],
    [
      'labels of two languages in one question (align stack)',
      msg('reading.mixed.note', {
        problem: msg('reading.mixed.problem', {
          count: '2',
          found: joined(
            [
              msg('reading.mixed.labelIn', { label: '"Agree"', languages: language('en') }),
              msg('reading.mixed.labelIn', { label: '"Stimme zu"', languages: msg('reading.or', { a: language('de'), b: language('nl') }) }),
              '…',
            ],
            ', ',
          ),
        }),
        column: '"Q1"',
      }),
      'the answers are labels of 2 languages with none common to all: "Agree" (English), "Stimme zu" (German or Dutch), … (column "Q1"): left out (Likert answers are not used here)',
    ],
    [
      'a grid answered on no scale align knows (align stack)',
      msg('reading.unknownScale.note', {
        problem: msg('reading.unknownScale.problem', { count: '2', question: '"How true?"', answers: '"Mostly", "Partly"' }),
        fix: msg('reading.unknownScale.fix', { label: '"Mostly"' }),
      }),
      'the 2 columns of "How true?" share the answers "Mostly", "Partly", which are not a Likert scale align knows: left out (Likert answers are not used here); give each its number in align.yml under scales (scales: {mine: {labels: {"Mostly": <number>, …}}}) and name the scale in columns.<column>.scale, or set these columns to ignore under columns',
    ],
    [
      "a workbook's numbers formatted as dates, one cell",
      msg('reading.workbook.dateNumbers', { column: '"Q1"', n: 1, count: '1', example: '5', date: '1900-01-05' }),
      'column "Q1": 1 cell formatted as dates holds whole numbers (5 shows as 1900-01-05): read as the numbers, as no survey holds dates of early 1900; format the column as Number in the workbook to silence this',
    ],
    [
      "a workbook's numbers formatted as dates, many cells",
      msg('reading.workbook.dateNumbers', { column: '"Q1"', n: 1204, count: '1204', example: '5', date: '1900-01-05' }),
      'column "Q1": 1204 cells formatted as dates hold whole numbers (5 shows as 1900-01-05): read as the numbers, as no survey holds dates of early 1900; format the column as Number in the workbook to silence this',
    ],
    [
      'an unfinished Qualtrics response with its progress',
      msg('reading.excluded.qualtricsUnfinished', { finished: 'False', hasProgress: 'yes', progress: '45' }),
      'unfinished response (Qualtrics Finished = False, Progress 45%)',
    ],
    [
      'an unfinished Qualtrics response without a progress',
      msg('reading.excluded.qualtricsUnfinished', { finished: '0', hasProgress: 'no', progress: '' }),
      'unfinished response (Qualtrics Finished = 0)',
    ],
    [
      "--rankings instead of the survey's own ranking",
      msg('reading.join.rankingsInstead', { files: 'a.csv, b.csv' }),
      "the survey's own ranking question is not used: the stacks come from a.csv, b.csv (--rankings)",
    ],
    ...(
      [
        ['id', 1, 'a respondent id that belongs', '1 stack has'],
        ['email', 2, 'a email that belongs', '2 stacks have'],
        ['idEmail', 3, 'a respondent id or email that belongs', '3 stacks have'],
        ['emailId', 3, 'a email or respondent id that belongs', '3 stacks have'],
      ] as const
    ).map(([by, n, words, count]) => [
      `stacks whose ${by} the names contradict`,
      msg('reading.join.contradicted', { n, count: String(n), by }),
      `${count} ${words} to a survey respondent of another name; matched by the next rule instead (respondent id, else email, else name)`,
    ]),
    [
      'a stack that matches nobody',
      msg('reading.join.notUsed', { problem: msg('reading.join.matchesNone') }),
      'stack not used: it matches no survey respondent by respondent id, email or name',
    ],
    [
      'a stack that matches several',
      msg('reading.join.notUsed', { problem: msg('reading.join.matchesMany', { by: 'email', count: '2' }) }),
      'stack not used: its email matches 2 survey respondents',
    ],
    [
      "a tied leader's rank-biased overlap",
      msg('reading.rbo.tied', { name: 'Ben Okoro' }),
      'Ben Okoro gave two priorities the same rank; rank-biased overlap needs untied lists',
    ],
    [
      'more priorities than exact Kemeny is computed for',
      msg('reading.kemeny.tooMany', { max: '16', n: '1204' }),
      'exact Kemeny is computed for at most 16 priorities; this stack has 1204',
    ],
    [
      'more leaders than a pairwise list can show (counts grouped as toLocaleString("en") grouped them)',
      msg('reading.pairs.tooMany', { leaders: int(1204), pairs: int((1204 * 1203) / 2), max: '60' }),
      '1,204 leaders make 724,206 pairs, more than a pairwise list can show (it stops at 60 leaders)',
    ],
  ] as Array<[string, ReturnType<typeof msg>, string]>)('%s', (_what, m, text) => {
    expect(en(m)).toBe(text);
  });
});
