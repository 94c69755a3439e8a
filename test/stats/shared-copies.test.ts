// The copies in test/fixtures must stay byte-identical to ../shared/fixtures
// (the source of truth, maintained with its independent numpy/scipy reference values).
// Reference: ../shared/fixtures/rankings/README.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures.js';

const SHARED = join(import.meta.dirname, '../../../shared/fixtures');

describe.skipIf(!existsSync(SHARED))('test/fixtures copies of ../shared/fixtures', () => {
  // every file in test/fixtures/{rankings,exports} that has an original of the same name
  const copies = ['rankings', 'exports'].flatMap((d) =>
    readdirSync(join(FIXTURES, d))
      .filter((f) => existsSync(join(SHARED, d, f)))
      .map((f) => join(d, f)),
  );

  it('copies every rankings/*.expected.json', () => {
    const shared = readdirSync(join(SHARED, 'rankings')).filter((f) => f.endsWith('.expected.json'));
    const copied = readdirSync(join(FIXTURES, 'rankings')).filter((f) => f.endsWith('.expected.json'));
    expect(copied.sort()).toEqual(shared.sort());
  });

  it.each(copies)('%s equals the shared original', (rel) => {
    expect(readFileSync(join(FIXTURES, rel)).equals(readFileSync(join(SHARED, rel)))).toBe(true);
  });
});
