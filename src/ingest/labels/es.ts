/**
 * Spanish Likert labels.
 *
 * Sources (the tools' own Spanish wording):
 * - Microsoft Forms, Likert question in a Spanish UI: "Totalmente en desacuerdo, En desacuerdo,
 *   Neutral, De acuerdo, Totalmente de acuerdo" [best knowledge of the product].
 * - Qualtrics' Spanish 7-point agreement: "Totalmente en desacuerdo, En desacuerdo, Algo en
 *   desacuerdo, Ni de acuerdo ni en desacuerdo, Algo de acuerdo, De acuerdo, Totalmente de acuerdo";
 *   "Muy de acuerdo / Muy en desacuerdo" at the ends in other projects [best knowledge].
 * - SurveyMonkey's Spanish frequency wording "Siempre, Frecuentemente, A veces, Rara vez, Nunca"
 *   (es.surveymonkey.com Likert pages) [best knowledge].
 * - The CIS (Centro de Investigaciones Sociológicas) convention "NS/NC" (no sabe / no contesta) for no answer.
 */
import type { LanguageLabels } from './types.js';

export const es: LanguageLabels = {
  language: 'es',
  name: 'Spanish',
  missing: [
    'No sé',
    'No lo sé',
    'No sabe',
    'NS/NC',
    'No sabe / no contesta',
    'N/C',
    'No aplica',
    'No procede',
    'Prefiero no responder',
    'Prefiero no contestar',
    'Sin opinión',
  ],
  scales: {
    agreement: [
      ['Totalmente en desacuerdo', 'Muy en desacuerdo', 'Completamente en desacuerdo', 'Fuertemente en desacuerdo'],
      ['En desacuerdo'],
      ['Ni de acuerdo ni en desacuerdo', 'Neutral', 'Neutro', 'Indiferente'],
      ['De acuerdo'],
      ['Totalmente de acuerdo', 'Muy de acuerdo', 'Completamente de acuerdo', 'Fuertemente de acuerdo'],
    ],
    'agreement-7': [
      ['Totalmente en desacuerdo', 'Muy en desacuerdo', 'Completamente en desacuerdo', 'Fuertemente en desacuerdo'],
      ['En desacuerdo'],
      ['Algo en desacuerdo', 'Un poco en desacuerdo', 'Ligeramente en desacuerdo', 'Parcialmente en desacuerdo'],
      ['Ni de acuerdo ni en desacuerdo', 'Neutral', 'Neutro', 'Indiferente'],
      ['Algo de acuerdo', 'Un poco de acuerdo', 'Ligeramente de acuerdo', 'Parcialmente de acuerdo'],
      ['De acuerdo'],
      ['Totalmente de acuerdo', 'Muy de acuerdo', 'Completamente de acuerdo', 'Fuertemente de acuerdo'],
    ],
    frequency: [
      ['Nunca'],
      ['Rara vez', 'Casi nunca', 'Raramente'],
      ['A veces', 'Algunas veces', 'Ocasionalmente'],
      ['Frecuentemente', 'A menudo', 'Con frecuencia', 'Muchas veces', 'Casi siempre', 'La mayoría de las veces'],
      ['Siempre'],
    ],
    extent: [
      ['En absoluto', 'Nada'],
      ['En pequeña medida', 'Un poco', 'Poco'],
      ['En cierta medida', 'Moderadamente', 'Algo'],
      ['En gran medida', 'Bastante', 'Mucho'],
      ['En muy gran medida', 'Totalmente', 'Completamente'],
    ],
    satisfaction: [
      ['Muy insatisfecho', 'Muy insatisfecha', 'Totalmente insatisfecho'],
      ['Insatisfecho', 'Insatisfecha', 'Algo insatisfecho', 'Poco satisfecho'],
      ['Ni satisfecho ni insatisfecho', 'Ni satisfecha ni insatisfecha', 'Neutral'],
      ['Satisfecho', 'Satisfecha', 'Algo satisfecho', 'Bastante satisfecho'],
      ['Muy satisfecho', 'Muy satisfecha', 'Totalmente satisfecho'],
    ],
  },
};
