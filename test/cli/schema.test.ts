// Issue "The survey audit, part 1": `align schema` prints the AuditResult's JSON Schema
// (draft 2020-12), and every example's and fixture's JSON output validates against it
// with a real validator (Ajv's draft 2020-12 class), so the schema, the TypeScript
// contract (src/audit/types.ts, checked against the schema at compile time in
// src/audit/schema.ts) and what the commands print cannot drift apart.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { auditResultJsonSchema, SCHEMA_ID, type stackJsonSchema } from '../../src/audit/schema.js';
import type { stackJson } from '../../src/cli/stack.js';
import { EXPORTS, RANKINGS, REAL } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// `align stack --json` prints stackJson(result): its type and $defs.StackJson's zod schema are one shape (typecheck).
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stackShapeAgrees: Mutual<z.infer<typeof stackJsonSchema>, ReturnType<typeof stackJson>> = true;

const EXAMPLE = 'examples/fernhill-stacks.csv';
// The tool files of test/cli/audit-exports.test.ts, with the config two of them need.
const EXPORT_FILES: Array<{ file: string; config?: string }> = [
  { file: 'google-forms.csv' },
  { file: 'google-forms-semicolon.csv' },
  { file: 'surveymonkey.csv' },
  { file: 'qualtrics.csv' },
  { file: 'qualtrics-numeric.csv', config: 'northwind.align.yml' },
  { file: 'microsoft-forms.csv' },
  { file: 'microsoft-forms-windows1252.csv' },
  { file: 'microsoft-forms-utf16le.txt' },
  { file: 'typeform.csv' },
  { file: 'limesurvey.csv', config: 'limesurvey.align.yml' },
  { file: 'limesurvey-fulltext.csv' },
];
const STACK_FILES = readdirSync(RANKINGS).filter((f) => f.endsWith('.csv'));
const SURVEY_ONLY = join(REAL, 'surveymonkey-538-food-world-cup-excerpt.csv');

let schema: Record<string, unknown>;
let validateAudit: ReturnType<Ajv2020['compile']>;
let validateStack: ReturnType<Ajv2020['compile']>;

