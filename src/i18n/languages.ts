/**
 * The languages a report can be written in, without the catalogue machinery,
 * so the flag parser and align.yml's schema can name them without loading it
 * (`align --help` stays fast).
 */
export const LANGUAGES = ['en', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Accepted as a language too, never listed: the pseudo-locale of the coverage test (every catalogue word in ⟦…⟧). */
export const PSEUDO = 'qps';
export type AnyLanguage = Language | typeof PSEUDO;

/** The reader's language, decided in one place: --lang, else align.yml's `language`, else English. */
export function readerLanguage(flag: AnyLanguage | undefined, config: { language?: Language }): AnyLanguage {
  return flag ?? config.language ?? 'en';
}

export function isLanguage(x: string): x is AnyLanguage {
  return (LANGUAGES as readonly string[]).includes(x) || x === PSEUDO;
}
