import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/cli/inspect.js';
import type { Io } from '../../src/cli/io.js';
import { parseConfig } from '../../src/ingest/config.js';
import { EXPORTS } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

const REAL = join(import.meta.dirname, '../../../shared/fixtures/exports/real');

function io(cwd: string): { io: Io; out: () => string } {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  return {
    io: { stdout, stderr: new PassThrough(), env: {}, cwd, interactive: false },
    out: () => Buffer.concat(chunks).toString('utf8'),
  };
}

const temp = () => mkdtempSync(join(tmpdir(), 'align-inspect-'));

const TOOL_FILES: Array<[string, string, string?]> = [
  ['google-forms.csv', 'google-forms'],
  ['google-forms-semicolon.csv', 'google-forms'],
  ['surveymonkey.csv', 'surveymonkey'],
  ['qualtrics.csv', 'qualtrics'],
  ['qualtrics-numeric.csv', 'qualtrics', 'northwind.align.yml'],
  ['microsoft-forms.csv', 'microsoft-forms'],
  ['microsoft-forms-windows1252.csv', 'microsoft-forms'],
  ['microsoft-forms-utf16le.txt', 'microsoft-forms'],
  ['typeform.csv', 'typeform'],
  ['limesurvey.csv', 'limesurvey', 'limesurvey.align.yml'],
  ['limesurvey-fulltext.csv', 'limesurvey'],
];

