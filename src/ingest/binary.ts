/**
 * Which spreadsheet a file's first bytes say it is, before any text decoding:
 * small and dependency-free, so that every reader (table.ts, align diff) can
 * ask without loading the workbook reader.
 */

/**
 * A workbook is known by its first bytes, whatever its name: a zip archive
 * (an .xlsx; an .ods, which workbook.ts names) or an OLE compound file (an
 * .xls, or an .xlsx with a password).
 */
export function binaryKind(bytes: Uint8Array): 'zip' | 'ole' | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return 'zip';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) return 'ole';
  return null;
}
