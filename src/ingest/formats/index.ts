/**
 * The format registry: every module that can read a file, and the choice
 * among them. Each module scores how sure it is that its tool wrote the file;
 * the highest score wins, ties going to the module listed first. generic
 * scores low (0.1) for anything, so it is the fallback.
 */
import type { Table, ToolFormat } from '../types.js';
import { GENERIC_SCORE, generic } from './generic.js';
import { googleForms } from './google-forms.js';
import { limeSurvey } from './limesurvey.js';
import { microsoftForms } from './microsoft-forms.js';
import { qualtrics } from './qualtrics.js';
import { surveyMonkey } from './surveymonkey.js';
import { typeform } from './typeform.js';
import type { Detection, FormatModule } from './types.js';

export const FORMATS: FormatModule[] = [
  // Survey tool modules first, in the order of FORMATS.md section 9's fingerprints; generic last.
  qualtrics,
  surveyMonkey,
  limeSurvey,
  microsoftForms,
  typeform,
  googleForms,
  generic,
];

export interface FormatChoice {
  module: FormatModule;
  detection: Detection;
  /** Every module's verdict, most likely first (align inspect prints them). */
  all: Array<{ format: ToolFormat; score: number; reason: string }>;
}

/**
 * `winnerOnly`: the caller reads the file and needs only the winning module
 * (readDataset), not every module's reason (align inspect). generic scores a
 * constant GENERIC_SCORE, but its reason costs a pass over every cell of the
 * file; it is then asked only when no tool module scores above it.
 */
export function detectFormat(table: Table, formats: readonly FormatModule[] = FORMATS, options: { winnerOnly?: boolean } = {}): FormatChoice {
  const ask = (module: FormatModule, order: number) => ({ module, order, detection: module.detect(table) });
  const later = options.winnerOnly === true ? generic : null;
  const verdicts = formats.flatMap((module, order) => (module === later ? [] : [ask(module, order)]));
  if (later && formats.includes(later) && verdicts.every((v) => v.detection.score <= GENERIC_SCORE)) {
    verdicts.push(ask(later, formats.indexOf(later)));
  }
  verdicts.sort((a, b) => b.detection.score - a.detection.score || a.order - b.order);
  const best = verdicts[0]!.detection.score > 0 ? verdicts[0]! : (verdicts.find((v) => v.module === generic) ?? verdicts[0]!);
  return {
    module: best.module,
    detection: best.detection,
    all: verdicts.map((v) => ({ format: v.module.format, score: v.detection.score, reason: v.detection.reason })),
  };
}
