#!/usr/bin/env node
// npm run bench: speed and memory, measured rather than asserted in tests.
//   0. scale (the default first part; issue 13): plain wide exports (scripts/lib/plain-wide.mjs:
//      12 Executives in Executive Office, the rest Manager, Director or Individual Contributor
//      across twelve departments, Q1..Q40 and ten `Rank: <priority>` columns) of 10k, 100k and 1M
//      respondents, written once into .cache/bench/ and reused. For each: wall time and peak
//      memory (GNU time's %M) of `align audit <file> --format json`, of a bare pass of the same
//      parser over the same file (scripts/bare-parse.mjs), and of the pandas/scipy script an
//      analyst would write (scripts/reference.py, run by Debian's /usr/bin/python3); whether
//      align's JSON agrees with that script's to 1e-9; and the issue's targets, PASS or MISS
//      (printed, never failing the run: the engine is being sped up).
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
// Options: --only scale|parse|startup|stack|kemeny|charts|report (default: all, scale first);
// --sizes 10k,100k,1m for 0 (default all three); --runs N for 0 (default 3 up to 100k, 1 above);
// --rows N (default 200000) for 1 and 3.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareWithReference } from './lib/compare-reference.mjs';
import { writePlainWide } from './lib/plain-wide.mjs';

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

// ---- 0. scale -------------------------------------------------------------------------------

const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const shown = (label) => label.replace('m', 'M');
const cacheDir = join(root, '.cache', 'bench');
const hasGnuTime = existsSync('/usr/bin/time');

function sizesWanted() {
  const i = process.argv.indexOf('--sizes');
  if (i < 0) return Object.keys(SIZES);
  const wanted = process.argv[i + 1].split(',').map((s) => s.trim().toLowerCase());
  for (const w of wanted) {
    if (!(w in SIZES)) throw Object.assign(new Error(`--sizes: "${w}" is not one of ${Object.keys(SIZES).join(', ')}`), { usage: true });
  }
  return wanted;
}

