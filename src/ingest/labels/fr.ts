/**
 * French Likert labels.
 *
 * Sources (the tools' own French wording):
 * - Microsoft Forms, Likert question in a French UI: "Pas du tout d'accord, Pas d'accord, Neutre,
 *   D'accord, Tout à fait d'accord" [best knowledge of the product; not checked against a live export].
 * - SurveyMonkey (fr.surveymonkey.com/mp/2-tips-for-writing-agree-disagree-survey-questions):
 *   "Tout à fait d'accord, Plutôt d'accord, Ni d'accord, ni pas d'accord, Pas vraiment d'accord,
 *   Pas du tout d'accord"; its Likert page (fr.surveymonkey.com/mp/likert-scale-questions-and-mistakes-to-avoid)
 *   for frequency: "Toujours, Souvent, Parfois, Rarement, Jamais".
 * - Qualtrics' French choice library for 7-point agreement: "Pas du tout d'accord, Pas d'accord,
 *   Plutôt pas d'accord, Ni d'accord ni pas d'accord, Plutôt d'accord, D'accord, Tout à fait d'accord"
 *   [best knowledge; Qualtrics translates a survey's choices per project].
 * - Google Forms writes the labels its author typed; the usual French survey wording
 *   (blog.questio.fr/determiner-libelles-modalites-echelle: "Tout à fait d'accord / Plutôt d'accord /
 *   Ni d'accord ni pas d'accord / Plutôt pas d'accord / Pas du tout d'accord"; "Très satisfait …
 *   Très insatisfait", dragnsurvey.com/blog/les-modalites-de-reponse-dun-questionnaire).
 */
import type { LanguageLabels } from './types.js';

export const fr: LanguageLabels = {
  language: 'fr',
  name: 'French',
  missing: [
    'Ne sais pas',
    'Je ne sais pas',
    'NSP',
    'Sans opinion',
    'Non applicable',
    'Sans objet',
    'Ne se prononce pas',
    'Ne souhaite pas répondre',
    'Je préfère ne pas répondre',
    'Préfère ne pas répondre',
    'Pas concerné',
    'Non concerné',
  ],
  // French questionnaires write "Sans opinion" as the middle of a 5-point scale as often as beside it
  // (Tout à fait d'accord / D'accord / Sans opinion / Pas d'accord / Pas du tout d'accord)
  midpoint: ['Sans opinion'],
  scales: {
    agreement: [
      ["Pas du tout d'accord", 'Tout à fait en désaccord', 'Totalement en désaccord', 'Fortement en désaccord'],
      ["Pas d'accord", "Plutôt pas d'accord", "Pas vraiment d'accord", 'En désaccord'],
      ["Ni d'accord ni pas d'accord", "Ni d'accord, ni pas d'accord", 'Ni en accord ni en désaccord', 'Neutre'],
      ["D'accord", "Plutôt d'accord", 'En accord'],
      ["Tout à fait d'accord", "Totalement d'accord", "Entièrement d'accord", "Fortement d'accord"],
    ],
    'agreement-7': [
      ["Pas du tout d'accord", 'Tout à fait en désaccord', 'Totalement en désaccord', 'Fortement en désaccord'],
      ["Pas d'accord", 'En désaccord'],
      ["Plutôt pas d'accord", 'Légèrement en désaccord', 'Un peu en désaccord'],
      ["Ni d'accord ni pas d'accord", "Ni d'accord, ni pas d'accord", 'Ni en accord ni en désaccord', 'Neutre'],
      ["Plutôt d'accord", "Légèrement d'accord", "Un peu d'accord"],
      ["D'accord", 'En accord'],
      ["Tout à fait d'accord", "Totalement d'accord", "Entièrement d'accord", "Fortement d'accord"],
    ],
    frequency: [
      ['Jamais'],
      ['Rarement', 'Presque jamais'],
      ['Parfois', 'De temps en temps', 'Occasionnellement', 'Quelquefois'],
      ['Souvent', 'Fréquemment', 'Très souvent', 'La plupart du temps', 'Presque toujours'],
      ['Toujours'],
    ],
    extent: [
      ['Pas du tout', 'Aucunement'],
      ['Dans une faible mesure', 'Un peu', 'Légèrement'],
      ['Dans une certaine mesure', 'Moyennement', 'Modérément'],
      ['Dans une large mesure', 'Dans une grande mesure', 'Beaucoup'],
      ['Dans une très large mesure', 'Dans une très grande mesure', 'Complètement', 'Totalement', 'Entièrement'],
    ],
    satisfaction: [
      ['Très insatisfait', 'Très insatisfaite', 'Pas du tout satisfait', 'Pas du tout satisfaite'],
      ['Insatisfait', 'Insatisfaite', 'Plutôt insatisfait', 'Plutôt insatisfaite', 'Peu satisfait', 'Peu satisfaite'],
      ['Ni satisfait ni insatisfait', 'Ni satisfaite ni insatisfaite', 'Neutre'],
      ['Satisfait', 'Satisfaite', 'Plutôt satisfait', 'Plutôt satisfaite', 'Assez satisfait', 'Assez satisfaite'],
      ['Très satisfait', 'Très satisfaite', 'Tout à fait satisfait', 'Tout à fait satisfaite', 'Extrêmement satisfait'],
    ],
  },
};
