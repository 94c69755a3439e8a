/**
 * English Likert labels: the wordings of Qualtrics' suggested choices, Microsoft
 * Forms' Likert question ("Strongly disagree … Strongly agree"), SurveyMonkey's
 * rating scales and the common survey literature (Vagias 2006, "Likert-type
 * scale response anchors", Clemson University). Moved here unchanged from
 * likert.ts so every language's table has one shape and one place.
 */
import type { LanguageLabels } from './types.js';

/** The words of agreement scales, by side, for the numbered 9- and 10-point scales (likert.ts numberedAgreement). */
export const DISAGREE_WORDS: readonly string[] = [
  'Completely disagree',
  'Totally disagree',
  'Strongly disagree',
  'Disagree strongly',
  'Mostly disagree',
  'Moderately disagree',
  'Disagree',
  'Somewhat disagree',
  'Slightly disagree',
  'Mildly disagree',
  'Tend to disagree',
];
export const NEUTRAL_WORDS: readonly string[] = ['Neither agree nor disagree', 'Neither agree or disagree', 'Neutral', 'Undecided', 'Neither'];
export const AGREE_WORDS: readonly string[] = [
  'Completely agree',
  'Totally agree',
  'Strongly agree',
  'Agree strongly',
  'Mostly agree',
  'Moderately agree',
  'Agree',
  'Somewhat agree',
  'Slightly agree',
  'Mildly agree',
  'Tend to agree',
];

export const en: LanguageLabels = {
  language: 'en',
  name: 'English',
  missing: [
    'N/A',
    'NA',
    'Not applicable',
    "Don't know",
    'Do not know',
    "Don't know / not applicable",
    'Prefer not to say',
    'Prefer not to answer',
    'Rather not say',
    'No opinion',
    'Not sure',
    'Unsure',
    "Can't say",
    'Cannot say',
    'Unfamiliar (N/A)',
  ],
  scales: {
    agreement: [
      ['Strongly disagree', 'Disagree strongly', 'Completely disagree'],
      ['Disagree', 'Tend to disagree'],
      ['Neither agree nor disagree', 'Neither agree or disagree', 'Neutral', 'Undecided', 'Neither'],
      ['Agree', 'Tend to agree'],
      ['Strongly agree', 'Agree strongly', 'Completely agree'],
    ],
    'agreement-7': [
      ['Strongly disagree', 'Disagree strongly', 'Completely disagree'],
      ['Disagree', 'Moderately disagree', 'Mostly disagree'],
      ['Somewhat disagree', 'Slightly disagree', 'Mildly disagree'],
      ['Neither agree nor disagree', 'Neither agree or disagree', 'Neutral', 'Undecided'],
      ['Somewhat agree', 'Slightly agree', 'Mildly agree'],
      ['Agree', 'Moderately agree', 'Mostly agree'],
      ['Strongly agree', 'Agree strongly', 'Completely agree'],
    ],
    frequency: [
      ['Never'],
      ['Rarely', 'Seldom', 'Almost never'],
      ['Sometimes', 'Occasionally'],
      ['Often', 'Usually', 'Frequently', 'Very often', 'Most of the time', 'Almost always'],
      ['Always'],
    ],
    extent: [
      ['Not at all', 'To no extent'],
      ['To a small extent', 'To a little extent', 'To a slight extent', 'Slightly'],
      ['To some extent', 'To a moderate extent', 'Moderately', 'Somewhat'],
      ['To a large extent', 'To a great extent', 'To a considerable extent', 'Considerably'],
      ['To a very large extent', 'To a very great extent', 'Completely', 'Fully'],
    ],
    satisfaction: [
      ['Very dissatisfied', 'Extremely dissatisfied'],
      ['Dissatisfied', 'Somewhat dissatisfied'],
      ['Neither satisfied nor dissatisfied', 'Neither satisfied or dissatisfied', 'Neutral'],
      ['Satisfied', 'Somewhat satisfied'],
      ['Very satisfied', 'Extremely satisfied'],
    ],
    // Importance, top label "Very important" (Vagias 2006's "level of importance" with "Important" at 4).
    importance: [
      ['Not at all important', 'Not important at all', 'Not important', 'Unimportant', 'Very unimportant'],
      ['Slightly important', 'Of little importance', 'Low importance', 'Not very important', 'Somewhat unimportant'],
      ['Moderately important', 'Somewhat important', 'Fairly important', 'Neither important nor unimportant', 'Neutral'],
      ['Important', 'Quite important'],
      ['Very important', 'Of great importance', 'High importance'],
    ],
    // The same with "Extremely important" on top and "Very important" at 4 (Vagias 2006, Qualtrics' importance scale).
    'importance-extremely': [
      ['Not at all important', 'Not important at all', 'Not important', 'Unimportant'],
      ['Slightly important', 'Of little importance', 'Low importance', 'Not very important'],
      ['Moderately important', 'Somewhat important', 'Fairly important'],
      ['Very important'],
      ['Extremely important', 'Critically important', 'Absolutely essential'],
    ],
    // Three points in the respondent's own words: "Critical to me / Somewhat useful / Not relevant for me".
    'importance-3': [
      ['Not relevant for me', 'Not relevant to me', 'Not relevant', 'Not useful', 'Not needed'],
      ['Somewhat useful', 'Useful', 'Nice to have', 'Somewhat relevant', 'Somewhat relevant to me'],
      ['Critical to me', 'Critical for me', 'Critical', 'Essential', 'Essential to me', 'Must have', 'Very relevant'],
    ],
    // How much: "A lot / Some / Not much / Not at all" (and Pew's "A great deal / A fair amount / Not too much / Not at all").
    amount: [
      ['Not at all', 'None', 'None at all', 'Nothing'],
      ['Not much', 'Not too much', 'A little', 'Very little', 'Only a little'],
      ['Some', 'A fair amount', 'A moderate amount', 'Quite a bit'],
      ['A lot', 'A great deal', 'Very much'],
    ],
    // SurveyMonkey's favourability matrix (FiveThirtyEight's Star Wars survey).
    favourability: [
      ['Very unfavorably', 'Very unfavourably', 'Very unfavorable', 'Very unfavourable'],
      ['Somewhat unfavorably', 'Somewhat unfavourably', 'Somewhat unfavorable', 'Somewhat unfavourable', 'Unfavorable', 'Unfavourable'],
      [
        'Neither favorably nor unfavorably (neutral)',
        'Neither favourably nor unfavourably (neutral)',
        'Neither favorably nor unfavorably',
        'Neither favourably nor unfavourably',
        'Neither favorable nor unfavorable',
        'Neither favourable nor unfavourable',
        'Neutral',
      ],
      ['Somewhat favorably', 'Somewhat favourably', 'Somewhat favorable', 'Somewhat favourable', 'Favorable', 'Favourable'],
      ['Very favorably', 'Very favourably', 'Very favorable', 'Very favourable'],
    ],
  },
};
