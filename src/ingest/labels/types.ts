/**
 * The shape of a language's Likert label table (one data module per language
 * in this folder, read by src/ingest/likert.ts and nothing else).
 *
 * Each scale is listed point by point, lowest first; each point holds the
 * label the survey tools write first, then other wordings of the same point.
 * Labels are compared by likert.ts's labelKey (case, accents, punctuation and
 * spacing aside), so `Tout à fait d'accord` need not be listed again as
 * `tout a fait d accord`. A wording that means different points on the 5- and
 * the 7-point agreement scales (`Plutôt d'accord`: 4 of 5, 5 of 7) is listed on
 * both: likert.ts reads a question on the scale that keeps its labels apart.
 */

/** The languages align reads Likert labels in (ISO 639-1), English first. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The scales every language gives (English gives more: see en.ts). */
type TranslatedScale = 'agreement' | 'agreement-7' | 'frequency' | 'extent' | 'satisfaction';

export interface LanguageLabels {
  language: Language;
  /** The language's English name, for messages. */
  name: string;
  /** Labels that mean "no answer" ("Ne sais pas", "Weiß nicht"): missing on every scale. */
  missing: readonly string[];
  /**
   * Labels of `missing` that surveys in this language also write as the middle
   * of a scale ("Sans opinion" between "Pas d'accord" and "D'accord"): read as
   * the middle point where a question has no other middle answer, with a note
   * (src/ingest/plan/scales.ts); no answer where it has one.
   */
  midpoint?: readonly string[];
  /** Scale name -> its points, lowest first, each the labels that mean it. */
  scales: Readonly<Record<TranslatedScale, ReadonlyArray<readonly string[]>>> & Readonly<Record<string, ReadonlyArray<readonly string[]>>>;
}
