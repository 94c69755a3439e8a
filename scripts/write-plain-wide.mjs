#!/usr/bin/env node
// Writes the committed plain wide table that the survey reference test reads:
//   node scripts/write-plain-wide.mjs
// -> test/fixtures/plain-wide-1k.csv (PLAIN_WIDE_1K in scripts/lib/plain-wide.mjs: 1,000 rows,
// seed 20261129, 40 items, 12 departments, 12 executives). Deterministic: rerunning it gives the same bytes,
// and test/reference/survey_reference.py reads that file to write plain-wide-1k.expected.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PLAIN_WIDE_1K, plainWide } from './lib/plain-wide.mjs';

const target = fileURLToPath(new URL('../test/fixtures/plain-wide-1k.csv', import.meta.url));
writeFileSync(target, plainWide(PLAIN_WIDE_1K).csv);
process.stdout.write(`wrote ${target}\n`);
