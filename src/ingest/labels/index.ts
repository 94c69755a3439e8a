/**
 * Every language's Likert label table, English first (the order scales are
 * tried in and labels are shown in). Read only by src/ingest/likert.ts.
 */
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import type { LanguageLabels } from './types.js';

export { AGREE_WORDS, DISAGREE_WORDS, NEUTRAL_WORDS } from './en.js';
export { LANGUAGES, type Language, type LanguageLabels } from './types.js';

export const LABEL_TABLES: readonly LanguageLabels[] = [en, fr, de, es, pt, it, nl];
