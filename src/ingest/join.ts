/**
 * `align audit survey.csv --rankings stacks.csv`: the stacks come from a
 * separate file (a workshop's `align collect`, a consultant's sheet) and are
 * joined to the survey's respondents (ARCHITECTURE.md, "Who and what is
 * read"): by respondent id, else email (case-insensitive), else name (case-
 * and accent-insensitive), else, for a stack with an id and no name (align
 * collect's respondent column), that id as a name. A stack that matches nobody is not used and is
 * listed with that reason; every row stays accounted for.
 */
import { InputError } from '../errors.js';
import { ledgerText, msg } from '../i18n/index.js';
import { pushTo } from '../records.js';
import { personKey } from './columns.js';
import type { Dataset, Respondent } from './types.js';

function index(respondents: readonly Respondent[], keyOf: (r: Respondent) => string | null): Map<string, Respondent[]> {
  const map = new Map<string, Respondent[]>();
  for (const r of respondents) {
    const k = keyOf(r);
    if (k === null || k === '') continue;
    pushTo(map, k, r);
  }
  return map;
}

/** The rules a stack is matched by, in order (the messages select on them). */
type Rule = 'id' | 'email' | 'name';

const idKey = (r: Respondent) => (r.toolId === null ? null : r.toolId.trim().toLowerCase());
const emailKey = (r: Respondent) => (r.email === null ? null : r.email.trim().toLowerCase());
const nameKey = (r: Respondent) => (r.name === null ? null : personKey(r.name));

export function joinRankings(survey: Dataset, rankings: Dataset): Dataset {
  if (rankings.priorities.length === 0) {
    // Reading a table with no ranking is not an error (align inspect shows it); a --rankings file without one is.
    throw new InputError(
      rankings.files[0]?.path ?? '--rankings',
      null,
      null,
      'no ranking found in this --rankings file',
      'give stacks as long format (respondent, priority, rank), one column per priority holding its rank, one column per position, or one list cell (A;B;C); run align inspect on it to see how its columns were read',
    );
  }
  const byId = index(survey.respondents, idKey);
  const byEmail = index(survey.respondents, emailKey);
  const byName = index(survey.respondents, nameKey);
  const stackOf = new Map<Respondent, Respondent>();
  const excluded = [...survey.excluded, ...rankings.excluded];
  const notes = [...survey.notes, ...rankings.notes];

  if (survey.priorities.length > 0) {
    const first = survey.files[0];
    notes.push(
      ledgerText({ file: first?.path ?? '', line: 1 }, 'note', msg('reading.join.rankingsInstead', { files: rankings.files.map((f) => f.path).join(', ') })),
    );
  }

  const contradicted: Array<{ by: Rule; line: number }> = [];
  for (const s of rankings.respondents) {
    const tries: Array<[Rule, Map<string, Respondent[]>, string | null]> = [
      ['id', byId, idKey(s)],
      ['email', byEmail, emailKey(s)],
      ['name', byName, nameKey(s)],
      // a stacks sheet's respondent cell (align collect's, read as an id) holds the leader's name: matched to the survey's names last
      ['name', byName, s.name === null && s.toolId !== null ? personKey(s.toolId) : null],
    ];
    let matched: Respondent | null = null;
    let problem: ReturnType<typeof msg> | null = null;
    for (const [by, map, key] of tries) {
      if (key === null || key === '') continue;
      const found = map.get(key) ?? [];
      if (found.length === 1) {
        // A stacks file's own numbering (1, 2, 3 …) is no survey id: an id or email match
        // that the two names contradict is not trusted, and the next rule decides.
        const a = nameKey(s);
        const b = nameKey(found[0]!);
        if (by !== 'name' && a !== null && b !== null && a !== '' && b !== '' && a !== b) {
          contradicted.push({ by, line: s.line });
          continue;
        }
        matched = found[0]!;
        break;
      }
      if (found.length > 1) {
        // no survey lines here: those respondents may be members of a group too small to show
        problem = msg('reading.join.matchesMany', { by, count: String(found.length) });
        break;
      }
    }
    if (matched === null) {
      const reason = msg('reading.join.notUsed', { problem: problem ?? msg('reading.join.matchesNone') });
      for (const line of s.lines ?? [s.line])
        excluded.push(ledgerText({ file: s.file, line, kind: 'other' as const, about: { role: s.role, department: s.department } }, 'reason', reason));
      continue;
    }
    const before = stackOf.get(matched);
    if (before) {
      const reason = `stack not used: replaced by the later stack on line ${s.line} for the same survey respondent`;
      for (const line of before.lines ?? [before.line])
        excluded.push({
          file: before.file,
          line,
          reason,
          kind: 'duplicate',
          about: { role: matched.role ?? before.role, department: matched.department ?? before.department },
        });
    }
    stackOf.set(matched, s);
  }

  const rankingsFile = rankings.files.map((f) => f.path).join(', ');
  if (contradicted.length > 0) {
    // the rules the names contradicted, in the order first met: 'id', 'email', 'idEmail' (respondent id or email), 'emailId'
    const by = [...new Set(contradicted.map((c) => c.by))].map((r, i) => (i === 0 ? r : `${r[0]!.toUpperCase()}${r.slice(1)}`)).join('');
    notes.push(
      ledgerText(
        { file: rankings.files[0]?.path ?? '', line: contradicted[0]!.line },
        'note',
        msg('reading.join.contradicted', { n: contradicted.length, count: String(contradicted.length), by }),
      ),
    );
  }
  if (rankings.respondents.length > 0 && stackOf.size === 0) {
    throw new InputError(
      rankingsFile,
      null,
      null,
      `none of its ${rankings.respondents.length} stacks matches a survey respondent by respondent id, email or name`,
      'check that the --rankings file and the survey are from the same people, and that names or emails are spelled the same',
    );
  }

  const respondents = survey.respondents.map((r) => {
    const s = stackOf.get(r);
    return {
      ...r,
      role: r.role ?? s?.role ?? null,
      department: r.department ?? s?.department ?? null,
      stack: s ? s.stack : [],
    };
  });

  return {
    files: [...survey.files, ...rankings.files],
    respondents,
    excluded,
    notes,
    hasRoleColumn: survey.hasRoleColumn || rankings.hasRoleColumn,
    priorities: rankings.priorities,
    items: survey.items,
    // the survey's ownership questions (a stacks file asks none)
    ...(survey.decisions ? { decisions: survey.decisions } : {}),
  };
}
