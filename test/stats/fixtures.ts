// Loads the synthetic Adventure Works and Northwind fixtures (copied verbatim from
// ../shared/fixtures into test/stats/fixtures, see its README) into plain
// matrices for the stats tests. Not a test file: no *.test.ts suffix.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface FixtureRespondent {
  name: string;
  department: string | null;
  leader: boolean;
  /** explicit rank per priority (stack.priorities order), null when unranked */
  explicit: Array<number | null>;
  /** expected completed vector, when the expected file gives one */
  completed: number[] | null;
  ranked: number | null;
  tiedExplicitRanks: boolean | null;
}

export interface Fixture {
  file: string;
  priorities: string[];
  /** matching key per priority (README rule 2) */
  keys: string[];
  respondents: FixtureRespondent[];
  /** the expected file as parsed (shape documented in fixtures/rankings README) */
  expected: any;
}

/** README rule 2: NFKC, case-fold, punctuation (P*) removed, white space collapsed, trimmed. */
export function matchingKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\p{P}/gu, '').replace(/\s+/gu, ' ').trim();
}

function loadRankings(file: string): Fixture {
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'rankings', file), 'utf8'));
  const priorities: string[] = expected.stack.priorities;
  const keys = priorities.map((p) => expected.priorityKeys[p] as string);
  const respondents: FixtureRespondent[] = expected.respondents.map(
    (r: {
      name: string;
      department?: string | null;
      leader: boolean;
      ranked: number;
      explicit: Record<string, number>;
      completed: Record<string, number>;
      tiedExplicitRanks: boolean;
    }) => ({
      name: r.name,
      department: r.department ?? null,
      leader: r.leader,
      explicit: priorities.map((p) => r.explicit[p] ?? null),
      completed: priorities.map((p) => {
        const v = r.completed[p];
        if (v === undefined) throw new Error(`${file}: ${r.name} has no completed rank for ${p}`);
        return v;
      }),
      ranked: r.ranked,
      tiedExplicitRanks: r.tiedExplicitRanks,
    }),
  );
  return { file, priorities, keys, respondents, expected };
}

/** northwind.expected.json has no respondents[]: read northwind-rankings-long.csv (no quoted cells). */
function loadNorthwind(): Fixture {
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'exports', 'northwind.expected.json'), 'utf8'));
  const priorities: string[] = expected.stack.priorities;
  const lines = readFileSync(join(FIXTURES, 'exports', 'northwind-rankings-long.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const header = (lines[0] as string).split(',');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`northwind-rankings-long.csv has no column ${name}`);
    return i;
  };
  const [id, name, role, department, priority, rank] = [col('respondent_id'), col('name'), col('role'), col('department'), col('priority'), col('rank')];
  const byId = new Map<string, FixtureRespondent>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`northwind-rankings-long.csv: ragged line ${line}`);
    const key = cells[id] as string;
    let r = byId.get(key);
    if (!r) {
      r = {
        name: cells[name] as string,
        department: cells[department] as string,
        leader: cells[role] === 'Executive',
        explicit: priorities.map(() => null),
        completed: null,
        ranked: null,
        tiedExplicitRanks: null,
      };
      byId.set(key, r);
    }
    const p = priorities.indexOf(cells[priority] as string);
    if (p < 0) throw new Error(`northwind-rankings-long.csv: unknown priority ${cells[priority]}`);
    r.explicit[p] = Number(cells[rank]);
  }
  return {
    file: 'northwind.expected.json',
    priorities,
    keys: priorities.map(matchingKey),
    respondents: [...byId.values()],
    expected,
  };
}

export function loadFixtures(): Fixture[] {
  const files = readdirSync(join(FIXTURES, 'rankings'))
    .filter((f) => f.endsWith('.expected.json'))
    .sort();
  return [...files.map(loadRankings), loadNorthwind()];
}
