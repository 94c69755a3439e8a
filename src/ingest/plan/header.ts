import { normaliseHeader, splitQuestionHeader } from '../columns.js';

export const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
};

/**
 * Header text as the user reads it: HTML tags removed (`<br>` becomes a space),
 * entities decoded (`&apos;`, `&#39;`, `&#x27;`), white space collapsed.
 */
export function cleanHeaderText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return Object.hasOwn(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()]! : whole;
    })
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
}

/** Splits `Question [Row]` at the last ` [` (Google Forms grids, LimeSurvey full headings). */
export function splitBracketHeader(header: string): { question: string; sub: string } | null {
  const h = header.trim();
  if (!h.endsWith(']')) return null;
  const at = h.lastIndexOf(' [');
  if (at <= 0) return null;
  const sub = h.slice(at + 2, -1).trim();
  return sub === '' ? null : { question: h.slice(0, at).trim(), sub };
}

/** Splits `Question - Statement` at the last ` - ` (Qualtrics row-2 labels). */
export function splitDashHeader(header: string): { question: string; sub: string } | null {
  const h = header.trim();
  const at = h.lastIndexOf(' - ');
  if (at <= 0) return null;
  const sub = h.slice(at + 3).trim();
  return sub === '' ? null : { question: h.slice(0, at).trim(), sub };
}

/** A code's question and sub-code: `Q5_3` -> Q5, 3; `agree[SQ001]` -> agree, SQ001. */
export function splitCode(code: string): { question: string; sub: string } | null {
  const bracket = /^(.+)\[([^\]]+)\]$/.exec(code.trim());
  if (bracket) return { question: bracket[1]!, sub: bracket[2]! };
  const underscore = /^(.+)_([^_]+)$/.exec(code.trim());
  if (underscore) return { question: underscore[1]!, sub: underscore[2]! };
  return null;
}

/** Case, width and spacing do not matter when align.yml names a column, code or question. */
export function looseKey(text: string): string {
  return normaliseHeader(text);
}

/**
 * A plain table's header as question and statement, when two or more columns
 * share the question: `Rank: Grow revenue` (a shared `Rank: ` prefix names the
 * question, not the priority), `Rank these [Grow revenue]`, `Rank - Grow
 * revenue`. A lone `Growth - EMEA` stays one header (a priority named so).
 */
export function plainTableColumns(header: readonly string[]): Array<{ question: string; sub: string | null }> {
  const splits = header.map((h) => {
    const t = h.trim();
    const colon = /^([^:]{1,60}?)\s*:\s+(\S.*)$/su.exec(t);
    if (colon) return { question: colon[1]!.trim(), sub: colon[2]!.trim() };
    const q = splitQuestionHeader(t);
    return q ? { question: q.question, sub: q.item } : null;
  });
  const counts = new Map<string, number>();
  for (const s of splits) if (s) counts.set(looseKey(s.question), (counts.get(looseKey(s.question)) ?? 0) + 1);
  return header.map((h, i) => {
    const s = splits[i];
    return s && (counts.get(looseKey(s.question)) ?? 0) >= 2 ? s : { question: h.trim(), sub: null };
  });
}
