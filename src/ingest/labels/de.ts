/**
 * German Likert labels.
 *
 * Sources (the tools' own German wording):
 * - Microsoft Forms, Likert question in a German UI: "Stimme überhaupt nicht zu, Stimme nicht zu,
 *   Neutral, Stimme zu, Stimme voll und ganz zu" [best knowledge of the product; the same five
 *   appear as "häufige Optionen" in onebyonesoft.com/de/creating-likert-scales-in-microsoft-word-guide].
 * - SurveyMonkey (de.surveymonkey.com/mp/2-tips-for-writing-agree-disagree-survey-questions):
 *   "Stimme völlig zu, Stimme eher zu, Stimme weder zu noch nicht zu, Stimme eher nicht zu,
 *   Stimme überhaupt nicht zu"; frequency (de.surveymonkey.com/mp/likert-scale-questions-and-mistakes-to-avoid):
 *   "immer, häufig, manchmal, selten, nie".
 * - Qualtrics' German 7-point agreement: "Stimme überhaupt nicht zu, Stimme nicht zu, Stimme eher
 *   nicht zu, Weder noch, Stimme eher zu, Stimme zu, Stimme voll und ganz zu" [best knowledge].
 * - The "trifft zu" scale of German employee surveys ("Trifft überhaupt nicht zu … Trifft voll und
 *   ganz zu", "teils, teils" in the middle), an agreement scale by another name.
 * "Weiß nicht" and "Weiss nicht" (Swiss spelling) are one label: likert.ts folds ß to ss.
 */
import type { LanguageLabels } from './types.js';

export const de: LanguageLabels = {
  language: 'de',
  name: 'German',
  missing: [
    'Weiß nicht',
    'Ich weiß nicht',
    'Keine Angabe',
    'k. A.',
    'Keine Meinung',
    'Nicht zutreffend',
    'Entfällt',
    'Kann ich nicht beurteilen',
    'Kann ich nicht sagen',
    'Möchte ich nicht sagen',
    'Möchte ich nicht beantworten',
  ],
  scales: {
    agreement: [
      ['Stimme überhaupt nicht zu', 'Stimme gar nicht zu', 'Trifft überhaupt nicht zu', 'Trifft gar nicht zu'],
      ['Stimme nicht zu', 'Stimme eher nicht zu', 'Trifft nicht zu', 'Trifft eher nicht zu'],
      ['Stimme weder zu noch nicht zu', 'Weder noch', 'Weder Zustimmung noch Ablehnung', 'Neutral', 'Teils, teils', 'Teils/teils', 'Unentschieden'],
      ['Stimme zu', 'Stimme eher zu', 'Trifft zu', 'Trifft eher zu'],
      [
        'Stimme voll und ganz zu',
        'Stimme völlig zu',
        'Stimme voll zu',
        'Stimme vollkommen zu',
        'Trifft voll und ganz zu',
        'Trifft völlig zu',
        'Trifft voll zu',
      ],
    ],
    'agreement-7': [
      ['Stimme überhaupt nicht zu', 'Stimme gar nicht zu', 'Trifft überhaupt nicht zu', 'Trifft gar nicht zu'],
      ['Stimme nicht zu', 'Trifft nicht zu'],
      ['Stimme eher nicht zu', 'Trifft eher nicht zu'],
      ['Stimme weder zu noch nicht zu', 'Weder noch', 'Weder Zustimmung noch Ablehnung', 'Neutral', 'Teils, teils', 'Teils/teils', 'Unentschieden'],
      ['Stimme eher zu', 'Trifft eher zu'],
      ['Stimme zu', 'Trifft zu'],
      [
        'Stimme voll und ganz zu',
        'Stimme völlig zu',
        'Stimme voll zu',
        'Stimme vollkommen zu',
        'Trifft voll und ganz zu',
        'Trifft völlig zu',
        'Trifft voll zu',
      ],
    ],
    frequency: [['Nie', 'Niemals'], ['Selten', 'Fast nie'], ['Manchmal', 'Gelegentlich'], ['Oft', 'Häufig', 'Sehr oft', 'Meistens', 'Fast immer'], ['Immer']],
    extent: [
      ['Überhaupt nicht', 'Gar nicht'],
      ['In geringem Maße', 'Ein wenig', 'Kaum'],
      ['In gewissem Maße', 'Teilweise', 'Einigermaßen', 'Mittelmäßig'],
      ['In hohem Maße', 'In großem Maße', 'Weitgehend', 'Stark'],
      ['In sehr hohem Maße', 'In sehr großem Maße', 'Vollständig', 'Völlig', 'Voll und ganz'],
    ],
    satisfaction: [
      ['Sehr unzufrieden', 'Äußerst unzufrieden', 'Völlig unzufrieden'],
      ['Unzufrieden', 'Eher unzufrieden'],
      ['Weder zufrieden noch unzufrieden', 'Neutral', 'Teils, teils'],
      ['Zufrieden', 'Eher zufrieden'],
      ['Sehr zufrieden', 'Äußerst zufrieden', 'Völlig zufrieden'],
    ],
  },
};
