// Acceptance (issue 14, languages): the Northwind survey translated into French and German by
// scripts/translate-northwind.mjs (labels, headers, question text, roles, departments and
// priorities; from the canonical files) gives the same AuditResult as the English sheet the same
// script writes. Each translated file's strings are mapped back to English cell by cell (the files
// hold the same respondents in the same order), then the two JSON results are compared whole.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORTS } from '../helpers/read.js';
import { ROOT, runAlign } from '../helpers/run.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const LANGUAGES = join(ROOT, 'test/fixtures/languages');
const sheet = (code: string) => join(LANGUAGES, `northwind-google-forms-${code}.csv`);
const records = (code: string): string[][] => parse(readFileSync(sheet(code)), { bom: true });

async function audit(code: string): Promise<Json> {
  const run = await runAlign(['audit', sheet(code), '--config', join(LANGUAGES, `northwind-${code}.align.yml`), '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

/** Translated string -> English: every header (and its question and [item] parts), role and department cell. */
function backToEnglish(code: string): (s: string) => string {
  const en = records('en');
  const other = records(code);
  const map = new Map<string, string>();
  const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const add = (from: string, to: string) => {
    if (from === to || from.trim() === '') return;
    map.set(from, to);
    map.set(lowerFirst(from), lowerFirst(to)); // findings quote an item mid-sentence
  };
  const split = (h: string) => /^(.*\S)\s*\[([^\]]*)\]$/s.exec(h);
  other[0]!.forEach((h, j) => {
    add(h, en[0]![j]!);
    const a = split(h);
    const b = split(en[0]![j]!);
    if (a && b) {
      add(a[1]!, b[1]!);
      add(a[2]!, b[2]!);
    }
  });
  for (let i = 1; i < other.length; i++) for (const j of [3, 4]) add(other[i]![j]!, en[i]![j]!);
  const longestFirst = [...map.keys()].sort((a, b) => b.length - a.length);
  return (s) => map.get(s) ?? longestFirst.reduce((out, k) => out.split(k).join(map.get(k)!), s);
}

function translate(value: Json, tr: (s: string) => string): Json {
  if (Array.isArray(value)) return value.map((v) => translate(v, tr));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [tr(k), translate(v, tr)]));
  return typeof value === 'string' ? tr(value) : value;
}

/**
 * What may differ, each by a tie broken by name (ARCHITECTURE.md), and the names are other words:
 * the file's path; each leader's largest gaps (`othersPosition` is a place in the other leaders'
 * Borda order, whose tied means go by name, and tied gaps go by name too); and the permutation
 * p-value, a seeded Monte Carlo estimate whose draws follow the priorities' order by name (checked
 * below within Monte Carlo error). Everything else, every mean, share, rho, W and finding, is equal.
 */
function comparable(result: Json): Json {
  const copy = structuredClone(result);
  for (const f of copy.input.files) f.path = '<path>';
  for (const r of copy.stack.raters) r.largestGaps = r.largestGaps.length;
  copy.stack.concordance.pPermutation = null;
  return copy;
}

describe('the Northwind survey in French and German gives the English numbers', async () => {
  const english = await audit('en');

  it('the English sheet gives the canonical figures (EXPECTED.md)', () => {
    const expected = JSON.parse(readFileSync(join(EXPORTS, 'northwind.expected.json'), 'utf8'));
    expect(english.input.respondents).toBe(expected.respondents);
    expect(Math.abs(english.stack.concordance.W - expected.stack.concordance.W)).toBeLessThanOrEqual(1e-9);
    expect(english.survey.items.map((i: Json) => i.dimension)).toEqual([
      'Clarity of priorities',
      'Decision ownership',
      'Communication of changes',
      'Leaders speak with one voice',
      'Belief in the strategy',
      'Decisions stay made',
    ]);
  });

  for (const code of ['fr', 'de']) {
    it(`${code}: the same AuditResult once its words are mapped back to English`, async () => {
      const translated = await audit(code);
      expect(translated.input.files[0].format).toBe('google-forms');
      expect(translated.input.excluded).toEqual([]);
      // no English left where the survey's words are: the items are the translated statements
      expect(translated.survey.items[0].text).not.toBe(english.survey.items[0].text);
      expect(comparable(translate(translated, backToEnglish(code)))).toEqual(comparable(english));
      // pPermutation: the same seed and count, an estimate within Monte Carlo error of the English one
      const c = translated.stack.concordance;
      expect(c.seed).toBe(english.stack.concordance.seed);
      expect(c.permutations).toBe(english.stack.concordance.permutations);
      const p = english.stack.concordance.pPermutation;
      expect(Math.abs(c.pPermutation - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / c.permutations));
    });
  }
});

describe('scripts/translate-northwind.mjs', () => {
  const out = mkdtempSync(join(tmpdir(), 'align-translate-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the committed files byte for byte (seeded, deterministic)', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/translate-northwind.mjs'), out], { cwd: ROOT });
    const written = readdirSync(out).sort();
    expect(written).toEqual(readdirSync(LANGUAGES).sort());
    for (const name of written) expect(readFileSync(join(out, name)).equals(readFileSync(join(LANGUAGES, name))), name).toBe(true);
  });
});
