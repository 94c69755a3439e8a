/**
 * "Since the last audit" in the reader's language (issue 15). The comparison
 * (audit/diff.ts) words its warnings and notes from the catalogue: the
 * AuditDiff (`align diff --json`) keeps their English, byte for byte what it
 * was before the catalogue, and a report words them in its own language.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildAudit } from '../../src/audit/audit.js';
import { findingTitles } from '../../src/audit/audit-findings.js';
import { compareAudits } from '../../src/audit/diff.js';
import type { AuditDiff, AuditResult } from '../../src/audit/types.js';
import { inEnglish, withLanguage } from '../../src/i18n/index.js';
import { sinceModel } from '../../src/render/since-model.js';
import { aDataset } from '../audit/builders.js';
import { renameDepartment } from '../helpers/rename-department.js';
import { ROOT, runAlign } from '../helpers/run.js';

const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'test/cli/golden/fernhill-survey.audit.json'), 'utf8')) as AuditResult;
const copy = (): AuditResult => structuredClone(EXAMPLE);

/**
 * One comparison for each warning and note audit/diff.ts words, with names that
 * hold a double quote or a backslash (the English quotes names as JSON does).
 */
const SCENARIOS: Record<string, () => AuditDiff> = {
  schema: () => {
    const before = copy();
    before.schemaVersion = 0;
    return compareAudits(before, copy());
  },
  threshold: () => {
    const before = copy() as AuditResult & { input: { minGroup?: number } };
    delete before.input.minGroup;
    delete (before.stack as { minGroup?: number }).minGroup;
    delete (before.survey as { minGroup?: number }).minGroup;
    const after = copy();
    after.input.minGroup = 7;
    return compareAudits(before, after);
  },
  leaders: () => {
    const after = copy();
    after.stack!.leaders = [...after.stack!.leaders.slice(2), 'Someone "New"', 'Zoë \\ Back'];
    return compareAudits(EXAMPLE, after);
  },
  surveyLeaders: () => {
    const before = copy();
    before.stack = null;
    const after = copy();
    after.stack = null;
    after.survey!.leaders = (before.survey!.leaders ?? 0) + 1;
    return compareAudits(before, after);
  },
  departments: () => {
    const after = copy();
    renameDepartment(after, 'Finance', 'gone');
    renameDepartment(after, 'gone', 'Operations');
    renameDepartment(after, 'People', 'People & Culture');
    renameDepartment(after, 'Clinical', 'Clinical "Care"');
    return compareAudits(EXAMPLE, after, { renamed: { Finance: 'Operations', Technology: 'Tech' } });
  },
  reworded: () => {
    const after = copy();
    after.survey!.items[0]!.text = 'I can name our "three" priorities';
    return compareAudits(EXAMPLE, after);
  },
  suppressed: () => {
    const before = copy();
    const gap = before.survey!.gaps[0] as { item: string };
    before.survey!.gaps[0] = { item: gap.item, suppressed: true };
    before.recall!.overall = { suppressed: true };
    const after = copy();
    after.survey!.dimensions[0]!.overall = { suppressed: true };
    for (const d of after.survey!.dimensions) d.byDepartment.Commercial = { suppressed: true };
    return compareAudits(before, after);
  },
  priorities: () => {
    const before = copy();
    before.stack!.priorities.push('Open a "new" clinic');
    for (const r of before.stack!.raters) r.ranks['Open a "new" clinic'] = 9;
    before.stack!.priorities.shift();
    const after = copy();
    const r0 = after.stack!.raters[0]!;
    const [p1, p2] = after.stack!.priorities as [string, string];
    [r0.ranks[p1], r0.ranks[p2]] = [r0.ranks[p2]!, r0.ranks[p1]!];
    after.stack!.concordance.W = 0.5;
    return compareAudits(before, after);
  },
};

const wordings = (d: AuditDiff) => ({ warnings: d.warnings.map((w) => w.message), notes: d.moves.flatMap((m) => (m.note ? [m.note] : [])) });
const SHARED7 = 'compared over the 7 priorities both stacks share';

