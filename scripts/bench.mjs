#!/usr/bin/env node
// npm run bench: speed and memory, measured rather than asserted in tests.
//   1. CSV parsing throughput of the parse seam (papaparse) against csv-parse
//      and uDSV on a generated wide survey export (40 Likert, 10 ranking columns).
//   2. `align --help` start-up against a bare `node -e 0`.
//   3. `align stack --json` on a generated stacks file with many respondents.
//   4. exact Kemeny consensus time as the number of priorities grows.
//   5. the report's charts (chartsFor) on the survey example: import, first and
//      later renders, total SVG bytes.
//   6. the client report: `audit --format html` on the largest fixture (its size,
//      budget 2 MB, and the time the local Chromium takes to load and render it,
//      target 2 s), and `audit --format pdf` on the survey example. Needs
//      Chromium (Debian's chromium); without one this part says so and is skipped.
// Options: --rows N (default 200000) for 1 and 3; --only parse|startup|stack|kemeny|charts|report.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'align.js');
const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 200_000;
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : null;
const runs = (name) => ONLY === null || ONLY === name;
const dir = mkdtempSync(join(tmpdir(), 'align-bench-'));

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, runs = 5) {
  fn(); // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) };
}

function wideExport(path, rows) {
  const random = rng(1);
  const labels = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
  const head = ['Respondent ID', 'Name', 'Department', 'Role'];
  for (let i = 1; i <= 40; i++) head.push(`How much do you agree? [Item ${i}]`);
  for (let i = 1; i <= 10; i++) head.push(`Rank these priorities [Priority ${i}]`);
  head.push('Comment');
  const out = [head.map((h) => `"${h}"`).join(',')];
  for (let r = 0; r < rows; r++) {
    const row = [String(1e10 + r), `Person ${r}`, 'Operations', 'Manager'];
    for (let j = 0; j < 40; j++) row.push(labels[Math.floor(random() * 5)]);
    const perm = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    for (let i = 9; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      [perm[i], perm[k]] = [perm[k], perm[i]];
    }
    row.push(...perm.map(String));
    row.push(random() < 0.1 ? '"Hello, ""world""\nsecond line"' : '');
    out.push(row.join(','));
  }
  writeFileSync(path, out.join('\r\n') + '\r\n');
}

