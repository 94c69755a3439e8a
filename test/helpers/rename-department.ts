import type { AuditResult } from '../../src/audit/types.js';

/** Renames a department key everywhere an audit result holds it (its survey, recall and department stacks), in place. */
export function renameDepartment(r: AuditResult, from: string, to: string): void {
  const move = (rec: Record<string, unknown>) => {
    if (Object.hasOwn(rec, from)) {
      rec[to] = rec[from];
      delete rec[from];
    }
  };
  for (const d of r.survey?.dimensions ?? []) move(d.byDepartment);
  for (const i of r.survey?.items ?? []) move(i.byDepartment);
  if (r.recall) move(r.recall.byDepartment);
  for (const d of r.stack?.departments ?? []) if (d.department === from) d.department = to;
}
