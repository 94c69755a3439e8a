/**
 * The report's cover details (client, facilitator, date, logo), resolved once
 * at the edge (STYLE.md habit 17): a flag wins over its align.yml key, and only
 * the resulting ReportMeta travels into the renderers.
 *
 * The logo is read here, the one place a report reads a file besides its
 * inputs: a PNG, JPEG or SVG of at most MAX_LOGO_BYTES, its type told by its
 * first bytes (not its name), embedded later as a data: URI. A --logo path is
 * read from the working folder; align.yml's `logo` from align.yml's own folder,
 * so an engagement folder can be moved whole.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { MAX_LOGO_BYTES } from '../defaults.js';
import { InputError } from '../errors.js';
import type { AlignConfig } from '../ingest/config-types.js';
import { readBounded } from '../ingest/read-bounded.js';
import type { LogoMediaType, ReportMeta } from '../render/report-model.js';
import type { Io } from './io.js';

export interface MetaFlags {
  client?: string;
  facilitator?: string;
  date?: string;
  logo?: string;
}

const FIX = 'give a PNG, JPEG or SVG file of at most 1 MB';

/**
 * The media type a logo's content shows, or null: PNG by its signature, JPEG
 * by its SOI marker, SVG by an `<svg` root after an optional XML declaration,
 * comments and doctype.
 */
export function logoMediaType(bytes: Buffer): LogoMediaType | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}

/** The logo at `path` (`shown` is how messages name it), checked and encoded. */
export async function readLogo(path: string, shown: string): Promise<NonNullable<ReportMeta['logo']>> {
  let bytes: Buffer | null;
  try {
    bytes = await readBounded(path, MAX_LOGO_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such logo file' : code === 'EISDIR' ? 'is a folder, not a logo file' : `cannot be read (${code ?? 'error'})`;
    throw new InputError(shown, null, null, why, FIX);
  }
  if (bytes === null) throw new InputError(shown, null, null, `is larger than ${MAX_LOGO_BYTES} bytes, too large to embed as the report's logo`, FIX);
  const mediaType = logoMediaType(bytes);
  if (mediaType === null) throw new InputError(shown, null, null, 'is not a PNG, JPEG or SVG image', FIX);
  return { mediaType, base64: bytes.toString('base64') };
}

/**
 * Flags over align.yml, key by key. `configPath` is the align.yml read (null
 * when none); `withLogo` false skips reading the logo (a format that shows none).
 * `files` lists the logo read, an input that -o must never overwrite.
 */
export async function resolveReportMeta(
  flags: MetaFlags,
  config: AlignConfig,
  configPath: string | null,
  io: Pick<Io, 'cwd'>,
  withLogo: boolean,
): Promise<{ meta: ReportMeta; files: string[] }> {
  const client = flags.client ?? config.client;
  const facilitator = flags.facilitator ?? config.facilitator;
  const date = flags.date ?? config.date;
  let shown: string | undefined;
  if (flags.logo !== undefined) shown = flags.logo;
  else if (config.logo !== undefined && configPath !== null) shown = isAbsolute(config.logo) ? config.logo : join(dirname(configPath), config.logo);
  const path = shown === undefined ? undefined : resolve(io.cwd, shown);
  const logo = withLogo && path !== undefined ? await readLogo(path, shown!) : undefined;
  const meta: ReportMeta = {
    ...(client !== undefined ? { client } : {}),
    ...(facilitator !== undefined ? { facilitator } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(logo !== undefined ? { logo } : {}),
  };
  return { meta, files: logo !== undefined && path !== undefined ? [path] : [] };
}
