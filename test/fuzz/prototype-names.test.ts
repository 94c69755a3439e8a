// Found by the reader fuzzer (test/fuzz/reader.test.ts; ALIGN_FUZZ_RUNS=3000 ALIGN_FUZZ_SEED=99,
// case 2751: surveymonkey.csv with one header cell renamed `constructor`): `align inspect` exited 1
// with "unexpected failure: Cannot read properties of undefined (reading 'length')". Each tool's
// table of the columns it knows (Respondent ID, StartDate, #, ...) was a plain object looked up
// with the lower-cased header, so `constructor` and `__proto__` found Object.prototype's members:
// a "known" column with no role, which inspect could not print and audit silently left unread.
// The same lookup turned the header entity `&constructor;` into "function Object() { [native code] }".
// A header is text like any other: it must read exactly as a header of the same length would.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORTS } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'align-proto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOOLS = ['surveymonkey.csv', 'qualtrics.csv', 'qualtrics-2016.csv', 'typeform.csv', 'microsoft-forms.csv', 'limesurvey.csv', 'limesurvey-fulltext.csv'];
/** Each name with an ordinary stand-in of the same length, so the two outputs line up. */
const NAMES = [
  ['constructor', 'konstructor'],
  ['__proto__', '__proxy__'],
] as const;

/** The export with its first line's last cell renamed `name` (the answers unchanged), in its own folder. */
function renamed(tool: string, name: string): string {
  const text = readFileSync(join(EXPORTS, tool), 'utf8');
  const end = text.indexOf('\n');
  const header = text.slice(0, end).replace(/\r$/, '');
  const folder = mkdtempSync(join(dir, `${name}-`));
  const path = join(folder, tool);
  writeFileSync(path, `${header.slice(0, header.lastIndexOf(',') + 1)}${name}${text.slice(header.length)}`);
  return path;
}

async function outputs(path: string): Promise<string[]> {
  const out: string[] = [];
  for (const args of [
    ['inspect', path],
    ['audit', path, '--format', 'json'],
  ]) {
    const run = await runAlign(args);
    expect(run.code, `align ${args.join(' ')}: ${run.stderr}`).not.toBe(1);
    out.push(`exit ${run.code}\n${run.stdout.replaceAll(path, 'FILE')}${run.stderr.replaceAll(path, 'FILE')}`);
  }
  return out;
}

describe("a header named like an Object.prototype member reads as any other header, in each tool's export", () => {
  for (const tool of TOOLS) {
    it.each(NAMES)(`${tool}: a column headed %s reads as one headed %s (inspect, audit)`, async (name, standIn) => {
      const hostile = await outputs(renamed(tool, name));
      const plain = await outputs(renamed(tool, standIn));
      expect(hostile.map((o) => o.replaceAll(name, standIn))).toEqual(plain);
    });
  }

  it('the entity &constructor; in a SurveyMonkey header stays as written', async () => {
    const text = readFileSync(join(EXPORTS, 'surveymonkey.csv'), 'utf8').replace('&apos;', '&constructor;');
    const path = join(dir, 'surveymonkey-entity.csv');
    writeFileSync(path, text);
    const run = await runAlign(['audit', path, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('native code');
    expect(run.stdout).toContain('company&constructor;s top three priorities');
  });
});

describe('--delimiter named like an Object.prototype member', () => {
  // `--delimiter constructor` and `--delimiter __proto__` were taken: the table of delimiter
  // names was a plain object, so Object's members passed as delimiters and the file was read
  // with the delimiter detected, the flag silently dropped. They are refused as `toString` is.
  it.each(['constructor', '__proto__'])('--delimiter %s is refused like any unknown name (exit 2, one line)', async (name) => {
    const run = await runAlign(['stack', join(EXPORTS, 'northwind-rankings-long.csv'), '--delimiter', name]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`align: --delimiter takes comma, semicolon, tab or pipe (got "${name}")\n`);
  });
});
