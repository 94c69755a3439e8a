/**
 * The catalogues agree with the English source: French and German have every
 * key English has and no other, and each message uses exactly the placeholders
 * (arguments and tags) of its English original, so no translation can drop a
 * number or ask for one the code never gives.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, test } from 'vitest';
import { fmtDate, fmtNumber } from '../../src/format.js';
import { auditText, catalogue, inEnglish, inSentence, joined, LANGUAGES, msg, pct, t, withLanguage } from '../../src/i18n/index.js';
import { ROOT } from '../helpers/run.js';

function placeholders(message: string): string[] {
  const out = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      out.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...out].sort();
}

/** Keys and placeholders where `other` differs from `source`: [] when they agree. */
function mismatches(source: Record<string, string>, other: Record<string, string>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(source)) {
    if (!(key in other)) out.push(`missing ${key}`);
    else if (placeholders(source[key] as string).join() !== placeholders(other[key] as string).join())
      out.push(`${key}: {${placeholders(other[key] as string).join(', ')}} where English has {${placeholders(source[key] as string).join(', ')}}`);
  }
  for (const key of Object.keys(other)) if (!(key in source)) out.push(`extra ${key}`);
  return out;
}

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalogue', (lang) => {
  test('has every key of the English one, no other, and the same placeholders in each', () => {
    expect(mismatches(catalogue('en'), catalogue(lang))).toEqual([]);
  });
  test('every message parses', () => {
    for (const m of Object.values(catalogue(lang))) expect(() => parse(m)).not.toThrow();
  });
});

test('the check fails on a missing key, an extra key and a placeholder English does not have (and one it lacks)', () => {
  const en = { a: 'W = {w}', b: 'Hello', c: '{n, plural, one {# leader} other {# leaders}}' };
  expect(mismatches(en, { a: 'W = {w}', b: 'Bonjour {name}', d: 'x' })).toEqual(['b: {name} where English has {}', 'missing c', 'extra d']);
  expect(mismatches(en, { a: 'W', b: 'Bonjour', c: '{n, plural, one {# dirigeant} other {# dirigeants}}' })).toEqual(['a: {} where English has {w}']);
});

test('numbers in messages follow the language: plurals and digits', () => {
  expect(withLanguage('fr', () => t('term.leaders', { n: 1 }))).toBe('1 dirigeant');
  expect(withLanguage('fr', () => t('term.diverge.more', { n: 10000 }))).toBe(
    '10\u202f000 autres dirigeants entre ceux-ci (align stack --json les liste tous)',
  );
  expect(withLanguage('de', () => t('term.leaders', { n: 7 }))).toBe('7 Führungskräfte');
  expect(t('term.leaders', { n: 1 })).toBe('1 leader');
});

