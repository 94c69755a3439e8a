// Issue 7, points 5 and 11 (terminal): text from the data is shown, never obeyed,
// and a very long name costs time and room in proportion to its length.
import { describe, expect, it } from 'vitest';
import { formatInputError, InputError } from '../../src/errors.js';
import { mdEscape, mdTable, renderMarkdown } from '../../src/render/markdown.js';
import { NAME_MAX, renderStackTerminal } from '../../src/render/terminal-stack.js';
import { wrap } from '../../src/render/text.js';
import { HOSTILE, RAW_CONTROL, stripSgr } from '../helpers/controls.js';
import { anAuditResult } from './builders.js';

const width = (s: string) => Array.from(s).length;
const longestLine = (s: string) => Math.max(...stripSgr(s).split('\n').map(width));

function hostileResult(prefix = HOSTILE) {
  const P = ['Grow revenue', 'Cut costs', 'Hire engineers', 'Improve quality'].map((p) => prefix + p);
  const L = ['Ann Lee', 'Bo Chen', 'Cy Diaz'].map((n) => prefix + n);
  return anAuditResult()
    .withPriorities(P)
    .withLeaders(
      { name: L[0]!, department: `${prefix}Sales`, stack: [P[0]!, P[1]!, P[2]!, P[3]!] },
      { name: L[1]!, stack: [P[3]!, P[2]!, P[1]!, P[0]!] },
      { name: L[2]!, stack: [P[1]!, P[0]!] },
    )
    .withDepartment({ department: `${prefix}Sales`, n: 6 })
    .withSuppressedDepartment(`${prefix}Finance`)
    .withCascade({ leader: L[0]!, department: `${prefix}Sales`, n: 6, spearman: 0.5 })
    .withInput({ notes: [{ file: `${prefix}stacks.csv`, line: 3, note: `two people named ${prefix}Ann Lee` }] })
    .build();
}

describe('wrap(text, width)', () => {
  it('cuts a 200,000-character word into lines of the width, keeping every character', () => {
    const word = 'x'.repeat(200_000);
    const lines = wrap(`a ${word} b`, 80, '  ', '    ');
    expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(80);
    expect(lines.join('').replace(/ /g, '')).toBe(`a${word}b`);
  });

  it('wraps 20,000 words without a line over the width', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i}`).join(' ');
    const lines = wrap(text, 60, '- ', '  ');
    expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(60);
    expect(
      lines
        .join(' ')
        .split(/[ -]+/)
        .filter((w) => w !== ''),
    ).toHaveLength(20_000);
  });

  it('shows control characters of the text as \\xHH', () => {
    expect(wrap(`${HOSTILE}Ann`, 80)).toEqual(['\\x1b[2J\\x07\\x0d Ann']);
  });
});

describe('renderStackTerminal with hostile names', () => {
  it.each([false, true])('prints no control character from the data (colour %s)', (color) => {
    const out = renderStackTerminal(hostileResult(), { color, width: 100 });
    expect(stripSgr(out)).not.toMatch(RAW_CONTROL);
    expect(out).toContain('\\x1b[2J\\x07\\x0d Ann Lee');
  });

  it('shows at most NAME_MAX characters of a 200,000-character name, and no line over the width', () => {
    const long = 'Z'.repeat(200_000);
    const result = anAuditResult()
      .withPriorities([`${long}P`, 'Cut costs', 'Hire engineers'])
      .withLeaders({ name: `${long}L`, department: `${long}D` }, 'Bo Chen', 'Cy Diaz')
      .withDepartment({ department: `${long}D`, n: 6 })
      .withCascade({ leader: `${long}L`, department: `${long}D`, n: 6, spearman: 0.5 })
      .build();
    // 80 and up: below that the consensus table's fixed number columns alone are wider than the terminal.
    for (const w of [80, 120]) {
      const out = renderStackTerminal(result, { color: false, width: w });
      expect(longestLine(out), `width ${w}`).toBeLessThanOrEqual(w);
      // No run of the name longer than NAME_MAX survives.
      expect(out).not.toMatch(new RegExp(`Z{${NAME_MAX}}`));
      expect(out).toContain('…');
      expect(out.length).toBeLessThan(100_000);
    }
  });
});

describe('Markdown with hostile names', () => {
  it('a lone CR cannot start a heading or end a table row', () => {
    expect(mdEscape('Ann\r# Owned')).toBe('Ann\\\\x0d# Owned');
    expect(mdTable({ header: ['Name'], align: ['l'], rows: [['a\rb|c']] })).toBe('| Name |\n|:---|\n| a\\\\x0db\\|c |');
  });

  it('the report holds no control character from the data', () => {
    const md = renderMarkdown(hostileResult());
    expect(md).not.toMatch(RAW_CONTROL);
    expect(md).toContain('\\\\x1b\\[2J\\\\x07\\\\x0d Ann Lee');
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .every((l) => !l.includes('Ann Lee')),
    ).toBe(true);
  });
});

describe('error messages quote the data safely', () => {
  it('formatInputError writes controls as \\xHH and drops bidirectional controls', () => {
    const line = formatInputError(`${HOSTILE}a.csv`, 3, `${HOSTILE}Rank\u0085`, `"${HOSTILE}x" is not a rank`, 'fix it');
    expect(line).not.toMatch(RAW_CONTROL);
    expect(new InputError('a.csv', 1, null, `bad ${HOSTILE}`).message).not.toMatch(RAW_CONTROL);
  });
});
