/**
 * What must never reach a terminal or a Markdown file from the data: C0
 * controls but the renderer's own newline and tab, DEL, C1 controls and the
 * bidirectional controls (src/text.ts displaySafe).
 */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** The view's own colour codes (chalk's SGR sequences), removed before looking for the data's. */
// eslint-disable-next-line no-control-regex
export const stripSgr = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

/** The hostile prefix of issue 7: clear screen, bell, a lone CR, a right-to-left override, a zero-width space. */
export const HOSTILE = '\u001b[2J\u0007\r\u202e\u200b';
