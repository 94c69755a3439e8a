/**
 * `align audit … --format html` from the command line: the cover's flags and
 * align.yml keys (flags win; the logo read beside align.yml, checked by content
 * and size), the HTML templates ejected and overridden like the Markdown ones,
 * text from the data inert in HTML and Markdown, and no hidden group's people
 * or numbers in the HTML.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());
const ROOT_TMP = join(tmp.write('.root', ''), '..');
/** A file `rel` (folders made as needed) in the temporary folder; returns its path. */
function put(rel: string, content: string | Buffer): string {
  const path = join(ROOT_TMP, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const STACKS = 'examples/fernhill-stacks.csv';
const SVG_LOGO =
  '<?xml version="1.0"?>\n<!-- a logo -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n';
const PNG_LOGO = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** The body of a report (the CSS in the head names classes the body may not use). */
const body = (html: string) => html.slice(html.indexOf('<body>'));

describe('the cover: --client, --facilitator, --date, --logo over align.yml', () => {
  const folder = dirname(put('cover/.keep', ''));
  writeFileSync(join(folder, 'logo.svg'), SVG_LOGO);
  writeFileSync(join(folder, 'logo.png'), PNG_LOGO);
  const config = join(folder, 'align.yml');
  writeFileSync(config, 'title: Offsite\nclient: Fernhill Health\nfacilitator: Sam Lee\ndate: 2026-10-14\nlogo: logo.svg\n');

  it('reads the keys from align.yml, the logo from beside it', async () => {
    const run = await runAlign(['audit', STACKS, '--config', config, '--format', 'html']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<dd>Fernhill Health</dd>');
    expect(run.stdout).toContain('<dd>Sam Lee</dd>');
    expect(run.stdout).toContain('<time datetime="2026-10-14">14 October 2026</time>');
    expect(run.stdout).toContain(`src="data:image/svg+xml;base64,${Buffer.from(SVG_LOGO).toString('base64').replace(/=/g, '&#x3D;')}"`);
  });

  it('takes the flags over the keys', async () => {
    const run = await runAlign([
      'audit',
      STACKS,
      '--config',
      config,
      '--format',
      'html',
      '--client',
      'Other Co',
      '--facilitator',
      'Alex Kim',
      '--date',
      '2027-01-02',
      '--logo',
      join(folder, 'logo.png'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<dd>Other Co</dd>');
    expect(run.stdout).toContain('<dd>Alex Kim</dd>');
    expect(run.stdout).toContain('<time datetime="2027-01-02">2 January 2027</time>');
    expect(run.stdout).toContain('src="data:image/png;base64,');
    expect(run.stdout).not.toContain('Fernhill Health</dd>');
  });

  it('shows client, facilitator and date on the Markdown cover, without the logo', async () => {
    const run = await runAlign(['audit', STACKS, '--config', config]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 6)).toEqual([
      '# Offsite',
      '',
      '- **Client:** Fernhill Health',
      '- **Facilitator:** Sam Lee',
      '- **Date:** 14 October 2026',
      '',
    ]);
    expect(run.stdout).not.toMatch(/data:|logo/i);
  });

  it('adds no date unless one is given, so the same input gives the same bytes', async () => {
    const a = await runAlign(['audit', STACKS, '--format', 'html']);
    const b = await runAlign(['audit', STACKS, '--format', 'html']);
    expect(a.stdout).toBe(b.stdout);
    expect(body(a.stdout)).not.toMatch(/<time|20\d\d-\d\d-\d\d/);
  });

  it('refuses a logo that is missing, not an image, too large or a folder, in one line naming the file (exit 2)', async () => {
    const gif = tmp.write('logo.gif', 'GIF89a\u0001\u0000');
    const big = tmp.write('big.png', Buffer.concat([PNG_LOGO, Buffer.alloc(1_000_001)]));
    const cases: Array<[string, RegExp]> = [
      [join(folder, 'nope.png'), /nope\.png: no such logo file; give a PNG, JPEG or SVG file of at most 1 MB$/],
      [gif, /logo\.gif: is not a PNG, JPEG or SVG image; give a PNG, JPEG or SVG file of at most 1 MB$/],
      [big, /big\.png: is larger than 1000000 bytes, too large to embed as the report's logo; give a PNG, JPEG or SVG file of at most 1 MB$/],
      [folder, /: is a folder, not a logo file; give a PNG, JPEG or SVG file of at most 1 MB$/],
    ];
    for (const [logo, message] of cases) {
      const run = await runAlign(['audit', STACKS, '--format', 'html', '--logo', logo]);
      expect(run.code, logo).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), logo).toHaveLength(1);
      expect(run.stderr.trimEnd()).toMatch(message);
    }
    const bad = join(folder, 'bad.yml');
    writeFileSync(bad, 'logo: missing.svg\n');
    const run = await runAlign(['audit', STACKS, '--format', 'html', '--config', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`align: ${join(folder, 'missing.svg')}: no such logo file; give a PNG, JPEG or SVG file of at most 1 MB\n`);
  });

  it('refuses a date that is not a day written YYYY-MM-DD, as a flag and in align.yml', async () => {
    for (const date of ['2026-02-30', '14/10/2026', '2026-1-5']) {
      const run = await runAlign(['audit', STACKS, '--date', date]);
      expect(run.code, date).toBe(2);
      expect(run.stderr).toBe(`align: --date takes a day written YYYY-MM-DD, such as 2026-10-14 (got "${date}")\n`);
    }
    const bad = join(folder, 'date.yml');
    writeFileSync(bad, 'date: 2026-13-01\n');
    const run = await runAlign(['audit', STACKS, '--config', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`align: ${bad}:1: date: is not a date written YYYY-MM-DD; write the day as 2026-10-14, in quotes or not\n`);
  });
});

describe('HTML templates: ejected with the Markdown ones, overridden file by file', () => {
  it('align templates eject copies html/, and an edited partial changes the HTML report', async () => {
    const dir = join(ROOT_TMP, 'tpl');
    const run = await runAlign(['templates', 'eject', dir]);
    expect(run.code, run.stderr).toBe(0);
    for (const f of ['html/report.html.hbs', 'html/partials/style.html.hbs', 'html/partials/chart.html.hbs', 'html/partials/at-a-glance.html.hbs']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const partial = join(dir, 'html', 'partials', 'at-a-glance.html.hbs');
    writeFileSync(partial, readFileSync(partial, 'utf8').replace('>{{t "glance.heading"}}</h2>', '>In short</h2>'));
    const html = await runAlign(['audit', STACKS, '--format', 'html', '--template', dir]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain('<h2 id="at-a-glance-h">In short</h2>');
    // the Markdown report is untouched by the HTML override
    expect((await runAlign(['audit', STACKS, '--template', dir])).stdout).toMatch(/^## At a glance$/m);
  });

  it('a folder holding only one HTML partial overrides just that one; a broken one is a usage error', async () => {
    put('only-style/html/partials/style.html.hbs', '<style>body { color: #000; }</style>\n');
    const dir = join(ROOT_TMP, 'only-style');
    const run = await runAlign(['audit', STACKS, '--format', 'html', '--template', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<style>body { color: #000; }</style>');
    expect(run.stdout).toContain('<h2 id="at-a-glance-h">At a glance</h2>');
    put('broken/html/partials/cover.html.hbs', '{{#if title}}unclosed\n');
    const broken = join(ROOT_TMP, 'broken');
    const bad = await runAlign(['audit', STACKS, '--format', 'html', '--template', broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^align: template .*broken: /);
  });
});

const HOSTILE = '<script>alert(1)</script> {{x}} </style> javascript:alert(1) =HYPERLINK("x")';

/**
 * The survey example with hostile text in a leader's name, a priority, a
 * department, a decision, an owner, recall answers and comments.
 */
function hostileSurvey(): { csv: string; config: string } {
  const source = readFileSync(join(ROOT, 'examples/fernhill-survey.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(source, { skipEmptyLines: true }).data;
  const [top, sub] = rows;
  const col = (header: string) => top!.findIndex((h) => h.startsWith(header));
  const name = col('Your name');
  const department = col('Which department');
  const pricing = col('Who makes the final call on pricing');
  const recall = col('Name the company');
  const comment = col('Anything else');
  const ireland = sub!.indexOf('Expand to Ireland');
  top![pricing] = `Who makes the final call on pricing ${HOSTILE}?`;
  sub![ireland] = `Expand ${HOSTILE}`;
  rows.slice(2).forEach((r, i) => {
    if (r[name] === 'Amara Nwosu') r[name] = `Amara ${HOSTILE}`;
    if (r[department] === 'Clinical') r[department] = `Clinical ${HOSTILE}`;
    if (r[pricing] === 'CFO') r[pricing] = `CFO ${HOSTILE}`;
    if (i < 12) r[recall] = `${HOSTILE}\nWin NHS contracts`;
    if (i < 14) r[comment] = `Comment ${i} ${HOSTILE}`;
  });
  const csv = tmp.write('hostile-survey.csv', Papa.unparse(rows));
  return { csv, config: join(ROOT, 'examples/align.yml') };
}

describe('text from the data is inert in the HTML and the Markdown report', () => {
  const { csv, config } = hostileSurvey();

  it('HTML: no script, no style break-out, no javascript: link; the text is there, escaped', async () => {
    const run = await runAlign(['audit', csv, '--config', config, '--format', 'html']);
    expect(run.code, run.stderr).toBe(0);
    const html = run.stdout;
    expect(html).not.toMatch(/<script/i);
    // every </style> closes a <style> (the page's CSS, or one a chart's SVG carries): none comes from the data
    expect(html.match(/<\/style/gi)?.length).toBe(html.match(/<style[\s>]/gi)?.length);
    expect(html.indexOf('</style>')).toBeLessThan(html.indexOf('</head>'));
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).not.toMatch(/<a [^>]*href="(?!#)/);
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; {{x}} &lt;/style&gt; javascript:alert(1) &#x3D;HYPERLINK(&quot;x&quot;)';
    // a leader, a department, an owner, recall answers and comments, each at least once
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(5);
    expect(html).toContain(`Clinical ${escaped}`);
    expect(html).toContain(`Amara ${escaped}`);
    // SurveyMonkey writes its headers as HTML: the reader takes the tags out of a priority or a question, the rest stays text
    expect(html).toContain('Expand alert(1) {{x}} javascript:alert(1) &#x3D;HYPERLINK(&quot;x&quot;)');
    expect(html).toContain('Pricing alert(1) {{x}} javascript:alert(1)');
    expect(html).toContain(`CFO ${escaped}`);
    // comments from the groups shown (a small group's are withheld)
    expect(html).toMatch(new RegExp(`Comment \\d+ ${escaped.replace(/[()]/g, '\\$&')}`));
  });

  it('Markdown: no tag a Markdown viewer would run, no javascript: link', async () => {
    const run = await runAlign(['audit', csv, '--config', config, '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/(?<!\\)<(script|\/style)/i);
    expect(run.stdout).not.toMatch(/\]\(\s*javascript:/i);
    expect(run.stdout).toContain('Amara \\<script>alert(1)\\</script> {{x}} \\</style> javascript:alert(1) =HYPERLINK("x")');
  });
});

describe('the HTML report shows no hidden group', () => {
  // 5 leaders, Sales 7, Ops 6, and Finance 4 (under the threshold of 5). Finance's people all answer 5 ("strongly
  // agree") and write a comment; everyone else answers 1 to 3. Finance shown would read 100% favourable, mean 5.00.
  const leaders = ['Ana', 'Ben', 'Cy', 'Di', 'Ed'].map((n) => ({ name: `Lead ${n}`, role: 'Executive', department: 'Office', hidden: false }));
  const members = (department: string, n: number, hidden: boolean) =>
    Array.from({ length: n }, (_, i) => ({
      name: `${hidden ? 'Secret' : 'Member'} ${department} ${String.fromCharCode(65 + i)}`,
      role: 'Manager',
      department,
      hidden,
    }));
  const people = [...leaders, ...members('Sales', 7, false), ...members('Ops', 6, false), ...members('Finance', 4, true)];
  const lines = ['name,role,department,Q1,Q2,Q3,Anything else?'];
  people.forEach((p, i) => {
    const v = p.hidden ? [5, 5, 5] : [1 + (i % 3), 1 + ((i + 1) % 3), 1 + ((i + 2) % 3)];
    lines.push([p.name, p.role, p.department, ...v, `Comment from ${p.name}`].join(','));
  });
  const file = tmp.write('hidden-finance.csv', `${lines.join('\n')}\n`);

  it('names no hidden member, quotes none, and prints no figure only the hidden group has', async () => {
    const json = JSON.parse((await runAlign(['audit', file, '--format', 'json'])).stdout);
    expect(json.survey.items[0].byDepartment.Finance).toEqual({ suppressed: true });
    const run = await runAlign(['audit', file, '--format', 'html']);
    expect(run.code, run.stderr).toBe(0);
    const html = body(run.stdout);
    for (const p of people.filter((x) => x.hidden)) {
      expect(html).not.toContain(p.name);
      expect(html).not.toContain(`Comment from ${p.name}`);
    }
    // outside the charts (whose axes run to 100%), and in them no number beside Finance's name
    const text = html.replace(/<svg[\s\S]*?<\/svg>/g, '');
    expect(text).not.toContain('100%');
    expect(text).not.toContain('5.00');
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) expect(svg).not.toMatch(/Finance[^<]*\d/);
    expect(html).toContain('<th scope="col" class="num">Finance</th>');
    expect(html).toContain('<td class="num">hidden (protects groups under 5)</td>');
  });
});
