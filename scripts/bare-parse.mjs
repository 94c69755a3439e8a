#!/usr/bin/env node
// A bare pass of align's reader over a file, for `npm run bench` to time beside `align audit`:
// the same piece reader align audit uses (src/ingest/table.ts openTable: read a piece,
// decode it, parse it through the parse seam, check its shape), counting the records and
// nothing else (no format detection, no column plan, no statistics). Needs `npm run build`
// (it loads dist/).
//
//   node scripts/bare-parse.mjs responses.csv   -> {"records":1000001,"maxRssKB":...} on stdout
import process from 'node:process';

const path = process.argv[2];
if (path === undefined) {
  process.stderr.write('usage: node scripts/bare-parse.mjs <file.csv>\n');
  process.exit(2);
}
const { openTable } = await import(new URL('../dist/ingest/table.js', import.meta.url).href);

const reader = await openTable(path);
let records = reader.table.records.length;
if (reader.rest) {
  await reader.rest((piece) => {
    records += piece.length;
  });
}
process.stdout.write(`${JSON.stringify({ records, maxRssKB: process.resourceUsage().maxRSS })}\n`);
