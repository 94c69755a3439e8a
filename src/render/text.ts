/**
 * Plain-text helpers for the terminal view: word wrapping with a hanging
 * indent, and the colour scales (hex) the view paints with. No ANSI here:
 * colour is applied by the caller's chalk instance, so level 0 means none.
 */
import { displaySafe } from '../text.js';

/** Display width of a plain string (code points; align's text has no wide CJK in practice). */
export function textWidth(s: string): number {
  return Array.from(s).length;
}

/** Cut a plain string to `width` columns with a trailing '…' when it is longer. */
export function truncate(s: string, width: number): string {
  const chars = Array.from(s);
  if (chars.length <= width) return s;
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

/**
 * Word-wrap plain text to `width` columns. The first line starts with `first`,
 * the others with `rest` (a hanging indent); a word longer than a line is cut.
 * Breaks only at ASCII spaces, tabs and newlines: join words with a no-break
 * space (U+00A0) to keep them on one line ('HK\u00a03'); it prints as a space.
 * The text may come from the data: it goes through displaySafe (src/text.ts)
 * first, so no control character of its own reaches the terminal. Linear in
 * the length of the text: each word is measured once and a long word is cut
 * from one array of its code points.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const words = displaySafe(text)
    .split(/[ \t\r\n]+/)
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let lineWidth = textWidth(first);
  let lineHasWord = false;
  const restWidth = textWidth(rest);
  const push = () => {
    lines.push(line);
    line = rest;
    lineWidth = restWidth;
    lineHasWord = false;
  };
  for (const word of words) {
    const chars = Array.from(word);
    if (lineHasWord && lineWidth + 1 + chars.length > width) push();
    if (lineWidth + (lineHasWord ? 1 : 0) + chars.length <= width) {
      line += (lineHasWord ? ' ' : '') + word;
      lineWidth += (lineHasWord ? 1 : 0) + chars.length;
      lineHasWord = true;
      continue;
    }
    // A word longer than the whole line: cut it into pieces that fill each line.
    let at = 0;
    while (at < chars.length) {
      const take = Math.max(1, width - lineWidth);
      const piece = chars.slice(at, at + take);
      at += piece.length;
      line += piece.join('');
      lineWidth += piece.length;
      lineHasWord = true;
      if (at < chars.length) push();
    }
  }
  if (lineHasWord || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replace(/\u00a0/g, ' '));
}

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((x) => Math.round(x).toString(16).padStart(2, '0')).join('')}`;
}

function scale(stops: ReadonlyArray<readonly [number, string]>, x: number): string {
  const first = stops[0] as readonly [number, string];
  const last = stops[stops.length - 1] as readonly [number, string];
  if (!(x > first[0])) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < stops.length; i++) {
    const [x1, c1] = stops[i] as readonly [number, string];
    const [x0, c0] = stops[i - 1] as readonly [number, string];
    if (x <= x1) {
      const t = (x - x0) / (x1 - x0);
      const a = hexToRgb(c0);
      const b = hexToRgb(c1);
      return rgbToHex([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
    }
  }
  return last[1];
}

/**
 * Diverging, colour-blind-safe scale for correlations, centred on 0:
 * -1 dark orange ... 0 near white ... +1 dark blue (ColorBrewer PuOr's orange arm
 * and RdBu's blue arm; orange and blue stay distinct under the common forms of
 * colour blindness).
 */
const DIVERGING: ReadonlyArray<readonly [number, string]> = [
  [-1, '#b35806'],
  [-0.5, '#f1a340'],
  [0, '#f7f7f7'],
  [0.5, '#67a9cf'],
  [1, '#2166ac'],
];

export function correlationColour(rho: number): string {
  return scale(DIVERGING, rho);
}

/**
 * Foreground colour for a divergence bar: blue when the leader is close to the
 * others (0), grey at 0.25, orange from 0.5 (no correlation) up. Mid-brightness
 * so the bar reads on dark and light terminal backgrounds.
 */
const DIVERGENCE: ReadonlyArray<readonly [number, string]> = [
  [0, '#4393c3'],
  [0.25, '#999999'],
  [0.5, '#e66101'],
];

export function divergenceColour(d: number): string {
  return scale(DIVERGENCE, d);
}

/** Black or white, whichever reads better on `bg` (WCAG relative luminance). */
export function textOn(bg: string): string {
  const lin = hexToRgb(bg).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * (lin[0] as number) + 0.7152 * (lin[1] as number) + 0.0722 * (lin[2] as number);
  return l > 0.18 ? '#000000' : '#ffffff';
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar for a value 0..1 in `width` cells, in eighths of a cell; padded with spaces. */
export function bar(value: number, width: number): string {
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  const eighths = Math.round(v * width * 8);
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8] as string;
  const s = '█'.repeat(full) + part;
  return s + ' '.repeat(Math.max(0, width - full - (part ? 1 : 0)));
}
