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
  },
  {
    id: 'belief-in-strategy',
    dimension: 'Belief in the strategy',
    level: 'strategic',
    text: 'I believe our strategy is the right one',
    variants: ['I believe in our strategy', 'I believe the strategy is the right one', 'Our strategy is the right one', 'I am confident in our strategy'],
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
  },
];