beforeAll(async () => {
  const run = await runAlign(['schema']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  schema = JSON.parse(run.stdout);
  // strict: Ajv refuses a schema with unknown keywords or ambiguous tuples, so the generated schema is clean 2020-12.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(schema);
  validateAudit = ajv.getSchema(SCHEMA_ID) as ReturnType<Ajv2020['compile']>;
  validateStack = ajv.getSchema(`${SCHEMA_ID}#/$defs/StackJson`) as ReturnType<Ajv2020['compile']>;
});

/** Runs align, expects success, returns the parsed JSON. */
async function jsonOf(args: string[]): Promise<Json> {
  const run = await runAlign(args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

function expectValid(validate: ReturnType<Ajv2020['compile']>, data: Json): void {
  const ok = validate(data);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
}

/** Every value in `data` that is `{suppressed: true}`-shaped (a suppressed group, department, cascade or gap entry). */
function suppressedEntries(data: Json): Json[] {
  if (data === null || typeof data !== 'object') return [];
  const own = !Array.isArray(data) && data.suppressed === true ? [data] : [];
  return [...own, ...Object.values(data).flatMap(suppressedEntries)];
}

describe('align schema', () => {
  it('prints JSON whose $schema is draft 2020-12, with the $id, title and the stack view in $defs', () => {
    expect(stackShapeAgrees).toBe(true);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(schema.title).toBe('AuditResult');
    expect(schema).toEqual(auditResultJsonSchema());
    expect(Object.keys(schema.$defs as object)).toEqual(expect.arrayContaining(['StackJson', 'GroupStats', 'InputBlock', 'StackResult', 'SurveyResult']));
  });

  it('closes the contract objects and keeps user-keyed records open maps', () => {
    const defs = schema.$defs as Json;
    expect(schema.additionalProperties).toBe(false);
    expect(defs.GroupStats.additionalProperties).toBe(false);
    expect(defs.ItemResult.additionalProperties).toBe(false);
    expect(defs.ItemResult.properties.byDepartment.additionalProperties).toEqual({
      anyOf: [{ $ref: '#/$defs/GroupStats' }, { $ref: '#/$defs/Suppressed' }],
    });
    expect(defs.Rater.properties.ranks.additionalProperties).toEqual({ type: 'number' });
    // a …Reason sibling is never required
    expect(defs.GroupStats.required).not.toContain('meanReason');
    expect(defs.GroupStats.required).toContain('mean');
  });

  it('-o writes the same schema to a file, atomically; an existing file needs --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-schema-'));
    const out = join(dir, 'schema.json');
    const first = await runAlign(['schema', '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(schema);
    expect(readdirSync(dir)).toEqual(['schema.json']);
    const again = await runAlign(['schema', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; pass --force/);
    expect((await runAlign(['schema', '-o', out, '--force'])).code).toBe(0);
  });
});

describe('every output validates against the schema', () => {
  it(`align audit ${EXAMPLE} --format json`, async () => {
    expectValid(validateAudit, await jsonOf(['audit', EXAMPLE, '--format', 'json']));
  });

  it(`align stack ${EXAMPLE} --json validates as StackJson, not as the whole AuditResult (no survey, no findings)`, async () => {
    const data = await jsonOf(['stack', EXAMPLE, '--json']);
    expectValid(validateStack, data);
    expect(validateAudit(data)).toBe(false);
  });

  for (const file of STACK_FILES) {
    it(`align stack rankings/${file} --json`, async () => {
      expectValid(validateStack, await jsonOf(['stack', join(RANKINGS, file), '--json']));
    });
  }

  for (const f of EXPORT_FILES) {
    it(`align audit exports/${f.file} --format json`, async () => {
      const args = ['audit', join(EXPORTS, f.file), '--format', 'json'];
      if (f.config) args.push('--config', join(EXPORTS, f.config));
      const data = await jsonOf(args);
      expect(data.survey).not.toBeNull();
      expectValid(validateAudit, data);
    });
  }

  it('align audit exports/google-forms.csv --min-group 7 (suppressed groups in the survey, departments and cascade)', async () => {
    const data = await jsonOf(['audit', join(EXPORTS, 'google-forms.csv'), '--format', 'json', '--min-group', '7']);
    expectValid(validateAudit, data);
    // The output under test does hold suppressed entries of each kind, so the schema's suppressed branches are exercised.
    const hidden = suppressedEntries(data);
    expect(hidden).toContainEqual({ suppressed: true });
    expect(data.stack.departments).toContainEqual({ department: expect.any(String), suppressed: true });
    expect(data.cascade).toContainEqual({ leader: expect.any(String), department: expect.any(String), suppressed: true });
  });

  it('align stack exports/google-forms.csv --json --min-group 7', async () => {
    const data = await jsonOf(['stack', join(EXPORTS, 'google-forms.csv'), '--json', '--min-group', '7']);
    expectValid(validateStack, data);
    expect(suppressedEntries(data).length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(SURVEY_ONLY))('a survey-only file (no ranking question): stack null with its reason, the survey filled', async () => {
    const data = await jsonOf(['audit', SURVEY_ONLY, '--format', 'json']);
    expect(data.stack).toBeNull();
    expect(data.survey).not.toBeNull();
    expectValid(validateAudit, data);
  });
});

describe('the schema rejects what the contract does not allow', () => {
  let audit: Json;
  beforeAll(async () => {
    audit = await jsonOf(['audit', join(EXPORTS, 'google-forms.csv'), '--format', 'json', '--min-group', '7']);
  });
  const changed = (edit: (a: Json) => void): Json => {
    const copy = structuredClone(audit);
    edit(copy);
    return copy;
  };
  const firstShown = (a: Json) => a.survey.items[0].overall;

  it.each<[string, (a: Json) => void]>([
    ['an extra field at the top', (a) => (a.extra = 1)],
    ['an extra field in a group', (a) => (firstShown(a).median = 3)],
    ['an extra field beside suppressed: true', (a) => (a.stack.departments.find((d: Json) => d.suppressed).n = 2)],
    ['an extra field in a ledger file', (a) => (a.input.files[0].modified = '2026-01-01')],
    ['W as a string', (a) => (a.stack.concordance.W = '0.5')],
    ['a share above 1', (a) => (firstShown(a).favourable = 1.5)],
    ['a count that is not whole', (a) => (a.input.respondents = 2.5)],
    ['a Wilson interval of three numbers', (a) => (firstShown(a).favourableCI = [0.1, 0.2, 0.3])],
    ['an unknown tool format', (a) => (a.input.files[0].format = 'excel')],
    ['a missing statistic (null is allowed, absent is not)', (a) => delete firstShown(a).sd],
    ['suppressed: false', (a) => (a.stack.departments.find((d: Json) => d.suppressed).suppressed = false)],
    ['a reason that is not a string', (a) => (a.stack.concordance.pPermutationReason = null)],
  ])('%s', (_what, edit) => {
    expect(firstShown(audit).suppressed).toBeUndefined();
    expectValid(validateAudit, audit);
    expect(validateAudit(changed(edit))).toBe(false);
  });
});
