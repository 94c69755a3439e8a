/**
 * An audit's findings from its parts: the one composition of the stack's and
 * the survey's findings, which the audit builds once (audit.ts) and a
 * comparison builds again from an earlier audit's JSON to word its findings'
 * titles in the reader's language ("Since the last audit", audit/diff.ts).
 */
import { type Message, msg, WORDING, type Wording } from '../i18n/index.js';
import { sortFindings, stackFindings } from './findings.js';
import { surveyFindings } from './survey-findings.js';
import type { AuditResult, Finding } from './types.js';

export function auditFindings(parts: Pick<AuditResult, 'stack' | 'cascade' | 'survey' | 'ownership' | 'recall'>): Finding[] {
  return sortFindings([...(parts.stack ? stackFindings(parts.stack, parts.cascade) : []), ...surveyFindings(parts.survey, parts.ownership, parts.recall)]);
}

type TitleKey = Pick<Finding, 'kind' | 'level' | 'title'>;
/** How a comparison matches a finding across two audits: its kind, level and English title. */
export const findingKey = (f: TitleKey) => `${f.kind}\u0000${f.level}\u0000${f.title}`;
const titleOf = (f: Finding): Message | undefined => (f as { [WORDING]?: Wording })[WORDING]?.title;

/**
 * Each finding's title as a message, so a report words it in its own language.
 * A finding built in this run carries its messages. One read back from JSON
 * holds its title in English only; the JSON holds what made it, though (the
 * stack, the survey, ownership and recall, with their figures), so the result's
 * findings are built again from those and a rebuilt finding of the same kind,
 * level and English title lends its message: the same words, never a guess.
 * A finding this align does not build so (a kind it does not know, a wording of
 * another version) keeps its English title, marked in the reader's language as
 * quoted from the earlier report (`sinceNotes.quotedTitle`).
 */
export function findingTitles(result: AuditResult): (f: TitleKey) => Message {
  let rebuilt: Map<string, Message> | null = null;
  const own = new Map<string, Message>();
  for (const f of result.findings) {
    const m = titleOf(f);
    if (m) own.set(findingKey(f), m);
  }
  return (f) => {
    const key = findingKey(f);
    const m = own.get(key);
    if (m) return m;
    if (rebuilt === null) {
      rebuilt = new Map();
      let again: Finding[] = [];
      try {
        again = auditFindings(result);
      } catch {
        // a result of another align version may lack a figure this one's findings read: its titles stay as written, quoted
      }
      for (const x of again) {
        const t = titleOf(x);
        if (t) rebuilt.set(findingKey(x), t);
      }
    }
    return rebuilt.get(key) ?? msg('sinceNotes.quotedTitle', { title: f.title });
  };
}
