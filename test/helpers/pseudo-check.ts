/**
 * The pseudo-locale check (issue 15): render with `--lang qps`, where every
 * literal piece of every catalogue message is wrapped in ⟦…⟧, then take away
 * what may legitimately stand outside the markers: the marked text itself,
 * text from the input (cells of the input files, align.yml's values, leaders'
 * initials made from their names), numbers, and markup (Markdown syntax, HTML
 * tags and the style sheet; an HTML attribute a reader sees, title, alt or
 * aria-label, is kept and checked). What is left must hold no letter: any
 * letter there is a word the renderer wrote without the catalogue.
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { mdEscape } from '../../src/render/markdown.js';
import { leaderLabels } from '../../src/render/view-model.js';

/** Every string the input gives: the files' cells, align.yml's scalars, and the initials the reports make of names. */
export function inputStrings(files: readonly string[], config?: string, paths: readonly string[] = [], leaders: readonly string[] = []): string[] {
  const out = new Set<string>(paths);
  for (const f of files) {
    const rows = parseCsv(readFileSync(f), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    for (const row of rows) for (const cell of row) if (cell.trim() !== '') out.add(cell.trim().replace(/\s+/g, ' '));
    out.add(f);
  }
  if (config) {
    const walk = (v: unknown): void => {
      if (typeof v === 'string') out.add(v.trim());
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          out.add(k.trim());
          walk(x);
        }
    };
    walk(parseYaml(readFileSync(config, 'utf8')));
  }
  for (const label of leaderLabels(leaders).values()) out.add(label);
  // the text encodings a data section names (WHATWG labels, not words)
  for (const e of ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh']) out.add(e);
  return withVariants([...out]);
}

/** Strings as a report may show them too: spaces collapsed, Markdown-escaped, first letter lowered ('the decision to …'); longest first. */
export function withVariants(strings: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of strings) {
    const x = raw.trim().replace(/\s+/g, ' ');
    if (x === '') continue;
    out.add(x);
    out.add(mdEscape(x));
    out.add(x.charAt(0).toLowerCase() + x.slice(1));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(\w+);/g, (m, n: string) => ENTITIES[n] ?? m);
}

/** HTML as the reader sees it: the text, plus the attributes a reader meets (title, alt, aria-label), without the style sheet. */
export function htmlText(html: string): string {
  const attrs: string[] = [];
  const body = html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g, ' ')
    .replace(/<[^>]*>/g, (tag) => {
      for (const m of tag.matchAll(/\b(?:title|alt|aria-label)="([^"]*)"/g)) attrs.push(m[1] as string);
      return ' ';
    });
  return decodeEntities(`${body}\n${attrs.join('\n')}`);
}

/**
 * The fragments of `text` that hold letters outside the markers, once marked
 * text, the input's strings and numbers are taken away. Empty: every word came from the catalogue.
 */
export function unmarkedWords(text: string, input: readonly string[]): string[] {
  let s = text.replace(/\u001b\[[0-9;]*m/g, '');
  // innermost markers first, so nested messages (a message inside a message's argument) go too
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  // a marked word cut short by a narrow table column ('⟦Departme…') is still marked
  s = s.replace(/⟦[^⟦⟧\n]*…/g, ' ');
  // a marked sentence wrapped over lines of a table cell
  s = s.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  // a name wrapped over two lines of a chart label is one name: runs of spaces read as one
  s = s.replace(/[ \t]+/g, ' ');
  // whole words only: a cell 'Ken' must not hide the 'Ken' of an uncatalogued 'Kendall'
  for (const x of input) s = s.replace(new RegExp(`(?<![\\p{L}\\p{N}])${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  // a name the chart cut short to fit ('Finance & Lo…') is data: a catalogue word cut short keeps its opening marker
  s = s.replace(/[^\s⟦⟧]+…/g, ' ');
  const left: string[] = [];
  for (const line of s.split('\n')) {
    if (/\p{L}/u.test(line)) left.push(line.trim());
  }
  return left;
}
