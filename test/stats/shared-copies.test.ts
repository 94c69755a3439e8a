// The copies in test/stats/fixtures must stay byte-identical to /work/shared/fixtures
// (the source of truth, maintained with its independent numpy/scipy reference values).
// Reference: /work/shared/fixtures/rankings/README.md.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures.js';

const SHARED = '/work/shared/fixtures';

describe.skipIf(!existsSync(SHARED))('test/stats/fixtures copies of /work/shared/fixtures', () => {
  const copies = [
    ...readdirSync(join(FIXTURES, 'rankings')).map((f) => join('rankings', f)),
    ...readdirSync(join(FIXTURES, 'exports')).map((f) => join('exports', f)),
  ];

  it('copies every rankings/*.expected.json', () => {
    const shared = readdirSync(join(SHARED, 'rankings')).filter((f) => f.endsWith('.expected.json'));
    expect(copies.filter((c) => c.startsWith('rankings')).map((c) => c.slice('rankings/'.length)).sort()).toEqual(shared.sort());
  });

  it.each(copies)('%s equals the shared original', (rel) => {
    expect(readFileSync(join(FIXTURES, rel)).equals(readFileSync(join(SHARED, rel)))).toBe(true);
  });
});