/** The export for `rows` respondents, written once; reused while its manifest (options, generator, bytes) matches. */
function cachedExport(label, rows) {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `plain-wide-${label}.csv`);
  const manifestPath = join(cacheDir, `plain-wide-${label}.json`);
  const generator = createHash('sha256')
    .update(readFileSync(join(root, 'scripts', 'lib', 'plain-wide.mjs')))
    .digest('hex')
    .slice(0, 16);
  const options = { rows };
  const want = { options, generator };
  if (existsSync(file) && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify({ options: manifest.options, generator: manifest.generator }) === JSON.stringify(want) && statSync(file).size === manifest.bytes) {
      return { file, bytes: manifest.bytes, written: false };
    }
  }
  const t0 = performance.now();
  const { bytes } = writePlainWide(file, options);
  writeFileSync(manifestPath, `${JSON.stringify({ ...want, bytes }, null, 1)}\n`);
  console.log(`   wrote ${file} (${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { file, bytes, written: true };
}

/** One whole process: wall ms, peak RSS in MB (10^6 bytes; GNU time's %M, else what the child reports, else null), exit code, stderr. */
function measure(command, args, env = {}) {
  const wrapped = hasGnuTime ? ['/usr/bin/time', ['-f', 'peak-kb %M', command, ...args]] : [command, args];
  const t0 = performance.now();
  const res = spawnSync(wrapped[0], wrapped[1], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const ms = performance.now() - t0;
  let stderr = res.stderr ?? '';
  let peakKB = null;
  const m = /peak-kb (\d+)\s*$/.exec(stderr);
  if (m) {
    peakKB = Number(m[1]);
    stderr = stderr.slice(0, m.index);
  } else {
    const reported = /"maxRssKB":(\d+)/.exec(res.stdout ?? '');
    if (reported) peakKB = Number(reported[1]);
  }
  return { ms, peakMB: peakKB === null ? null : (peakKB * 1024) / 1e6, code: res.status, stderr: stderr.trim(), stdout: res.stdout };
}

/** Debian's python3 with pandas and scipy (pyenv's may lack them), or the reason there is none. */
function findPython() {
  const tried = [];
  for (const python of ['/usr/bin/python3', 'python3']) {
    const res = spawnSync(python, ['-c', 'import pandas, scipy; print(f"pandas {pandas.__version__}, scipy {scipy.__version__}")'], { encoding: 'utf8' });
    if (res.status === 0) return { python, versions: res.stdout.trim() };
    tried.push(`${python}: ${res.error ? res.error.code : (res.stderr.trim().split('\n').pop() ?? `exit ${res.status}`)}`);
  }
  return { python: null, reason: `no python3 with pandas and scipy (${tried.join('; ')}); apt-get install python3-pandas python3-scipy` };
}

function summary(results) {
  const ok = results.filter((r) => r.code === 0);
  if (ok.length === 0) return { failed: results[0] };
  const ms = ok.map((r) => r.ms);
  const peaks = ok.map((r) => r.peakMB).filter((p) => p !== null);
  return { min: Math.min(...ms), median: median(ms), peak: peaks.length ? Math.max(...peaks) : null, runs: ok.length };
}

const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x) => (x === null ? 'n/a' : `${x.toFixed(0)} MB`);
const timing = (s) =>
  s.failed ? `failed (exit ${s.failed.code}: ${s.failed.stderr.split('\n')[0]})` : `${sec(s.median)} (min ${sec(s.min)}), peak ${mb(s.peak)}`;
const mark = (pass) => (pass === null ? 'n/a' : pass ? 'PASS' : 'MISS');

async function scale() {
  const sizes = sizesWanted();
  const runsArg = process.argv.indexOf('--runs');
  const py = findPython();
  const out = join(cacheDir, 'out');
  mkdirSync(out, { recursive: true });
  console.log(
    `\n0. Scale: plain wide exports, align audit --format json against a bare parse and pandas/scipy (whole processes; peak RSS ${hasGnuTime ? "by GNU time's %M" : 'n/a: no /usr/bin/time'}; 1 MB = 10^6 bytes)`,
  );
  console.log(py.python ? `   reference: ${py.python} scripts/reference.py (${py.versions})` : `   reference: skipped, ${py.reason}`);
  const rows = [];
  for (const label of sizes) {
    const n = SIZES[label];
    const { file, bytes } = cachedExport(label, n);
    const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : n > 100_000 ? 1 : 3;
    const alignOut = join(out, `align-${label}.json`);
    const refOut = join(out, `reference-${label}.json`);
    const audit = [];
    const bare = [];
    const ref = [];
    // where the audit's time goes (src/phases.ts: ALIGN_PHASES), per run
    const phasesFile = join(out, `phases-${label}.json`);
    const phases = [];
    for (let i = 0; i < runs; i++) {
      rmSync(phasesFile, { force: true });
      audit.push(measure(process.execPath, [bin, 'audit', file, '--format', 'json', '-o', alignOut, '--force'], { ALIGN_PHASES: phasesFile }));
      if (existsSync(phasesFile)) phases.push({ ...JSON.parse(readFileSync(phasesFile, 'utf8')), wall: audit[audit.length - 1].ms });
      bare.push(measure(process.execPath, [join(root, 'scripts', 'bare-parse.mjs'), file]));
      if (py.python) ref.push(measure(py.python, [join(root, 'scripts', 'reference.py'), file, refOut]));
    }
    const a = summary(audit);
    const b = summary(bare);
    const r = py.python ? summary(ref) : null;
    let agreement = 'n/a (no reference)';
    if (a.failed) agreement = 'n/a (align failed)';
    else if (r?.failed) agreement = 'n/a (reference failed)';
    else if (r) {
      const c = compareWithReference(JSON.parse(readFileSync(alignOut, 'utf8')), JSON.parse(readFileSync(refOut, 'utf8')));
      agreement = c.disagreement === null ? `agree to 1e-9 (${c.checked} values)` : `DISAGREE (${c.disagreements} of ${c.checked}; first: ${c.disagreement})`;
    }
    const ratio = (x, y) => (x.failed || !y || y.failed ? null : x.median / y.median);
    const toBare = ratio(a, b);
    const toRef = ratio(a, r);
    const peakToRef = a.failed || !r || r.failed || a.peak === null || r.peak === null ? null : a.peak / r.peak;
    console.log(`\n   ${shown(label)}: ${n} respondents, ${(bytes / 1e6).toFixed(1)} MB, ${runs} run${runs > 1 ? 's' : ''} each (median, min)`);
    console.log(`     align audit --format json   ${timing(a)}`);
    console.log(`     bare parse (parse seam)     ${timing(b)}`);
    console.log(`     reference.py (pandas)       ${r ? timing(r) : `skipped: ${py.reason}`}`);
    console.log(
      `     align / bare parse ${toBare === null ? 'n/a' : `${toBare.toFixed(1)}x`}; align / reference: time ${toRef === null ? 'n/a' : `${toRef.toFixed(2)}x`}, peak ${peakToRef === null ? 'n/a' : `${peakToRef.toFixed(2)}x`}`,
    );
    console.log(`     align's JSON against the reference: ${agreement}`);
    if (phases.length > 0) {
      // the run of median wall time; 'other' is start-up, reading the bytes, writing and what no phase covers
      const p = [...phases].sort((x, y) => x.wall - y.wall)[Math.floor((phases.length - 1) / 2)];
      const named = ['decode', 'parse', 'plan', 'rows', 'merge', 'wait', 'assemble', 'statistics', 'render'];
      const other = p.wall - named.reduce((t, k) => t + (p[k] ?? 0), 0);
      console.log(`     where the audit's time goes: ${[...named.map((k) => `${k} ${sec(p[k] ?? 0)}`), `other ${sec(other)}`].join(', ')}`);
    }
    const targets = [[`audit at most 2x the bare parse (${toBare === null ? 'n/a' : `${toBare.toFixed(1)}x`})`, toBare === null ? null : toBare <= 2]];
    if (n === 100_000)
      targets.push([`100k audit faster than the script (${toRef === null ? 'n/a' : `${toRef.toFixed(2)}x`})`, toRef === null ? null : toRef < 1]);
    if (n === 1_000_000) {
      targets.push([`1M audit under half the script's time (${toRef === null ? 'n/a' : `${toRef.toFixed(2)}x`})`, toRef === null ? null : toRef < 0.5]);
      targets.push([`1M audit peak under 400 MB (${a.failed ? 'n/a' : mb(a.peak)})`, a.failed || a.peak === null ? null : a.peak < 400]);
    }
    for (const [what, pass] of targets) console.log(`     target: ${what.padEnd(52)} ${mark(pass)}`);
    rows.push({ label, bytes, a, b, r, toBare, toRef, agreement });
  }
  // The same figures as a Markdown table, for README.md's performance section.
  const cell = (s) => (!s ? 'n/a' : s.failed ? `exit ${s.failed.code}` : `${sec(s.median)}, ${mb(s.peak)}`);
  console.log('\n   | respondents | file | align audit --format json | bare parse | reference.py (pandas) | audit / parse | audit / reference | agrees |');
  console.log('   |---|---|---|---|---|---|---|---|');
  for (const x of rows) {
    console.log(
      `   | ${shown(x.label)} | ${(x.bytes / 1e6).toFixed(0)} MB | ${cell(x.a)} | ${cell(x.b)} | ${cell(x.r)} | ${x.toBare === null ? 'n/a' : `${x.toBare.toFixed(1)}x`} | ${x.toRef === null ? 'n/a' : `${x.toRef.toFixed(2)}x`} | ${x.agreement.startsWith('agree') ? 'yes' : x.agreement.startsWith('DIS') ? 'NO' : 'n/a'} |`,
    );
  }
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
  if (runs('scale')) await scale();
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
} catch (e) {
  if (!e.usage) throw e;
  console.error(`bench: ${e.message}`);
  process.exitCode = 2;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