describe('the English the AuditDiff keeps (align diff --json)', () => {
  // each string as audit/diff.ts wrote it before the catalogue (template literals, names through JSON.stringify)
  test.each([
    ['schema', ['The baseline has schemaVersion 0 and the later audit 1; figures added since schemaVersion 0 are not compared'], []],
    ['threshold', ['The anonymity threshold differs: not recorded in the baseline, 7 now; a group shown on one side may be hidden on the other'], []],
    [
      'leaders',
      [
        'The leaders who ranked differ (new: "Someone \\"New\\"", "Zoë \\\\ Back"; no longer: "Rafael Duarte", "Mei-Lin Zhou"); W and the leadership consensus are of different teams, each leader\'s divergence is compared only for leaders in both',
      ],
      [],
    ],
    ['surveyLeaders', ['The number of leaders in the survey differs: 7 in the baseline, 8 now; check the leader role is the same'], []],
    [
      'departments',
      [
        'Department "Clinical" is in the baseline only; it is not compared',
        '"Finance", "Operations" in the baseline are merged into "Operations": the baseline cannot be recombined from its results, so "Operations" is not compared',
        'Department "People" is in the baseline only; it is not compared',
        'Department "Technology" (renamed to "Tech" in align.yml) is in the baseline only; it is not compared',
        'Department "Technology" is in the later audit only; it is not compared (align.yml renamed: maps a renamed department)',
        'Department "People & Culture" is in the later audit only; it is not compared (align.yml renamed: maps a renamed department)',
        'Department "Clinical \\"Care\\"" is in the later audit only; it is not compared (align.yml renamed: maps a renamed department)',
      ],
      [],
    ],
    [
      'reworded',
      [
        'Item "I can name the company\'s top three priorities for this quarter" is worded differently: before "I can name the company\'s top three priorities for this quarter", now "I can name our \\"three\\" priorities"',
      ],
      [],
    ],
    [
      'suppressed',
      [
        'Everyone is hidden in the later audit (fewer people than the anonymity threshold), so its figures are not compared',
        'Commercial is hidden in the later audit (fewer people than the anonymity threshold), so its figures are not compared',
        'The gap on "I can name the company\'s top three priorities for this quarter" is hidden in the baseline (fewer people than the anonymity threshold), so its leaders and others are not compared',
        'Everyone is hidden in the baseline (fewer people than the anonymity threshold), so its recall are not compared',
      ],
      [],
    ],
    [
      'priorities',
      [
        'The priorities ranked differ (added "Win NHS contracts"; dropped "Open a \\"new\\" clinic"; N 8 then 8): W and each leader\'s divergence are compared over the 7 priorities both share',
      ],
      [`${SHARED7}; the p-values and bands are each audit's own, over all its priorities`, ...Array(6).fill(SHARED7)],
    ],
  ])('%s', (name, warnings, notes) => {
    const diff = (SCENARIOS[name] as () => AuditDiff)();
    expect(wordings(diff)).toEqual({ warnings, notes });
    if (name === 'suppressed') {
      // the group each warning names, as the AuditDiff keys it
      expect(diff.warnings.map((w) => [w.group, w.side])).toEqual([
        ['overall', 'after'],
        ['Commercial', 'after'],
        ['The gap on "I can name the company\'s top three priorities for this quarter"', 'before'],
        ['overall', 'before'],
      ]);
    }
    // plain JSON data: what JSON.stringify writes is every field the comparison has
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});

/** The section as a report in `lang` words it. */
const since = (lang: 'en' | 'fr' | 'de', diff: AuditDiff) => withLanguage(lang, () => sinceModel(diff, 'before.json'));

describe("the warnings and notes in the reader's language", () => {
  test('French: every warning and note of every scenario is worded from the French catalogue, names as written', () => {
    const all = Object.values(SCENARIOS).map((s) => s());
    const fr = all.map((d) => since('fr', d));
    const lines = fr.flatMap((m) => [...m.warnings, ...m.groups.flatMap((g) => g.lines)]);
    // no English phrase of the comparison's own is left (names, in «\u202f», are the input's)
    for (const line of lines) expect(line.replace(/«[^»]*»/g, '«»')).not.toMatch(/\b(the|is|are|its|compared|baseline|later audit|differ|hidden|priorities)\b/);
    expect(fr[0]!.warnings).toEqual([
      'L’audit de référence est au schemaVersion 0, l’audit le plus récent au schemaVersion 1\u202f; les chiffres ajoutés depuis le schemaVersion 0 ne sont pas comparés',
    ]);
    expect(fr[1]!.warnings).toEqual([
      'Le seuil d’anonymat diffère\u202f: non enregistré dans l’audit de référence, 7 aujourd’hui\u202f; un groupe présenté d’un côté peut être masqué de l’autre',
    ]);
    // names in French quotation marks (a name holding a quote keeps the escape the English has)
    expect(fr[2]!.warnings[0]).toContain(
      '(en plus\u202f: «\u202fSomeone \\"New\\"\u202f», «\u202fZoë \\\\ Back\u202f»\u202f; en moins\u202f: «\u202fRafael Duarte\u202f», «\u202fMei-Lin Zhou\u202f»)',
    );
    expect(fr[4]!.warnings).toContain(
      'Le département «\u202fTechnology\u202f» (renommé «\u202fTech\u202f» dans align.yml) ne figure que dans l’audit de référence\u202f; il n’est pas comparé',
    );
    expect(fr[4]!.warnings).toContain(
      '«\u202fFinance\u202f», «\u202fOperations\u202f» de l’audit de référence sont regroupés dans le département «\u202fOperations\u202f»\u202f: l’audit de référence ne peut être recomposé à partir de ses résultats, si bien que le département «\u202fOperations\u202f» n’est pas comparé',
    );
    // a group hidden on one side: everyone, a department, a gap; what is not compared is said for each
    expect(fr[6]!.warnings).toEqual([
      'Ensemble des répondants\u202f: sous le seuil d’anonymat dans l’audit le plus récent\u202f; chiffres non comparés',
      'Commercial\u202f: sous le seuil d’anonymat dans l’audit le plus récent\u202f; chiffres non comparés',
      "L’écart de perception sur «\u202fI can name the company's top three priorities for this quarter\u202f»\u202f: sous le seuil d’anonymat dans l’audit de référence\u202f; chiffres des dirigeants et des autres répondants non comparés",
      'Ensemble des répondants\u202f: sous le seuil d’anonymat dans l’audit de référence\u202f; mémorisation de la stratégie non comparée',
    ]);
    // the notes on W and on each leader's divergence
    const notes = fr[7]!.groups.flatMap((g) => g.lines);
    expect(notes[0]).toMatch(
      /\(comparaison sur les 7 priorités communes aux deux classements\u202f; les valeurs p et les échelles sont celles de chaque audit, sur l’ensemble de ses priorités\)$/,
    );
    expect(notes.slice(1).every((l) => l.endsWith('(comparaison sur les 7 priorités communes aux deux classements)'))).toBe(true);
    expect(fr[7]!.warnings[0]).toMatch(
      /^Les priorités classées diffèrent \(ajout\u202f: «\u202fWin NHS contracts\u202f»\u202f; retrait\u202f: «\u202fOpen a \\"new\\" clinic\u202f»\u202f; N passe de 8 à 8\)/,
    );
  });

  test('German: the same, in German quotation marks', () => {
    const de = (name: string) => since('de', (SCENARIOS[name] as () => AuditDiff)());
    expect(de('surveyLeaders').warnings).toEqual([
      'Die Zahl der Führungskräfte in der Befragung ist verschieden: 7 im Ausgangsaudit, 8 jetzt; bitte prüfen Sie, ob die Führungsrolle gleich bestimmt ist',
    ]);
    expect(de('reworded').warnings).toEqual([
      'Das Item „I can name the company\'s top three priorities for this quarter“ ist anders formuliert: zuvor „I can name the company\'s top three priorities for this quarter“, jetzt „I can name our \\"three\\" priorities“',
    ]);
    expect(de('suppressed').warnings[2]).toBe(
      "Die Wahrnehmungslücke bei „I can name the company's top three priorities for this quarter“: im Ausgangsaudit verborgen (weniger Personen als die Anonymitätsschwelle), daher werden die Werte der Führungskräfte und der anderen nicht verglichen",
    );
    expect(de('departments').warnings).toContain(
      'Die Abteilung „Clinical \\"Care\\"“ gibt es nur im neueren Audit; sie wird nicht verglichen (renamed: in align.yml ordnet eine umbenannte Abteilung zu)',
    );
    expect(de('priorities').groups[1]!.lines[0]).toMatch(/\(verglichen über die 7 Prioritäten, die beide Listen gemeinsam haben\)$/);
  });

  test('English reports word them as the AuditDiff has them', () => {
    for (const make of Object.values(SCENARIOS)) {
      const diff = make();
      const en = since('en', diff);
      expect(en.warnings).toEqual(diff.warnings.map((w) => w.message));
      for (const m of diff.moves) if (m.note) expect(en.groups.flatMap((g) => g.lines).some((l) => l.endsWith(`(${m.note})`))).toBe(true);
    }
  });

  test("a level that changed status is named in the reader's language; the AuditDiff keeps its key", () => {
    const after = copy();
    after.levels[0]!.status = 'aligned';
    const diff = compareAudits(EXAMPLE, after);
    expect(diff.moves.find((m) => m.kind === 'level')?.subject).toBe('strategic');
    expect(since('fr', diff).groups.find((g) => g.heading === 'Niveaux d’alignement')?.lines).toEqual(['Stratégique\u202f: mitigé → aligné']);
    expect(since('de', diff).groups.find((g) => g.heading === 'Ebenen der Ausrichtung')?.lines).toEqual(['Strategie: gemischt → ausgerichtet']);
    expect(since('en', diff).groups.find((g) => g.heading === 'Levels of alignment')?.lines).toEqual(['strategic: mixed → aligned']);
  });
});

/** An audit's JSON as a later run reads it back: the English only, no messages. */
const readBack = (r: AuditResult): AuditResult => JSON.parse(JSON.stringify(r)) as AuditResult;

async function auditJson(args: string[]): Promise<AuditResult> {
  const run = await runAlign(['audit', ...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as AuditResult;
}

describe("a finding read back from an earlier audit's JSON", () => {
  test('every kind of finding is rebuilt from what the JSON holds: the same English title, so its message words it in any language', async () => {
    const results = [
      await auditJson(['examples/fernhill-survey.csv', '--config', 'examples/align.yml']),
      await auditJson(['examples/fernhill-survey-q2.csv', '--config', 'examples/align-q2.yml']),
      await auditJson(['test/fixtures/rankings/aw-leaders-managers.csv']),
      await auditJson(['test/fixtures/ugly/priority-named-like-a-measure.csv']),
      // every leader puts Growth in their top three: unanimous
      readBack(
        buildAudit(
          aDataset()
            .withLeader('Ana', 'X', ['Growth', 'Cost', 'Quality', 'People'])
            .withLeader('Bo', 'Y', ['Cost', 'Growth', 'People', 'Quality'])
            .withLeader('Cy', 'Z', ['Growth', 'Quality', 'Cost', 'People'])
            .build(),
          { version: 'test', permutations: 200, seed: 1 },
        ),
      ),
    ];
    const kinds = new Set<string>();
    for (const r of results) {
      const title = findingTitles(r);
      for (const f of r.findings) {
        kinds.add(f.kind);
        const m = title(f);
        expect(m.key, `${f.kind}: ${f.title}`).not.toBe('sinceNotes.quotedTitle');
        expect(inEnglish(m)).toBe(f.title);
      }
    }
    // the kinds audit/findings.ts and audit/survey-findings.ts make (their KIND_ORDER)
    expect([...kinds].sort()).toEqual(
      [
        'cascade',
        'cascade-gap',
        'concordance',
        'contested',
        'decision-contested',
        'decision-orphaned',
        'departments',
        'divergence',
        'first-priorities',
        'gap',
        'least-clear',
        'low-agreement',
        'low-favourable',
        'methods-disagree',
        'recall',
        'unanimous',
      ].sort(),
    );
  });

  test("a resolved finding is titled in the report's language; the AuditDiff keeps the English title", () => {
    const after = copy();
    const gone = after.findings.splice(1, 1)[0]!; // Six different priorities sit at the top of seven stacks
    const diff = compareAudits(EXAMPLE, after);
    const resolved = diff.moves.filter((m) => m.kind === 'finding' && m.status === 'resolved');
    expect(resolved.map((m) => m.subject)).toEqual([gone.title]);
    const lines = (lang: 'en' | 'fr' | 'de') => since(lang, diff).groups.flatMap((g) => g.lines);
    expect(lines('fr')).toEqual(['résolu (gravité élevée auparavant)\u202f: Six priorités différentes occupent la première place de sept classements']);
    expect(lines('de')).toEqual(['erledigt (zuvor Schweregrad hoch): Sechs verschiedene Prioritäten stehen an der Spitze von sieben Listen']);
    expect(lines('en')).toEqual(['resolved (was high): Six different priorities sit at the top of seven stacks']);
  });

  test("a finding this align cannot rebuild (a kind it does not know, a wording of another version) keeps its English title, quoted as the earlier report's", () => {
    const before = copy();
    before.findings.push({ ...before.findings[0]!, kind: 'from-a-newer-align', title: 'Leaders disagree about the roadmap' });
    before.findings[0]!.title = 'The seven leaders barely agree'; // an older wording of the concordance finding
    const diff = compareAudits(before, copy());
    const resolved = diff.moves.filter((m) => m.kind === 'finding' && m.status === 'resolved').map((m) => m.subject);
    expect(resolved).toEqual(['The seven leaders barely agree', 'Leaders disagree about the roadmap']);
    const lines = (lang: 'en' | 'fr' | 'de') =>
      since(lang, diff)
        .groups.flatMap((g) => g.lines)
        .filter((l) => /^(resolved|résolu|erledigt)/.test(l));
    expect(lines('fr')).toEqual([
      'résolu (gravité élevée auparavant)\u202f: «\u202fThe seven leaders barely agree\u202f» (intitulé repris tel quel du rapport précédent, en anglais)',
      'résolu (gravité élevée auparavant)\u202f: «\u202fLeaders disagree about the roadmap\u202f» (intitulé repris tel quel du rapport précédent, en anglais)',
    ]);
    expect(lines('de')).toEqual([
      'erledigt (zuvor Schweregrad hoch): „The seven leaders barely agree“ (Titel unverändert aus dem vorigen Bericht übernommen, auf Englisch)',
      'erledigt (zuvor Schweregrad hoch): „Leaders disagree about the roadmap“ (Titel unverändert aus dem vorigen Bericht übernommen, auf Englisch)',
    ]);
    expect(lines('en')).toEqual(['resolved (was high): The seven leaders barely agree', 'resolved (was high): Leaders disagree about the roadmap']);
  });
  test('a baseline whose findings cannot be built again (a figure this align reads is missing) has every title quoted, and the comparison still runs', () => {
    const before = copy();
    (before.stack as unknown as { consensus: null }).consensus = null;
    const diff = compareAudits(before, { ...copy(), findings: [] });
    const fr = since('fr', diff).groups.flatMap((g) => g.lines);
    expect(fr).toHaveLength(EXAMPLE.findings.length);
    for (const line of fr)
      expect(line).toMatch(/^résolu \(gravité \S+ auparavant\)\u202f: «\u202f.+\u202f» \(intitulé repris tel quel du rapport précédent, en anglais\)$/);
  });
});

describe('align audit --baseline in French and German (the second example audit against the first)', () => {
  const ARGS = ['examples/fernhill-survey-q2.csv', '--config', 'examples/align-q2.yml', '--baseline', 'test/cli/golden/fernhill-survey.audit.json'];
  /** The section "Since the last audit" of a Markdown report, up to the next section. */
  const section = (md: string, heading: string) => {
    const start = md.indexOf(`## ${heading}\n`);
    expect(start, heading).toBeGreaterThanOrEqual(0);
    const end = md.indexOf('\n## ', start + 1);
    return md.slice(start, end < 0 ? undefined : end);
  };

  test.each([
    [
      'fr',
      'Depuis le dernier audit',
      [
        '- L’item «\u202fIt is clear who owns each critical decision in my area\u202f» est formulé différemment\u202f: auparavant «\u202fI know who owns each critical decision in my area\u202f», désormais «\u202fIt is clear who owns each critical decision in my area\u202f»',
        '- Les priorités classées diffèrent (ajout\u202f: «\u202fOpen a Manchester clinic\u202f»\u202f; N passe de 8 à 9)\u202f: W et la divergence de chaque dirigeant sont comparés sur les 8 priorités communes aux deux audits',
        '(comparaison sur les 8 priorités communes aux deux classements\u202f; les valeurs p et les échelles sont celles de chaque audit, sur l’ensemble de ses priorités)',
        '- Mei-Lin Zhou\u202f: 0,29 → 0,23\u202f; évolution -0,06 (comparaison sur les 8 priorités communes aux deux classements)',
        '- résolu (gravité élevée auparavant)\u202f: Six priorités différentes occupent la première place de sept classements',
        '- résolu (gravité élevée auparavant)\u202f: Clinical est le département le moins au clair sur les priorités',
        '- résolu (gravité moyenne auparavant)\u202f: Six priorités sont contestées\u202f: dans le top 3 de certains dirigeants, en bas de liste pour d’autres',
      ],
    ],
    [
      'de',
      'Seit dem letzten Audit',
      [
        '- Das Item „It is clear who owns each critical decision in my area“ ist anders formuliert: zuvor „I know who owns each critical decision in my area“, jetzt „It is clear who owns each critical decision in my area“',
        '- Die in eine Rangfolge gebrachten Prioritäten sind verschieden (hinzugekommen: „Open a Manchester clinic“; N von 8 auf 9): W und die Abweichung jeder Führungskraft werden über die 8 Prioritäten verglichen, die beide gemeinsam haben',
        '(verglichen über die 8 Prioritäten, die beide Listen gemeinsam haben; p-Werte und Einstufungen sind die des jeweiligen Audits, über alle seine Prioritäten)',
        '- Mei-Lin Zhou: 0,29 → 0,23; Veränderung -0,06 (verglichen über die 8 Prioritäten, die beide Listen gemeinsam haben)',
        '- erledigt (zuvor Schweregrad hoch): Sechs verschiedene Prioritäten stehen an der Spitze von sieben Listen',
        '- erledigt (zuvor Schweregrad hoch): Clinical ist sich über die Prioritäten am wenigsten im Klaren',
        '- erledigt (zuvor Schweregrad mittel): Sechs Prioritäten sind umstritten: bei manchen Führungskräften unter den ersten drei, bei anderen weit unten',
      ],
    ],
  ])("%s: the warnings, the notes and the resolved findings' titles", async (lang, heading, expected) => {
    const run = await runAlign(['audit', ...ARGS, '--lang', lang]);
    expect(run.code, run.stderr).toBe(0);
    const text = section(run.stdout, heading);
    for (const line of expected) expect(text).toContain(line);
    // every resolved finding of the baseline is titled in the report's language: none quoted from the earlier report
    const resolved = text.split('\n').filter((l) => /^- (résolu|erledigt) /.test(l));
    expect(resolved).toHaveLength(7);
    expect(text).not.toMatch(/intitulé repris|Titel unverändert/);
    // none of the English the comparison writes for the JSON
    expect(text).not.toMatch(/compared over|worded differently|priorities ranked differ|Six different priorities/);
  });
});
