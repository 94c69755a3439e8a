// The reveal's pages (src/workshop/reveal.ts) at 80 columns with colour off:
// a golden file a reviewer reads like code, plus the rules it must keep.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/types.js';
import { withLanguage } from '../../src/i18n/index.js';
import { leaderLetter, letterOrder, revealPages } from '../../src/workshop/reveal.js';
import { ROOT, runAlign } from '../helpers/run.js';

const FIXTURE = join(ROOT, 'test/fixtures/workshop/stacks.csv');

async function result(): Promise<AuditResult> {
  const run = await runAlign(['stack', FIXTURE, '--json']);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout);
  // stack --json is the AuditResult restricted to what a stacks file gives: the rest is empty here
  return { ...json, input: { ...json.input, files: json.input.files.map((f: { path: string }) => ({ ...f, path: 'stacks.csv' })) } } as AuditResult;
}

const joined = (pages: string[]) => pages.map((p, i) => `=== page ${i + 1} of ${pages.length} ===\n${p}\n`).join('');

describe('revealPages at 80 columns, colour off', () => {
  it('one leader a page, then the stack view in screens; matches the golden file', async () => {
    const pages = revealPages(await result(), { anonymize: false, width: 80, height: 24, color: false });
    expect(pages.slice(0, 3).map((p) => p.split('\n')[0])).toEqual(['Stack 1 of 3: Amara Okafor', 'Stack 2 of 3: Ben Adu', 'Stack 3 of 3: Chiara Rossi']);
    expect(pages[0]).toContain('#1    Grow recurring revenue in the enterprise segment');
    expect(pages[0]).toContain('not ranked: Customer trust');
    for (const page of pages) {
      expect(page).not.toContain('\u001b'); // no escape sequence: no meaning by colour
      expect(page.split('\n').length).toBeLessThanOrEqual(23); // the 24th line is the pager's
      for (const line of page.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
    await expect(joined(pages)).toMatchFileSnapshot('golden/reveal-80.txt');
  });

  it('--anonymize: Leader A, B, C by a hash of each stack, not the input order, and no name, department or note anywhere', async () => {
    const full = await result();
    const pages = revealPages(full, { anonymize: true, width: 80, height: 24, color: false });
    const order = letterOrder(full.stack!.raters);
    // the fixture is one where the submission order and the letters' order differ (QA 16, item 2)
    expect(order).not.toEqual([0, 1, 2]);
    expect(pages.slice(0, 3).map((p) => p.split('\n')[0])).toEqual(['Stack 1 of 3: Leader A', 'Stack 2 of 3: Leader B', 'Stack 3 of 3: Leader C']);
    // Leader A's page is the stack letterOrder puts first, whoever submitted first
    const named = revealPages(full, { anonymize: false, width: 80, height: 24, color: false });
    order.forEach((i, n) => {
      const lines = named[i]!.split('\n');
      expect(pages[n]!.split('\n').slice(1, lines.length)).toEqual(lines.slice(1)); // the first page adds the note on hidden names
    });
    const all = pages.join('\n');
    expect(all).not.toMatch(/Amara|Okafor|Ben Adu|Chiara|Rossi|Sales|Operations|Finance/);
    expect(all).toMatch(/Leader A/);
    await expect(joined(pages)).toMatchFileSnapshot('golden/reveal-80-anonymized.txt');
  });

  it('letterOrder depends on the stacks alone: the same stacks in another input order get the same letters', () => {
    const a = { ranked: 2, ranks: { X: 1, Y: 2 } };
    const b = { ranked: 2, ranks: { Y: 1, X: 2 } };
    const c = { ranked: 1, ranks: { X: 1, Y: 2 } };
    const forward = letterOrder([a, b, c]).map((i) => [a, b, c][i]);
    const backward = letterOrder([c, b, a]).map((i) => [c, b, a][i]);
    expect(backward).toEqual(forward);
  });

  it('leaderLetter: A … Z, then AA, AB', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(leaderLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

// Issue 15: the reveal is projected to the room, so its own words come in the view's language too.
describe('the reveal in French and German', () => {
  it.each([
    ['fr', /Classement 1 sur \d+\u202f: /, /Dirigeant A/, ['  n° 1  Cut costs', '  n° 2  Customer trust']],
    ['de', /Liste 1 von \d+: /, /Führungskraft A/, ['  Nr. 1  Cut costs', '  Nr. 2  Customer trust']],
  ] as const)('%s: titles, anonymous labels and each place in a stack from the catalogue, no English left of them', async (lang, title, label, places) => {
    const full = await result();
    const pages = withLanguage(lang, () => revealPages(full, { anonymize: true, width: 80, height: 24, color: false }));
    const text = pages.join('\n');
    expect(text).toMatch(title);
    expect(text).toMatch(label);
    expect(text).not.toMatch(/Stack \d+ of|Leader [A-Z]\b|Names are hidden/);
    // Leader A's picks, marked as the language marks a place (the golden's '#1' is English's; wrap prints the no-break space as a space)
    expect(pages[0]!.split('\n').slice(2, 4)).toEqual(places);
    // nor English's number sign anywhere, the stack view's position column included (N°, Nr.)
    expect(text).not.toContain('#');
  });
});
