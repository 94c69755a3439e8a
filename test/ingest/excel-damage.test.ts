/**
 * Issue 10, point 1: a SurveyMonkey export re-saved by Excel (long respondent
 * ids rounded to 1.14524E+10 in every row, End Date turned into ##########):
 * made from test/fixtures/exports/surveymonkey.csv by rewriting those two
 * columns. It must stop with one line saying to download the export again,
 * never merge the 30 different people into one; and no finding speaks of
 * "every leader" with fewer than two leaders.
 */
import { describe, expect, test } from 'vitest';
import { UGLY } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from './temp-files.js';

const FILE = `${UGLY}/surveymonkey-excel-resaved.csv`;

describe('an export re-saved by Excel', () => {
  test.each([['audit'], ['stack'], ['inspect']])('align %s stops with exit 2 and one line saying to download it again', async (command) => {
    const run = await runAlign([command!, FILE]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /30 rows share the respondent id "1\.14524E\+10" although their names, emails or answers differ: the export was opened and saved in Excel/,
    );
    expect(run.stderr).toMatch(/download the export again .* without opening it in Excel/);
  });

  test('the same id in scientific notation for one person only (one row) is no damage', async () => {
    const tmp = tempFolder();
    try {
      const text = 'Respondent ID,Your name,Rank [A],Rank [B],Rank [C]\n1.2E+10,Ann,1,2,3\n1.3E+10,Bo,2,1,3\n';
      const run = await runAlign(['stack', tmp.write('two-ids.csv', text), '--json']);
      expect(run.code, run.stderr).toBe(0);
    } finally {
      tmp.remove();
    }
  });
});

describe('no finding about "every leader" with fewer than two leaders', () => {
  test('one leader: no unanimous finding', async () => {
    const tmp = tempFolder();
    try {
      const text = 'name,role,department,stack\nAnn,Executive,Office,A;B;C\nBo,Manager,Sales,B;A;C\n';
      const run = await runAlign(['audit', tmp.write('one-leader.csv', text), '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const findings = JSON.parse(run.stdout).findings as Array<{ kind: string; title: string }>;
      expect(findings.filter((f) => f.kind === 'unanimous')).toEqual([]);
      expect(findings.map((f) => f.title).join(' ')).not.toMatch(/every leader/i);
    } finally {
      tmp.remove();
    }
  });
});

describe('an anonymous export re-saved by Excel (no names, no emails)', () => {
  test('rows sharing one rounded id with different answers stop too, instead of being merged', async () => {
    const tmp = tempFolder();
    try {
      const text = 'Respondent ID,Rank [A],Rank [B],Rank [C]\n1.14524E+10,1,2,3\n1.14524E+10,2,1,3\n1.14524E+10,3,2,1\n';
      const run = await runAlign(['stack', tmp.write('anonymous.csv', text)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/3 rows share the respondent id "1\.14524E\+10" although their names, emails or answers differ/);
    } finally {
      tmp.remove();
    }
  });
});