describe('align inspect <file>', () => {
  it.each(TOOL_FILES)('%s: names %s, 30 usable rows, every column placed', async (file, format, config) => {
    const { io: x, out } = io(temp());
    const result = await inspect({ file: join(EXPORTS, file), ...(config ? { config: join(EXPORTS, config) } : {}) }, x);
    expect(result.format).toBe(format);
    expect({ rows: result.rows, usable: result.usable, excluded: result.excluded }).toEqual({ rows: 30, usable: 30, excluded: [] });
    expect(result.unplaced).toEqual([]);
    expect(result.ranking?.priorities).toBe(8);
    expect(result.items).toBe(6);
    const text = out();
    expect(text).toContain(`tool         ${format}: `);
    expect(text).toContain('rows         30 data rows: 30 usable, 0 excluded');
    expect(text).toMatch(/^ {2}#\s+header\s+role\s+conf\.\s+reason$/m);
  });

  it('prints encoding, delimiter and header rows', async () => {
    const { io: x, out } = io(temp());
    await inspect({ file: join(EXPORTS, 'microsoft-forms-utf16le.txt') }, x);
    expect(out()).toContain('encoding     utf-16le (with byte-order mark)\ndelimiter    tab\nheader rows  1\n');
    const sm = io(temp());
    await inspect({ file: join(EXPORTS, 'surveymonkey.csv') }, sm.io);
    expect(sm.out()).toContain('header rows  2\n');
  });

  it('each column with its role, confidence and reason', async () => {
    const { io: x, out } = io(temp());
    await inspect({ file: join(EXPORTS, 'typeform.csv') }, x);
    expect(out()).toMatch(/^ {2}5\s+I can name the com.*likert\s+0\.75\s+whole numbers within 1\.\.5: read as a 5-point scale, 1 = lowest$/m);
    expect(out()).toMatch(/^ {2}1\s+#\s+id\s+0\.99\s+Typeform response token$/m);
  });

  it('a CSV from no known tool falls back to generic and names the columns it could not place', async () => {
    const dir = temp();
    const path = join(dir, 'hand-made.csv');
    writeFileSync(path, 'Name,Role,Favourite colour,Grow revenue,Cut costs\nAnn,Executive,Red,1,2\nBo,Executive,Blue,2,1\n');
    const { io: x, out } = io(dir);
    const result = await inspect({ file: path }, x);
    expect(result.format).toBe('generic');
    expect(result.unplaced).toEqual(['Favourite colour']);
    expect(out()).toContain('could not place 1 column: "Favourite colour"');
  });

  it('lists excluded rows with their reasons', async () => {
    const dir = temp();
    const text = readFileSync(join(EXPORTS, 'typeform.csv'), 'utf8').replace(',completed,2025-03-03 09:27:10', ',partial,2025-03-03 09:27:10');
    const path = join(dir, 'typeform.csv');
    writeFileSync(path, text);
    const { io: x, out } = io(dir);
    const result = await inspect({ file: path }, x);
    expect(result.usable).toBe(29);
    expect(result.excluded).toMatchObject([{ file: path, line: 2, reason: 'unfinished response (Typeform Response Type: partial)' }]);
    expect(out()).toContain('excluded rows\n  line 2: unfinished response (Typeform Response Type: partial)\n');
  });
});

describe('align inspect --write-config', () => {
  it('writes ./align.yml atomically, valid, naming every column', async () => {
    const dir = temp();
    const { io: x, out } = io(dir);
    const result = await inspect({ file: join(EXPORTS, 'qualtrics.csv'), writeConfig: true }, x);
    expect(result.configWritten).toBe('align.yml');
    expect(readdirSync(dir)).toEqual(['align.yml']); // no temp file left behind
    const text = readFileSync(join(dir, 'align.yml'), 'utf8');
    const config = parseConfig(text, 'align.yml');
    expect(config.rankingQuestion).toBe('Rank these priorities for the next 12 months (1 = most important)');
    expect(config.columns?.Q4_1).toEqual({ role: 'likert', item: "I can name the company's top three priorities for this quarter", scale: 'agreement' });
    expect(config.columns?.Q5_5).toEqual({ role: 'ranking', priority: 'Expand to EU' });
    expect(config.columns?.Q2).toEqual({ role: 'role' });
    expect(text).toMatch(/# header "What is your role\?" reads as the respondent's role or level \(confidence 0\.90\)\n {2}Q2: role\n/);
    expect(out()).toContain('wrote align.yml');
  });

  it('refuses to overwrite without --force, and never writes over the input', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'align.yml'), 'title: mine\n');
    await expect(inspect({ file: join(EXPORTS, 'typeform.csv'), writeConfig: true }, io(dir).io)).rejects.toThrow(
      'align.yml already exists; pass --force to replace it, or name another file: --write-config other.yml',
    );
    expect(readFileSync(join(dir, 'align.yml'), 'utf8')).toBe('title: mine\n');
    // an existing ./align.yml is applied while reading (as audit does) and carried into the new one
    await inspect({ file: join(EXPORTS, 'typeform.csv'), writeConfig: true, force: true }, io(dir).io);
    expect(parseConfig(readFileSync(join(dir, 'align.yml'), 'utf8'), 'align.yml').title).toBe('mine');
  });

  it('the written config is what is read: editing a role changes what inspect finds', async () => {
    const dir = temp();
    await inspect({ file: join(EXPORTS, 'qualtrics.csv'), writeConfig: true }, io(dir).io);
    const path = join(dir, 'align.yml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace(/^ {2}Q4_1: .*$/m, '  Q4_1: ignore')
        .replace(/^ {2}Q7: .*$/m, '  Q7: ownership'),
    );
    const result = await inspect({ file: join(EXPORTS, 'qualtrics.csv'), config: path }, io(dir).io);
    expect(result.items).toBe(5);
    expect(result.columns.find((c) => c.header === 'Anything else the leadership team should know?')).toMatchObject({
      role: 'ownership',
      confidence: 1,
      reason: 'align.yml columns.Q7: ownership',
    });
  });

  it.each(TOOL_FILES)('%s: align audit with the written config reproduces the audit exactly', async (file, _format, given) => {
    const dir = temp();
    const input = join(EXPORTS, file);
    const base = given ? ['--config', join(EXPORTS, given)] : [];
    await inspect({ file: input, writeConfig: 'written.yml', ...(given ? { config: join(EXPORTS, given) } : {}) }, io(dir).io);
    const written = join(dir, 'written.yml');
    expect(existsSync(written)).toBe(true);
    const before = await runAlign(['audit', input, '--format', 'json', ...base], { cwd: dir });
    const after = await runAlign(['audit', input, '--format', 'json', '--config', written], { cwd: dir });
    expect(before.stderr).toBe('');
    expect(after.stderr).toBe('');
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
  });
});