async function parsers(path) {
  const text = readFileSync(path, 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;
  const { parseDelimited } = await import(join(root, 'dist/ingest/parse.js'));
  const { parse } = await import('csv-parse/sync');
  const { inferSchema, initParser } = await import('udsv');
  const results = {
    'align parse seam (papaparse)': time(() => parseDelimited(text, { delimiter: ',', path })),
    'csv-parse/sync': time(() => parse(text, { relax_column_count: true })),
    'uDSV stringArrs': time(() => initParser(inferSchema(text)).stringArrs(text)),
  };
  console.log(`\n1. CSV parsing, ${mb.toFixed(1)} MB, ${ROWS} rows (median of 5, min-max)`);
  for (const [name, t] of Object.entries(results)) {
    console.log(
      `   ${name.padEnd(30)} ${(mb / (t.median / 1000)).toFixed(0).padStart(4)} MB/s  ${t.median.toFixed(0)} ms (${t.min.toFixed(0)}-${t.max.toFixed(0)})`,
    );
  }
}

function startup() {
  const run = (args) => time(() => execFileSync(process.execPath, args, { stdio: 'ignore' }), 15);
  const node = run(['-e', '0']);
  const help = run([bin, '--help']);
  console.log('\n2. Start-up (median of 15 runs, whole process)');
  console.log(`   node -e 0            ${node.median.toFixed(0)} ms`);
  console.log(`   align --help         ${help.median.toFixed(0)} ms  (${(help.median / node.median).toFixed(2)}x node)`);
}

function stacks(rows) {
  const path = join(dir, 'stacks.csv');
  const random = rng(2);
  const priorities = Array.from({ length: 10 }, (_, i) => `Priority ${i + 1}`);
  const out = ['respondent,name,role,department,priority,rank'];
  for (let r = 0; r < rows; r++) {
    const perm = [...priorities];
    for (let i = perm.length - 1; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      [perm[i], perm[k]] = [perm[k], perm[i]];
    }
    const role = r < 8 ? 'Executive' : 'Manager';
    const dept = `Dept ${r % 8}`;
    perm.forEach((p, i) => {
      out.push(`R${r},Person ${r},${role},${dept},${p},${i + 1}`);
    });
  }
  writeFileSync(path, out.join('\n') + '\n');
  const mb = Buffer.byteLength(out.join('\n')) / 1e6;
  const t0 = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'stack', path, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const peak = Number(res.stderr.trim().split('\n').pop());
  console.log(`\n3. align stack --json, long stacks file: ${rows} respondents x 10 priorities, ${mb.toFixed(0)} MB`);
  console.log(
    `   exit ${res.status}, ${ms.toFixed(0)} ms wall, peak RSS ${Number.isFinite(peak) ? (peak / 1024).toFixed(0) + ' MB' : 'n/a (no /usr/bin/time)'}`,
  );
}

async function kemenyTimes() {
  const { kemeny, KEMENY_MAX_ITEMS } = await import(join(root, 'dist/stats/kemeny.js'));
  const { borda } = await import(join(root, 'dist/stats/borda.js'));
  console.log(`\n4. Exact Kemeny (8 raters; limit ${KEMENY_MAX_ITEMS} priorities)`);
  for (let n = 8; n <= KEMENY_MAX_ITEMS; n += 2) {
    const random = rng(n);
    const keys = Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const matrix = Array.from({ length: 8 }, () => {
      const perm = Array.from({ length: n }, (_, i) => i + 1);
      for (let i = n - 1; i > 0; i--) {
        const k = Math.floor(random() * (i + 1));
        [perm[i], perm[k]] = [perm[k], perm[i]];
      }
      return perm;
    });
    const order = borda(matrix, keys).order;
    const t = time(() => kemeny(matrix, order, keys), 3);
    console.log(`   N = ${String(n).padStart(2)}  ${t.median.toFixed(0).padStart(6)} ms`);
  }
}

async function charts() {
  // The AuditResult as the CLI writes it (the HTML report will hand the same value to chartsFor).
  const json = execFileSync(process.execPath, [bin, 'audit', 'examples/fernhill-survey.csv', '--config', 'examples/align.yml', '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const result = JSON.parse(json);
  const t0 = performance.now();
  const { chartsFor } = await import(join(root, 'dist/render/charts.js'));
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  const first = await chartsFor(result);
  const firstMs = performance.now() - t1;
  const ms = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await chartsFor(result);
    ms.push(performance.now() - t);
  }
  const bytes = first.reduce((n, c) => n + Buffer.byteLength(c.svg), 0);
  console.log(`\n5. Charts of the survey example (chartsFor, ${first.length} charts)`);
  console.log(`   import charts.js (vega, vega-lite)  ${importMs.toFixed(0)} ms`);
  console.log(`   first chartsFor                     ${firstMs.toFixed(0)} ms`);
  console.log(`   later chartsFor (median of 5)       ${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)})`);
  console.log(
    `   SVG total                           ${(bytes / 1024).toFixed(0)} KiB (${first.map((c) => `${c.id} ${(Buffer.byteLength(c.svg) / 1024).toFixed(0)}`).join(', ')})`,
  );
}

async function clientReport() {
  const { findChromium, isolatedContext, launchChromium } = await import(join(root, 'dist/render/chromium.js'));
  let chromium;
  try {
    chromium = findChromium(undefined, process.env);
  } catch (e) {
    console.log(`\n6. Client report: skipped (${e.message})`);
    return;
  }
  const fixture = 'test/fixtures/plain-wide-1k.csv';
  const html = join(dir, 'report.html');
  const cli = time(() => execFileSync(process.execPath, [bin, 'audit', fixture, '--format', 'html', '-o', html, '--force'], { cwd: root, stdio: 'ignore' }));
  const bytes = readFileSync(html).length;
  const t0 = performance.now();
  const browser = await launchChromium(chromium);
  const launchMs = performance.now() - t0;
  const url = pathToFileURL(html).href;
  const render = [];
  try {
    for (let i = 0; i < 6; i++) {
      const context = await isolatedContext(browser, { javaScript: true, allow: (u) => u === url });
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(url, { waitUntil: 'load' });
      // layout and the first frame painted, fonts included
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
      if (i > 0) render.push(performance.now() - t); // the first is a warm-up
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const pdfOut = join(dir, 'report.pdf');
  const survey = ['audit', 'examples/fernhill-survey.csv', '--config', 'examples/align.yml', '--format', 'pdf', '-o', pdfOut, '--force'];
  const pdf = time(() => execFileSync(process.execPath, [bin, ...survey], { cwd: root, stdio: 'ignore' }), 3);
  const pdfBytes = readFileSync(pdfOut).length;
  const r = median(render);
  console.log(`\n6. Client report (Chromium ${chromium})`);
  console.log(
    `   audit --format html, ${fixture}: ${cli.median.toFixed(0)} ms whole process; ${(bytes / 1e6).toFixed(3)} MB (budget 2 MB: ${bytes < 2e6 ? 'within' : 'OVER'})`,
  );
  console.log(
    `   Chromium loads and renders it: ${r.toFixed(0)} ms (median of 5, warm browser; target 2000 ms: ${r < 2000 ? 'within' : 'OVER'}); starting Chromium ${launchMs.toFixed(0)} ms`,
  );
  console.log(
    `   audit --format pdf, examples/fernhill-survey.csv: ${pdf.median.toFixed(0)} ms whole process (median of 3, ${pdf.min.toFixed(0)}-${pdf.max.toFixed(0)}), ${(pdfBytes / 1e3).toFixed(0)} kB`,
  );
}

try {
  if (runs('parse')) {
    const wide = join(dir, 'wide.csv');
    wideExport(wide, ROWS);
    await parsers(wide);
  }
  if (runs('startup')) startup();
  if (runs('stack')) stacks(Math.min(ROWS, 100_000));
  if (runs('kemeny')) await kemenyTimes();
  if (runs('charts')) await charts();
  if (runs('report')) await clientReport();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
