// QA 16, item 1: a resumed align collect offers the priorities in the facilitator's
// order (or alphabetically when only the sheet names them), never in the order of the
// first stored stack. The built CLI under a pseudo-terminal; needs `npm run build` first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listOrder } from '../../src/cli/collect.js';
import { drive, KEY, plain, requireScript } from './terminal.js';

let dir: string;
beforeAll(() => {
  requireScript();
  dir = mkdtempSync(join(tmpdir(), 'align-collect-order-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const E = KEY.enter;
// Ann's stack, #1 first: P3, P2, P1 (the first rows of the sheet)
const SHEET = [
  'respondent,role,department,submitted,priority,rank',
  'Ann,Executive,,2026-03-01T09:00:00.000Z,Prio three,1',
  'Ann,Executive,,2026-03-01T09:00:00.000Z,Prio two,2',
  'Ann,Executive,,2026-03-01T09:00:00.000Z,Prio one,3',
  '',
].join('\n');

/** The choices the first pick offers, in the order shown. */
async function firstPickList(args: string[]): Promise<string[]> {
  const session = await drive(
    args,
    [
      { wait: /What next\?/, type: `N${E}` },
      { wait: /Your name/, type: `Ben${E}` },
      { wait: /Your role/, type: E },
      { wait: /Your department/, type: `N${E}` },
      { wait: /Pick your #1 \(of 3\)[\s\S]*Cancel this stack/, type: KEY.ctrlC },
      { wait: /Stopped\./ },
    ],
    dir,
  );
  const screen = plain(session.tty);
  const last = screen.lastIndexOf('Pick your #1');
  return [...screen.slice(last).matchAll(/Prio (one|two|three)/g)].map((m) => `Prio ${m[1]}`);
}

describe('align collect: the order the priorities are offered in', () => {
  test("--priority given again: the facilitator's order, not Ann's stack", async () => {
    const file = join(dir, 'given.csv');
    writeFileSync(file, SHEET);
    const offered = await firstPickList(['collect', file, '--priority', 'Prio one', '--priority', 'Prio two', '--priority', 'Prio three']);
    expect(offered).toEqual(['Prio one', 'Prio two', 'Prio three']);
  });

  test("no list given: alphabetical, not Ann's stack", async () => {
    const file = join(dir, 'resumed.csv');
    writeFileSync(file, SHEET);
    expect(await firstPickList(['collect', file])).toEqual(['Prio one', 'Prio three', 'Prio two']);
  });

  test('listOrder: the given list first, then what else the sheet holds, alphabetically', () => {
    expect(listOrder(['b', 'a'], ['z', 'a', 'y', 'b'])).toEqual(['b', 'a', 'y', 'z']);
    expect(listOrder([], ['Zeta', 'alpha', 'Beta'])).toEqual(['alpha', 'Beta', 'Zeta']);
  });
});
