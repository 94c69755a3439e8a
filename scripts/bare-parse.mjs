#!/usr/bin/env node
// A bare pass of align's parser over a file, for `npm run bench` to time beside `align audit`:
// read the bytes, decode them as UTF-8, run them through the parse seam, count the records,
// nothing else (no column plan, no statistics). Needs `npm run build` (it loads dist/).
//
//   node scripts/bare-parse.mjs responses.csv   -> {"records":1000001,"maxRssKB":...} on stdout
//
// The parse call is the one line in `parse` below: when the ingest gains a streaming entry,
// switch it there and the bench follows.
import { readFileSync } from 'node:fs';

const path = process.argv[2];
if (path === undefined) {
  process.stderr.write('usage: node scripts/bare-parse.mjs <file.csv>\n');
  process.exit(2);
}
const { parseDelimited } = await import(new URL('../dist/ingest/parse.js', import.meta.url).href);

/** The parser under test: text in, the number of records out. */
const parse = (text) => parseDelimited(text, { delimiter: ',', path }).records.length;

const records = parse(readFileSync(path, 'utf8'));
process.stdout.write(`${JSON.stringify({ records, maxRssKB: process.resourceUsage().maxRSS })}\n`);
