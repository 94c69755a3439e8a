// Strings from inputs are data, never markup or control (issue 7, points 5 and 7).
import { describe, expect, it } from 'vitest';
import { displaySafe, visibleText } from '../src/text.js';
import { RAW_CONTROL } from './helpers/controls.js';

describe('displaySafe(text)', () => {
  it.each([
    ['ESC sequences are written out, not obeyed', 'Zoë\u001b[2J\u001b]0;owned\u0007', 'Zoë\\x1b[2J\\x1b]0;owned\\x07'],
    ['a lone CR is written out', 'Ann\rLee', 'Ann\\x0dLee'],
    ['NUL, DEL and C1 controls are written out', 'a\u0000b\u007fc\u0085d\u009be', 'a\\x00b\\x7fc\\x85d\\x9be'],
    ['bidirectional controls are removed', 'evil\u202Etxt.exe \u2066x\u2069 \u200e\u200f\u061cy', 'eviltxt.exe x y'],
    ["the data's line breaks and tabs become spaces", 'two\r\nlines\nand\ta\u2028tab', 'two lines and a tab'],
    ['ordinary text is unchanged', 'Grow revenue – 2025 (Zoë, São Paulo) 東京 \u00a0', 'Grow revenue – 2025 (Zoë, São Paulo) 東京 \u00a0'],
  ])('%s', (_, input, expected) => {
    expect(displaySafe(input)).toBe(expected);
    expect(displaySafe(input)).not.toMatch(RAW_CONTROL);
  });

  it('is idempotent: displaySafe(displaySafe(s)) === displaySafe(s)', () => {
    const s = 'a\u001b[31mb\rc\u202ed\n';
    expect(displaySafe(displaySafe(s))).toBe(displaySafe(s));
  });

  it('covers every C0 and C1 code point', () => {
    for (let c = 0; c <= 0x9f; c++) {
      if (c >= 0x20 && c < 0x7f) continue;
      expect(displaySafe(String.fromCharCode(c)), `U+${c.toString(16)}`).not.toMatch(RAW_CONTROL);
    }
  });
});

describe('visibleText(text)', () => {
  it.each([
    ['a zero-width space is a space', 'Cut\u200Bcosts', 'Cut costs'],
    ['ZWJ, ZWNJ, word joiner and BOM are dropped', 'Cut\u200Dco\u200Cs\u2060ts\uFEFF', 'Cutcosts'],
    ['a soft hyphen is dropped', 'co\u00ADoperate', 'cooperate'],
    ['bidirectional controls are dropped', '\u202eCut costs\u202c', 'Cut costs'],
    ['a variation selector is dropped', 'Love\u2764\uFE0F', 'Love\u2764'],
    ['visible text is unchanged', 'Grow revenue 2025 – Zoë', 'Grow revenue 2025 – Zoë'],
  ])('%s', (_, input, expected) => {
    expect(visibleText(input)).toBe(expected);
  });
});
