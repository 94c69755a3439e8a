/**
 * The built-in alignment question bank: the items practitioners use to
 * measure the three levels of alignment (../shared/DOMAIN.md), each with its
 * dimension and level, and the wordings it is recognised by. Data only: the
 * survey audit groups items into dimensions and levels by it when align.yml
 * has no `dimensions`, and `align init` writes its questions for the client.
 *
 * An item is recognised when its text's priority key (case, punctuation and
 * spacing aside) equals the key of the canonical text or of a variant.
 * Sources of the wording: DOMAIN.md's pulse questions; the Northwind fixture's
 * six statements (../shared/fixtures/exports/EXPECTED.md); common phrasings of
 * engagement-survey items (agree/disagree statements and yes/no questions).
 */

import type { AlignmentLevel } from './types.js';

export type { AlignmentLevel };

export interface BankItem {
  /** Stable id (for `align init` and baselines). */
  id: string;
  dimension: string;
  level: AlignmentLevel;
  /** The statement as align init writes it (answered on the 5-point agreement scale). */
  text: string;
  /** Other wordings of the same item. */
  variants: readonly string[];
  /**
   * The statement in French and German, as a consultant running align's questions in those
   * languages would put them (recognised like a variant, so a translated survey keeps its
   * dimensions and levels without align.yml). Other wordings in those languages need align.yml
   * `dimensions` or `levels`, as English ones the bank does not know.
   */
  translations: { readonly fr: string; readonly de: string };
}

/** Every wording an item is recognised by: its text, its variants and its translations. */
export function bankWordings(item: BankItem): string[] {
  return [item.text, ...item.variants, item.translations.fr, item.translations.de];
}

export const QUESTION_BANK: readonly BankItem[] = [
  {
    id: 'clarity-top-priorities',
    dimension: 'Clarity of priorities',
    level: 'strategic',
    text: "I can name the company's top three priorities for this quarter",
    variants: [
      'I can name the top three priorities of the company this quarter',
      'I can name our top three priorities for this quarter',
      "I know the company's top three priorities for this quarter",
      'Do you clearly understand the top three organisational priorities this quarter?',
      'Do you clearly understand the top three organizational priorities this quarter?',
      'I clearly understand the top three organisational priorities this quarter',
      'I clearly understand the top three organizational priorities this quarter',
      "I understand the company's priorities",
    ],
    translations: {
      fr: "Je peux citer les trois grandes priorit\u00e9s de l'entreprise pour ce trimestre",
      de: 'Ich kann die drei wichtigsten Priorit\u00e4ten des Unternehmens f\u00fcr dieses Quartal nennen',
    },
  },
  {
    id: 'belief-in-strategy',
    dimension: 'Belief in the strategy',
    level: 'strategic',
    text: 'I believe our strategy is the right one',
    variants: ['I believe in our strategy', 'I believe the strategy is the right one', 'Our strategy is the right one', 'I am confident in our strategy'],
    translations: {
      fr: 'Je crois que notre strat\u00e9gie est la bonne',
      de: 'Ich glaube, dass unsere Strategie die richtige ist',
    },
  },
  {
    id: 'resources-to-deliver',
    dimension: 'Resources to deliver',
    level: 'strategic',
    text: 'My team has the resources it needs to deliver our priorities',
    variants: [
      'We have the resources we need to deliver our priorities',
      'I have the resources I need to deliver on our priorities',
      'Our priorities are resourced well enough to deliver',
      'Do you have the resources you need to deliver the priorities?',
    ],
    translations: {
      fr: 'Mon \u00e9quipe dispose des ressources n\u00e9cessaires pour r\u00e9aliser nos priorit\u00e9s',
      de: 'Mein Team hat die Ressourcen, die es braucht, um unsere Priorit\u00e4ten umzusetzen',
    },
  },
  {
    id: 'change-communication',
    dimension: 'Communication of changes',
    level: 'communication',
    text: 'When priorities change, I hear about it clearly and in time',
    variants: [
      'When priorities change, do you receive clear and timely communication from leadership?',
      'When priorities change I receive clear and timely communication from leadership',
      'I receive clear and timely communication from leadership when priorities change',
      'Changes in priorities are communicated clearly and in time',
    ],
    translations: {
      fr: "Quand les priorit\u00e9s changent, j'en suis inform\u00e9 clairement et \u00e0 temps",
      de: 'Wenn sich Priorit\u00e4ten \u00e4ndern, erfahre ich davon klar und rechtzeitig',
    },
  },
  {
    id: 'one-voice',
    dimension: 'Leaders speak with one voice',
    level: 'communication',
    text: 'Leadership speaks with one voice about strategy',
    variants: [
      'The leadership team speaks with one voice about strategy',
      'Leaders speak with one voice about the strategy',
      'Our leaders give consistent messages about strategy',
      'I hear the same priorities from every member of the leadership team',
    ],
    translations: {
      fr: "La direction parle d'une seule voix sur la strat\u00e9gie",
      de: 'Die F\u00fchrung spricht mit einer Stimme \u00fcber die Strategie',
    },
  },
  {
    id: 'decision-ownership',
    dimension: 'Decision ownership',
    level: 'decision',
    text: 'I know who owns each critical decision in my area',
    variants: [
      'Do you know who owns each critical decision in your area?',
      'I know who makes the final call on the decisions that affect my work',
      'It is clear who owns each critical decision in my area',
      'Decision rights are clear in my area',
    ],
    translations: {
      fr: 'Je sais qui est responsable de chaque d\u00e9cision importante dans mon domaine',
      de: 'Ich wei\u00df, wer f\u00fcr jede wichtige Entscheidung in meinem Bereich zust\u00e4ndig ist',
    },
  },
  {
    id: 'decisions-stick',
    dimension: 'Decisions stay made',
    level: 'decision',
    text: 'Decisions made by the leadership team stay made',
    variants: [
      'Decisions by the leadership team stay made',
      'Once the leadership team makes a decision, it sticks',
      'Decisions are not reopened once they are made',
      'Leadership decisions stick',
    ],
    translations: {
      fr: "Les d\u00e9cisions prises par l'\u00e9quipe de direction ne sont pas remises en cause",
      de: 'Entscheidungen des F\u00fchrungsteams haben Bestand',
    },
  },
  {
    id: 'data-to-decide',
    dimension: 'Data to decide',
    level: 'decision',
    text: 'I have the data visibility I need to make good decisions in my role',
    variants: [
      'Do you have the data visibility you need to make good decisions in your role?',
      'I have the data I need to make good decisions in my role',
      'I have the information I need to make good decisions',
    ],
    translations: {
      fr: "J'ai acc\u00e8s aux donn\u00e9es dont j'ai besoin pour prendre de bonnes d\u00e9cisions dans mon r\u00f4le",
      de: 'Ich habe die Daten, die ich brauche, um in meiner Rolle gute Entscheidungen zu treffen',
    },
  },
];