test('every message key the code and the shipped templates name is in the English catalogue', () => {
  const files = [
    ...readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(ROOT, 'src', f)),
    ...readdirSync(join(ROOT, 'templates'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => join(ROOT, 'templates', f)),
  ];
  const en = catalogue('en');
  const missing: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    // t('key' …), msg('key' …) in code; {{t "key" …}} in templates (a key built at run time, `tool.${x}`, is not a literal)
    for (const m of text.matchAll(/\b(?:t|msg)\('([\w.:-]+)'|\{\{t "([^"]+)"/g)) {
      const key = (m[1] ?? m[2]) as string;
      if (!(key in en)) missing.push(`${f.replace(ROOT, '')}: ${key}`);
    }
  }
  expect(missing).toEqual([]);
});

test("every reason the audit room writes (src/audit, src/stats) has its reader's wording under audit:, a count in it as #", () => {
  const files = ['audit', 'stats'].flatMap((dir) =>
    readdirSync(join(ROOT, 'src', dir), { encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(ROOT, 'src', dir, f)),
  );
  const en = catalogue('en');
  const missing: string[] = [];
  let seen = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    // reason: 'literal', fooReason: 'literal', na('literal') and the same with `one ${count}` in it (a reason
    // built from a name is a message of its own)
    for (const m of text.matchAll(/(?:\b\w*[rR]eason: |\bna\()(?:'([^'\n]+)'|`([^`$\n]*)\$\{([\w.]+)\}([^`$\n]*)`)/g)) {
      if (m[3] !== undefined && /name/i.test(m[3])) continue;
      seen++;
      const key = m[1] !== undefined ? `audit:${m[1]}` : `audit:${m[2]}#${m[4]}`;
      if (!(key in en)) missing.push(`${f.replace(ROOT, '')}: ${key}`);
    }
  }
  expect(seen).toBeGreaterThan(5);
  expect(missing).toEqual([]);
});

test('a reason with a count reads in the reader language, its count formatted there', () => {
  expect(withLanguage('fr', () => auditText('fewer than 5 respondents'))).toBe('moins de 5 répondants');
  expect(withLanguage('de', () => auditText('fewer than 1200 respondents'))).toBe('weniger als 1.200 Antwortende');
  expect(withLanguage('fr', () => auditText('the input has no ranking question'))).toBe('les données ne comportent aucune question de classement');
  // one the catalogue lacks stays as written, and English is English
  expect(withLanguage('fr', () => auditText('fewer than 5 cats'))).toBe('fewer than 5 cats');
  expect(auditText('fewer than 5 respondents')).toBe('fewer than 5 respondents');
});

test('no message takes a value named like a tag (em, strong, code, cite): the tag would swallow it', () => {
  const en = catalogue('en');
  const clashes = Object.keys(en).filter((k) => placeholders(en[k]!).some((p) => ['em', 'strong', 'code', 'cite'].includes(p)));
  expect(clashes).toEqual([]);
  // and a caller passing one is stopped, not printed as nothing
  expect(() => t('term.leaders', { n: 2, code: 'x' } as never)).toThrow(/clashes with the <code> tag/);
});

test('English inside a French or German render (inEnglish, for the JSON) writes numbers the English way', () => {
  const m = msg('term.leaders', { n: 12345 });
  expect(withLanguage('fr', () => inEnglish(m))).toBe('12,345 leaders');
  expect(withLanguage('de', () => withLanguage('en', () => fmtNumber(0.3272)))).toBe('0.33');
  expect(withLanguage('fr', () => fmtNumber(0.3272))).toBe('0,33');
});

test('a statement quoted in a sentence keeps the input’s letters in French and German; English lowers a sentence start', () => {
  const m = msg('f.lowFav.titleOne', { share: pct(0.24), statement: inSentence('My team has the resources it needs') });
  expect(inEnglish(m)).toBe('Only 24% agree that my team has the resources it needs');
  expect(withLanguage('fr', () => t(m.key, m.params))).toContain('My team has the resources it needs\u202f»');
  const de = msg('f.lowFav.titleOne', { share: pct(0.14), statement: inSentence('Entscheidungen des Führungsteams haben Bestand') });
  expect(withLanguage('de', () => t(de.key, de.params))).toContain('„Entscheidungen des Führungsteams haben Bestand“');
  // "I know…" and acronyms stay as written in English too
  expect(inEnglish(msg('f.lowFav.titleOne', { share: pct(0.2), statement: inSentence('I know who owns it') }))).toBe('Only 20% agree that I know who owns it');
});

test('items joined by punctuation are spaced as the reader’s language does: a narrow no-break space before ; in French', () => {
  const m = msg('fmt.quoted', { text: joined(['a', 'b'], '; ') });
  expect(inEnglish(m)).toBe('"a; b"');
  expect(withLanguage('fr', () => t(m.key, m.params))).toBe('«\u202fa\u202f; b\u202f»');
  expect(withLanguage('de', () => t(m.key, m.params))).toBe('„a; b“');
});

test('dates in the reader’s language: the first of the month is « 1er » in French', () => {
  expect(withLanguage('fr', () => fmtDate('2026-11-01'))).toBe('1er novembre 2026');
  expect(withLanguage('fr', () => fmtDate('2026-11-29'))).toBe('29 novembre 2026');
  expect(withLanguage('de', () => fmtDate('2026-11-01'))).toBe('1. November 2026');
  expect(withLanguage('fr', () => t('survey.dfPair', { a: '3', b: '39' }))).toBe('3\u202f; 39');
});
