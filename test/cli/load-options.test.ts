// Survey audit, part 2: align.yml's official list, priorities.aliases,
// ownership.contestedShare and quality.exclude reach the audit. buildAudit is
// the real one, observed (vi.mock passes every call through).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import * as audit from '../../src/audit/audit.js';
import type { Io } from '../../src/cli/io.js';
import { loadAudit } from '../../src/cli/load.js';

vi.mock('../../src/audit/audit.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/audit/audit.js')>();
  return { ...real, buildAudit: vi.fn(real.buildAudit) };
});

const io = (cwd: string): Io => ({ stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd, interactive: false });

const STACKS = 'name,role,Grow revenue,Cut costs,Hire engineers\nAnn,Executive,1,2,3\nBo,Executive,2,1,3\nCy,Executive,3,1,2\n';

describe('loadAudit hands the survey-audit settings of align.yml to buildAudit', () => {
  it('official, aliases, contestedShare and excludeQuality, as align.yml gives them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-load-'));
    writeFileSync(join(dir, 's.csv'), STACKS);
    writeFileSync(
      join(dir, 'align.yml'),
      [
        'official: [Grow revenue, Cut costs]',
        'priorities:',
        '  aliases:',
        '    Revenue: Grow revenue',
        'ownership: {contestedShare: 0.3}',
        'quality: {exclude: [speeders, incomplete]}',
        '',
      ].join('\n'),
    );
    const result = await loadAudit([join(dir, 's.csv')], {}, io(dir));
    expect(result.input.respondents).toBe(3);
    const options = vi.mocked(audit.buildAudit).mock.lastCall![1];
    expect(options.official).toEqual(['Grow revenue', 'Cut costs']);
    expect({ ...options.aliases }).toEqual({ Revenue: 'Grow revenue' });
    expect(options.contestedShare).toBe(0.3);
    expect(options.excludeQuality).toEqual(['speeders', 'incomplete']);
  });

  it('nothing of them when align.yml says nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-load-'));
    writeFileSync(join(dir, 's.csv'), STACKS);
    await loadAudit([join(dir, 's.csv')], {}, io(dir));
    const options = vi.mocked(audit.buildAudit).mock.lastCall![1];
    for (const key of ['official', 'aliases', 'contestedShare', 'excludeQuality'] as const) expect(key in options).toBe(false);
  });
});
