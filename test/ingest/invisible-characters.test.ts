// Issue 7, point 7: zero-width characters and soft hyphens made look-alike
// priorities ("Cut\u200Bcosts" counted as a priority beside "Cut costs").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { personKey } from '../../src/ingest/columns.js';
import { labelKey } from '../../src/ingest/likert.js';
import { displayName, priorityKey } from '../../src/ingest/priority-key.js';
import { runAlign } from '../helpers/run.js';

// U+200B zero-width space, U+200C ZWNJ, U+200D ZWJ, U+00AD soft hyphen, U+2060 word joiner, U+FEFF BOM, U+202E RLO.
const LOOK_ALIKES = ['Cut\u200Bcosts', '\uFEFFCut \u200Dcosts', 'Cut c\u00ADo\u200Csts\u2060', '\u202ECut costs'];

describe('keys ignore invisible characters', () => {
  it.each(LOOK_ALIKES)('priorityKey(%j) === priorityKey("Cut costs")', (s) => {
    expect(priorityKey(s)).toBe('cut costs');
  });

  it.each(LOOK_ALIKES.map((s) => s.replace(/Cut/, 'Ann').replace(/costs/, 'Lee').replace('c\u00ADo\u200Csts', 'L\u00ADe\u200Ce')))(
    'personKey(%j) === "ann lee"',
    (s) => {
      expect(personKey(s)).toBe('ann lee');
    },
  );

  it.each(['Strongly\u200Bagree', '\uFEFFStrongly agree', 'Strongly a\u00ADgree\u200D'])('labelKey(%j) === "strongly agree"', (s) => {
    expect(labelKey(s)).toBe('strongly agree');
  });

  it.each(LOOK_ALIKES)('displayName(%j) === "Cut costs"', (s) => {
    expect(displayName(s)).toBe('Cut costs');
  });
});

describe('align stack and inspect on look-alike spellings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'align-invisible-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rows = ['name,role,priority,rank'];
  ['Ann', 'Bo', 'Cy', 'Di'].forEach((n, i) => {
    rows.push(`${n},Executive,"${['Cut costs', ...LOOK_ALIKES][i]}",${(i % 2) + 1}`);
    rows.push(`${n},Executive,Grow revenue,${2 - (i % 2)}`);
    rows.push(`${n},Executive,Hire,3`);
  });
  const file = join(dir, 'look-alikes.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);

  it('reads one priority, named without invisible characters', async () => {
    const run = await runAlign(['stack', file, '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).stack.priorities).toEqual(['Cut costs', 'Grow revenue', 'Hire']);
  });

  it('inspect notes that the spellings were merged, by count', async () => {
    const run = await runAlign(['inspect', file], { cwd: dir });
    expect(run.stdout).toContain('line 2: "Cut costs": written 4 ways that read as one priority');
    expect(run.stdout).not.toMatch(/"Grow revenue": written/);
  });
});