describe('align inspect --write-config on stacks files (the generic reader)', () => {
  const root = join(import.meta.dirname, '../..');
  it.each(['examples/fernhill-stacks.csv', 'test/fixtures/rankings/aw-long-partial.csv', 'test/fixtures/rankings/aw-list-semicolon.csv'])(
    '%s: the audit with the written config is the audit without it',
    async (file) => {
      const dir = temp();
      const input = join(root, file);
      await inspect({ file: input, writeConfig: 'a.yml' }, io(dir).io);
      const before = await runAlign(['audit', input, '--format', 'json'], { cwd: dir });
      const after = await runAlign(['audit', input, '--format', 'json', '--config', join(dir, 'a.yml')], { cwd: dir });
      expect(after.stderr).toBe('');
      expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    },
  );
});

describe('align inspect through the CLI', () => {
  it('exit 0 and the report on stdout', async () => {
    const run = await runAlign(['inspect', join(EXPORTS, 'limesurvey-fulltext.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tool         limesurvey: LimeSurvey (full headings)');
  });

  it('a config with a wrong key: exit 2, one line naming the key path', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'bad.yml'), 'columns:\n  Q2: {role: boss}\n');
    const run = await runAlign(['inspect', join(EXPORTS, 'qualtrics.csv'), '--config', join(dir, 'bad.yml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `align: ${join(dir, 'bad.yml')}:2: columns.Q2.role: "boss" is not a column role; use one of id, name, email, role, department, submitted, likert, ranking, comment, ownership, recall, multiselect, metadata, ignore\n`,
    );
  });
});

describe.skipIf(!existsSync(REAL))('align inspect on the real public samples', () => {
  const files = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.csv')) : [];
  it('runs of rows excluded for one reason print as one line', async () => {
    const { io: x, out } = io(temp());
    await inspect({ file: join(REAL, 'surveymonkey-538-steak-risk-survey.csv') }, x);
    expect(out()).toMatch(/^ {2}lines 3-552 \(550 rows\): no answer align reads: the file has no Likert items and no ranking question$/m);
  });

  it.each(files)('%s reads without error', async (file) => {
    const { io: x } = io(temp());
    const result = await inspect({ file: join(REAL, file) }, x);
    expect(result.format).toBe(file.startsWith('qualtrics') ? 'qualtrics' : 'surveymonkey');
    expect(result.rows).toBeGreaterThan(0);
  });

  it.each(files)('%s: the written config reads the file back exactly as inference did', async (file) => {
    const dir = temp();
    const input = join(REAL, file);
    await inspect({ file: input, writeConfig: 'written.yml' }, io(dir).io);
    const before = await runAlign(['audit', input, '--format', 'json'], { cwd: dir });
    const after = await runAlign(['audit', input, '--format', 'json', '--config', join(dir, 'written.yml')], { cwd: dir });
    // a sample with nothing align reads stops the same way both times
    expect(after.code).toBe(before.code);
    expect(after.stderr).toBe(before.stderr);
    if (before.code === 0) expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
  });
});

describe('inspect --write-config with two candidate ranking questions', () => {
  it('leaves both to the user instead of writing them as ignore, and says what to choose', async () => {
    const { mkdtempSync: mk, readFileSync: rf, appendFileSync } = await import('node:fs');
    const { tmpdir: td } = await import('node:os');
    const { join: j } = await import('node:path');
    const { runAlign } = await import('../helpers/run.js');
    const d = mk(j(td(), 'align-two-'));
    // Google Forms with two ranking questions (this year, last year)
    const file = j(import.meta.dirname, '../fixtures/ugly/two-ranking-questions.csv');
    const yml = j(d, 'align.yml');
    const run = await runAlign(['inspect', file, '--write-config', yml]);
    expect(run.code, run.stderr).toBe(0);
    const written = rf(yml, 'utf8');
    expect(written).toMatch(/# TO CHOOSE: 2 questions look like rankings/);
    expect(written).not.toMatch(/Rank these priorities.*: ignore/);
    expect((await runAlign(['stack', file, '--config', yml])).code).toBe(2);
    appendFileSync(yml, 'rankingQuestion: "Rank these priorities for the next 12 months (1st = most important)"\n');
    expect((await runAlign(['stack', file, '--config', yml, '--json'])).code).toBe(0);
  });
});

describe('align inspect: ownership and recall questions', () => {
  const GRID = 'Who makes the final call on each decision?';
  const RECALL = "Name the company's top three priorities";
  const file = (dir: string, extraRecall = false) => {
    const header = [
      'Timestamp',
      'Your name',
      'What is your role?',
      `"${GRID} [Pricing for NHS tenders]"`,
      `"${GRID} [Hiring above plan]"`,
      'Who owns the product roadmap?',
      `"${RECALL}"`,
    ];
    if (extraRecall) header.push('What are the top priorities this year?');
    const rows = [
      ['3/3/2025 9:30:57', 'Ann', 'Executive', 'CFO', 'CEO', 'CPO', '"Growth\nCosts"', 'Growth'],
      ['3/4/2025 9:30:57', 'Bo', 'Manager', 'CFO', 'COO', 'CPO', '"Revenue, platform"', 'Revenue'],
      ['3/5/2025 9:30:57', 'Cy', 'Manager', 'Nobody / not sure', 'CEO', 'CPO', 'EU and more', 'EU'],
    ].map((r) => (extraRecall ? r : r.slice(0, 7)).join(','));
    const path = join(dir, 'g.csv');
    writeFileSync(path, `${[header.join(','), ...rows].join('\n')}\n`);
    return path;
  };

  it('shows each grid row and the recall column with its role, the decisions and the recall question; --write-config keeps them', async () => {
    const dir = temp();
    const path = file(dir);
    const run = await runAlign(['inspect', path, '--write-config', join(dir, 'align.yml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ownership    3 decisions: "Pricing for NHS tenders", "Hiring above plan", "Who owns the product roadmap?"');
    expect(run.stdout).toContain(`recall       "${RECALL}"`);
    const roles = run.stdout
      .split('\n')
      .filter((l) => /^\s+\d+\s/.test(l))
      .map((l) => /\s(ownership|recall|submitted|name|role)\s/.exec(l)?.[1]);
    expect(roles).toEqual(['submitted', 'name', 'role', 'ownership', 'ownership', 'ownership', 'recall']);
    const config = parseConfig(readFileSync(join(dir, 'align.yml'), 'utf8'), 'align.yml');
    expect(config.columns![`${GRID} [Pricing for NHS tenders]`]).toEqual({ role: 'ownership' });
    expect(config.columns![RECALL]).toEqual({ role: 'recall' });
  });

  it('two recall questions: inspect reads the file and says what to choose; audit stops with exit 2', async () => {
    const dir = temp();
    const path = file(dir, true);
    const run = await runAlign(['inspect', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^recall /m);
    expect(run.stdout).toContain('2 columns ask the respondent to name the priorities');
    const audit = await runAlign(['audit', path]);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(
      /^align: .*g\.csv:1:"What are the top priorities this year\?": 2 columns ask the respondent to name the priorities .*; say which in align\.yml: columns: \{/,
    );
    expect(audit.stderr.trim().split('\n')).toHaveLength(1);
  });
});
