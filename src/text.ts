/**
 * Text from an input file shown to a person: dependency-free like format.ts
 * and errors.ts, so every room may call it (STYLE.md habit 17: one rule, one
 * place).
 *
 * A name, a priority, a header or a cell is data, never markup or terminal
 * control. Wherever such text reaches a human (the terminal view, inspect,
 * an error line, the Markdown report) it goes through `displaySafe`:
 * - a line break in the data (CRLF, LF, U+2028, U+2029) and a tab become one
 *   space: lines are the renderer's own, never the data's;
 * - every other C0 control (a lone CR, ESC, BEL, NUL, ...), DEL and every C1
 *   control is written as `\xHH`, so it can be seen and reported, not obeyed;
 * - bidirectional controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C)
 *   are removed: they reorder what follows them on screen.
 * The JSON output keeps every value as written; only what people read is
 * made safe. displaySafe(displaySafe(s)) === displaySafe(s).
 *
 *   displaySafe('Zoë\u001b[2J') === 'Zoë\\x1b[2J'
 *   displaySafe('evil\u202Etxt.exe') === 'eviltxt.exe'
 */

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /\r\n|[\n\t\u2028\u2029]|[\u0000-\u001f\u007f-\u009f]/g;

/** Text from an input, made safe to print to a terminal or into Markdown (see above). */
export function displaySafe(text: string): string {
  // invisible characters out too (a zero-width space shows as the space it marks), so no two names look alike on screen
  return visibleText(text.replace(BIDI_CONTROLS, '')).replace(CONTROLS, (ch) => {
    if (ch.length > 1 || ch === '\n' || ch === '\t' || ch === '\u2028' || ch === '\u2029') return ' ';
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/**
 * Text with its invisible characters taken out, for matching keys and shown
 * names: the zero-width space (U+200B) counts as a space (it marks a word
 * break), every other default-ignorable code point (ZWJ, ZWNJ, soft hyphen,
 * word joiner, BOM, variation selectors, bidirectional controls:
 * \p{Default_Ignorable_Code_Point}) is dropped, so 'Cut\u200Bcosts' and
 * 'Cut\u00ADcosts' cannot pass for priorities other than 'Cut costs' and 'Cutcosts'.
 *
 *   visibleText('Cut\u200Bcosts') === 'Cut costs'
 *   visibleText('co\u00ADoperate') === 'cooperate'
 */
export function visibleText(text: string): string {
  return text.replace(/\u200b/g, ' ').replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}

/**
 * Latin letters without their accents, for matching labels and headers typed
 * with or without them: the combining marks U+0300-036F go after NFD, and ß
 * is ss ("Weiss nicht" is Swiss German's "Weiß nicht"). Other scripts' marks
 * (Devanagari vowel signs) are letters there and stay.
 *
 *   foldAccents('Tout à fait d’accord') === 'Tout a fait d’accord'
 *   foldAccents('Weiß') === 'Weiss'
 */
export function foldAccents(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/ß/g, 'ss');
}
