// Acceptance (issue "The survey audit, part 2"): a survey built from the question bank's
// wording is grouped into the bank's dimensions and levels without a config, in every
// tool's layout. Each Northwind tool file is rewritten with six other wordings the bank
// lists (two of them items Northwind does not ask: resources, data), in its own bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { QUESTION_BANK } from '../../src/audit/question-bank.js';
import type { AuditResult } from '../../src/audit/types.js';
import { EXPORTS } from '../helpers/read.js';
import { runAlign } from '../helpers/run.js';
import { tempFolder } from '../ingest/temp-files.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

/** Northwind's statement (any apostrophe a tool writes) -> a variant wording from the bank, and the bank item. */
const REWRITE: Array<[RegExp, string, string]> = [
  [
    /I can name the company(?:'|’|&apos;|&#39;)s top three priorities for this quarter/g,
    'I clearly understand the top three organisational priorities this quarter',
    'clarity-top-priorities',
  ],
  [/I know who owns each critical decision in my area/g, 'Decision rights are clear in my area', 'decision-ownership'],
  [/When priorities change, I hear about it clearly and in time/g, 'Changes in priorities are communicated clearly and in time', 'change-communication'],
  [/Leadership speaks with one voice about strategy/g, 'Our leaders give consistent messages about strategy', 'one-voice'],
  [/I believe our strategy is the right one/g, 'We have the resources we need to deliver our priorities', 'resources-to-deliver'],
  [/Decisions made by the leadership team stay made/g, 'I have the data I need to make good decisions in my role', 'data-to-decide'],
];

const LAYOUTS: Array<[string, string]> = [
  ['google-forms.csv', 'utf8'],
  ['google-forms-semicolon.csv', 'utf8'],
  ['surveymonkey.csv', 'utf8'],
  ['qualtrics.csv', 'utf8'],
  ['microsoft-forms.csv', 'utf8'],
  ['microsoft-forms-windows1252.csv', 'win1252'],
  ['microsoft-forms-utf16le.txt', 'utf16le'],
  ['typeform.csv', 'utf8'],
  ['limesurvey-fulltext.csv', 'utf8'],
];

describe("a survey in the bank's wording is grouped by the bank, in every tool's layout", () => {
  for (const [file, encoding] of LAYOUTS) {
    it(file, async () => {
      const bytes = readFileSync(join(EXPORTS, file));
      let text = iconv.decode(bytes, encoding, { stripBOM: false }); // a BOM stays U+FEFF, so encode gives it back
      for (const [from, to] of REWRITE) {
        expect(from.test(text), `${file} holds ${from}`).toBe(true);
        text = text.replace(from, to);
      }
      const rewritten = iconv.encode(text, encoding);
      expect(rewritten.subarray(0, 2).equals(bytes.subarray(0, 2)), 'same first bytes (BOM)').toBe(true);
      const path = tmp.write(file, rewritten);
      const run = await runAlign(['audit', path, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const r = JSON.parse(run.stdout) as AuditResult;
      const bank = new Map(QUESTION_BANK.map((b) => [b.id, b]));
      expect(r.survey!.items.map((i) => i.bankId)).toEqual(REWRITE.map(([, , id]) => id));
      for (const item of r.survey!.items) {
        expect(item.dimension).toBe(bank.get(item.bankId!)!.dimension);
        expect(item.level).toBe(bank.get(item.bankId!)!.level);
      }
      expect(r.survey!.dimensions.map((d) => d.level)).toEqual(['strategic', 'decision', 'communication', 'communication', 'strategic', 'decision']);
    });
  }
});
