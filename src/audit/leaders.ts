/**
 * Who is a leader (ARCHITECTURE.md, "Who and what is read"): the respondents
 * whose role is one of the leader roles, compared case-insensitively against
 * the whole value, so "Non-Executive Director" is not an "Executive". Without
 * a role column everyone is a leader.
 */
import { UsageError } from '../errors.js';
import type { Dataset, Respondent } from '../ingest/types.js';

export const DEFAULT_LEADER_ROLES = ['Executive'] as const;

function roleKey(role: string): string {
  return role.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Role value -> is a leader's role; without a role column everyone is a leader. */
export function leaderRoleTest(dataset: Pick<Dataset, 'hasRoleColumn'>, roles: readonly string[]): (role: string | null) => boolean {
  if (!dataset.hasRoleColumn) return () => true;
  const wanted = new Set(roles.map(roleKey));
  // a file holds a handful of role values, asked about once per respondent per analysis
  const seen = new Map<string, boolean>();
  return (role) => {
    if (role === null) return false;
    let is = seen.get(role);
    if (is === undefined) {
      is = wanted.has(roleKey(role));
      if (seen.size < 10_000) seen.set(role, is);
    }
    return is;
  };
}

export function leaderTest(dataset: Dataset, roles: readonly string[]): (r: Respondent) => boolean {
  if (!dataset.hasRoleColumn) return () => true;
  const isLeaderRole = leaderRoleTest(dataset, roles);
  const isLeader = (r: Respondent) => isLeaderRole(r.role);
  if (dataset.respondents.length > 0 && !dataset.respondents.some(isLeader)) {
    const found = [...new Set(dataset.respondents.map((r) => r.role).filter((x): x is string => x !== null))];
    const shown = found.length > 0 ? found.map((f) => JSON.stringify(f)).join(', ') : 'none (every role cell is blank)';
    const files = dataset.files.map((f) => f.path).join(', ');
    throw new UsageError(
      `${files}: no respondent has the leader role ${roles.map((x) => JSON.stringify(x)).join(' or ')}; the roles in the file are ${shown}; name the leaders' role with --leaders <role> (or leaders: in align.yml)`,
    );
  }
  return isLeader;
}
