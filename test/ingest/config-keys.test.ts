// Issue 7, point 6: align.yml's mappings are keyed by user text (headers, codes,
// spellings). `__proto__:` was dropped without a word by validation; a header
// named like an Object.prototype property found a "setting" it was never given.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseConfig } from '../../src/ingest/config.js';
import { encodingFromOption } from '../../src/ingest/decode.js';
import { configError } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

const refused = configError;

describe('parseConfig: a `__proto__` key', () => {
  it.each([
    ['columns', 'title: x\ncolumns:\n  __proto__: name\n  Dept: department\n', 3],
    ['priorities.aliases', 'priorities:\n  aliases:\n    __proto__: Grow revenue\n', 3],
    ['codebooks', 'codebooks:\n  Q3:\n    1: Sales\n    __proto__: Finance\n', 4],
    ['scales', 'scales:\n  agree:\n    labels:\n      __proto__: 1\n', 4],
    ['dimensions', 'dimensions:\n  __proto__: [a]\n', 2],
  ])('under %s is refused with its line, not dropped', (_, source, line) => {
    const e = refused(source);
    expect([e.file, e.line]).toEqual(['align.yml', line]);
    expect(e.message).toMatch(/^align\.yml:\d+: the key "__proto__" cannot be used in align\.yml; rename the key/);
  });
});

describe('parseConfig: keys named like Object.prototype properties', () => {
  it('are own keys, and absent ones look up nothing', () => {
    const c = parseConfig('columns:\n  constructor: name\n  Dept: department\npriorities:\n  aliases:\n    toString: Grow revenue\n', 'align.yml');
    expect(Object.keys(c.columns!)).toEqual(['constructor', 'Dept']);
    expect(c.columns!.constructor).toEqual({ role: 'name' });
    expect(c.columns!.toString).toBeUndefined();
    expect(c.columns!.hasOwnProperty).toBeUndefined();
    expect(c.priorities!.aliases!.toString).toBe('Grow revenue');
    expect(c.priorities!.aliases!.valueOf).toBeUndefined();
  });
});

describe('a file whose header is "toString", read with an align.yml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'align-config-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads as the same file headed "Comment"', async () => {
    const rows = (h: string) =>
      [`name,role,${h},Grow revenue,Cut costs,Hire engineers`, 'Ann,Executive,x,1,2,3', 'Bo,Executive,y,2,1,3', 'Cy,Executive,z,3,1,2'].join('\n') + '\n';
    writeFileSync(join(dir, 'align.yml'), 'columns:\n  name: name\n');
    writeFileSync(join(dir, 'proto.csv'), rows('toString'));
    writeFileSync(join(dir, 'plain.csv'), rows('Comment'));
    const config = join(dir, 'align.yml');
    const a = await runAlign(['stack', join(dir, 'proto.csv'), '--json', '--config', config], { cwd: dir });
    const b = await runAlign(['stack', join(dir, 'plain.csv'), '--json', '--config', config], { cwd: dir });
    expect(a.stderr).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(a.stdout).stack.concordance).toEqual(JSON.parse(b.stdout).stack.concordance);
  });
});

describe('encodingFromOption', () => {
  it.each(['constructor', 'Constructor'])('--encoding %s is not an encoding', (name) => {
    expect(() => encodingFromOption(name)).toThrow(UsageError);
  });
});
