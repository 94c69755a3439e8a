// Issue 7, point 11: every input bounded in time. labelKey (run on every cell
// while columns are classified) stripped a numeric suffix with a look-behind
// that costs the square of the cell's length: thirty 10,000-character names
// took over two minutes. A cell longer than any scale label keeps its numbers.
import { describe, expect, it } from 'vitest';
import { labelKey } from '../../src/ingest/likert.js';

describe('labelKey on long cells', () => {
  it("strips a label's number prefix and suffix as before", () => {
    expect(labelKey('5. Strongly agree')).toBe('strongly agree');
    expect(labelKey('Strongly agree (5)')).toBe('strongly agree');
  });

  it('keeps the numbers of a cell longer than 200 characters (no scale label is)', () => {
    const long = `Zoë ${'x'.repeat(1_000)}`;
    // accents fold (issue 14: "Tout a fait d'accord" is the tools' "Tout à fait d'accord")
    expect(labelKey(`${long} (5)`)).toBe(`zoe ${'x'.repeat(1_000)} 5`);
    expect(labelKey(`5. ${long}`)).toBe(`5 zoe ${'x'.repeat(1_000)}`);
  });
});
