/**
 * The files `align init <dir>` writes, as text (pure; src/cli/init.ts writes them):
 *
 *   align.yml               every key of the config (src/ingest/config.ts) with a comment; the defaults active
 *   survey-questions.txt    the built-in question bank (src/audit/question-bank.ts) and its answer scale,
 *                           ready to paste into Google Forms, Microsoft Forms, Qualtrics or SurveyMonkey
 *   stacks.csv              an empty stacks sheet (the header align collect writes)
 *   README.md               for the client team: the process, and the confidentiality rule
 *
 * The questions and the scale are the bank's own words, so a survey built from
 * this file is recognised by align audit without any config.
 */
import { QUESTION_BANK } from '../audit/question-bank.js';
import { DEFAULT_MIN_GROUP, MIN_GROUP_FLOOR } from '../defaults.js';
import { findScale } from '../ingest/likert.js';
import { blankSheet } from './sheet.js';

/** The agreement scale's labels, lowest first: the answer options of every bank item. */
export function answerScale(): string[] {
  const scale = findScale('agreement');
  if (!scale) throw new Error('scaffold requires the built-in agreement scale');
  const seen = new Set<number>();
  const labels: string[] = [];
  for (const { label, value } of scale.shown) {
    if (seen.has(value)) continue;
    seen.add(value);
    labels.push(label);
  }
  return labels;
}

/** The respondent questions every survey needs, with the answer that marks a leader. */
export const NAME_QUESTION = 'Name';
export const EMAIL_QUESTION = 'Email';
export const ROLE_QUESTION = 'Role';
export const DEPARTMENT_QUESTION = 'Department';

export function alignYml(): string {
  return `# align.yml: settings for align audit, align stack and align diff in this folder.
# Every key is optional: align reads exports as they come and says when it needs
# one of these. Lines starting with # are comments; remove the # to use a key.
# align inspect <export.csv> --write-config writes the column roles for a real export.

# Report title, and the client and facilitator on the cover.
# title: Leadership alignment audit
# client: Fernhill Health
# facilitator: Sam Lee
# The report's date (YYYY-MM-DD); without it the report carries no date, so the same input gives the same report.
# date: 2026-10-14
# A PNG, JPEG or SVG logo (at most 1 MB) for the HTML cover, relative to this file.
# logo: logo.svg

# The languages the survey was answered in (en, fr, de, es, pt, it, nl): only their Likert labels are
# read, and a question may mix them. Unset: every language is read, and a question mixing two stops.
# languages: [en, fr]
# Day and month order of slashed submit times (03/04/2025) when the export does not show it: dmy or mdy.
# dateOrder: dmy
# The language the reports and terminal views are written in: en, fr or de (--lang wins).
# language: fr

# Role values that make a respondent a leader (the whole cell, case aside).
leaders:
  - Executive

# Anonymity threshold: a group smaller than this is never shown, anywhere (at least ${MIN_GROUP_FLOOR}).
minGroup: ${DEFAULT_MIN_GROUP}
# Comments are shown only for groups of at least this many respondents (default 10, never below minGroup).
# commentMinGroup: 10

# The ranking question's text as it heads its columns, when an export holds two.
# rankingQuestion: Rank these priorities

# Column header (as written in the export, or a Qualtrics/LimeSurvey code) -> its role:
# id, name, email, role, department, submitted, likert, ranking, comment, ownership,
# recall, multiselect, metadata or ignore. A likert column may name its item and scale,
# a ranking column the priority it ranks.
# columns:
#   Q3: department
#   Q4_1: { role: likert, item: "Leadership speaks with one voice about strategy", scale: agreement }
#   Rank - Grow revenue: { role: ranking, priority: Grow revenue }

# Answer scales align does not know: label -> number; labels under missing count as no answer.
# scales:
#   pulse:
#     labels: { Never: 1, Sometimes: 2, Often: 3, Always: 4 }
#     missing: [Don't know]

# Code books for coded exports: column header or question code -> code -> label.
# codebooks:
#   Q5: { "1": Sales, "2": Operations, "3": Finance }

# Dimensions: name -> the item texts (or column headers) in it. Without it, the
# question bank's dimensions group the items it recognises.
# dimensions:
#   Clarity: ["I can name the company's top three priorities for this quarter"]

# The level of alignment (strategic, communication, decision) of items the bank does not recognise.
# levels:
#   communication: ["My manager explains why priorities change"]

# Reverse-keyed items (text or header): agreeing is unfavourable, so answers are reversed before scoring.
# reverse: ["Priorities change too often to keep up"]

# Priority name aliases: spelling -> the priority it means.
# priorities:
#   aliases: { Revenue: Grow revenue, "Cost cutting": Cut costs }

# The priorities the leadership has announced: strategy recall is scored against them (never changes N).
# official: [Grow revenue, Cut costs, Hire well]

# Decision ownership: contested when two or more owners are each named by at least this share (above 0, at most 0.5).
# ownership:
#   contestedShare: 0.25

# Data quality: flagged respondents are always noted; the kinds listed here are also excluded
# (straight-lining, incomplete, speeders).
# quality:
#   exclude: [speeders]

# Departments renamed since a baseline audit (align diff, --baseline): old name -> new name.
# renamed:
#   Customer Success: Customer Experience
`;
}

export function surveyQuestions(): string {
  const scale = answerScale();
  const items = QUESTION_BANK.map((item) => item.text);
  const numbered = QUESTION_BANK.map((item, i) => `${i + 1}. ${item.text}`);
  return `ALIGNMENT SURVEY: questions to paste into your survey tool
==========================================================

Keep the wording exactly as written: align recognises these statements and
their answers without any configuration. Add the respondent questions, then
one grid (matrix / Likert) question holding the statements, all answered on the
same five-point scale.

RESPONDENT QUESTIONS (single choice or short text)
--------------------------------------------------
${NAME_QUESTION}
  Short text. Leaders (required): the name they give for their priority stack,
  so align joins each leader's stack to their answers. Everyone else: optional
  (answers are reported only for groups, never by name).
${EMAIL_QUESTION}
  Short text, optional: joins a stack to its leader when two names are alike.
${ROLE_QUESTION}
  Leaders answer: Executive
  Everyone else: their level (e.g. Manager, Individual contributor)
${DEPARTMENT_QUESTION}
  The list of departments (e.g. Sales, Operations, Finance)

STATEMENTS (one a line: paste as the rows of the grid)
------------------------------------------------------
${items.join('\n')}

ANSWER SCALE (one a line: paste as the columns of the grid)
-----------------------------------------------------------
${scale.join('\n')}

HOW TO PASTE
------------
Google Forms: add a "Multiple choice grid" question titled "How much do you
  agree with each statement?". Click the first Rows entry and paste the
  statements (each line becomes a row); click the first Columns entry and
  paste the answer scale. Turn on "Require a response in each row".
Microsoft Forms: add a "Likert" question. Paste the statements into the first
  Statement box and the scale into the first Option box (each line becomes one).
Qualtrics: add a "Matrix table" question (Likert, single answer). Paste the
  statements as its statements and the scale as its scale points. When you
  export the responses, choose "Use choice text" so the answers are the labels.
SurveyMonkey: add a "Matrix / Rating Scale" question. Paste the statements
  into the rows (the bulk answer editor takes one a line), then enter the five
  columns of the answer scale in order.

Then export the responses as CSV (or Excel) and run, with the leaders' stacks:
  align audit responses.csv --rankings stacks.csv --config align.yml -o report.md

THE STATEMENTS, NUMBERED (for the facilitator's notes)
------------------------------------------------------
${numbered.join('\n')}
`;
}

export function clientReadme(): string {
  return `# Leadership alignment: how this engagement works

This folder holds what the engagement needs: the survey questions, the sheet
for the leaders' priority stacks, and the settings the analysis reads.

| file | what it is |
|---|---|
| \`survey-questions.txt\` | the survey, ready to paste into Google Forms, Microsoft Forms, Qualtrics or SurveyMonkey |
| \`stacks.csv\` | the leaders' priority stacks, one row per leader and priority (empty until the workshop) |
| \`align.yml\` | the analysis settings; every setting is explained inside |

## The process
1. **Priorities.** The leadership team agrees the list of organisational priorities to rank (five to ten).
2. **Priority stacks.** Each leader ranks the priorities privately, most important first. In a workshop the
   facilitator runs \`align collect stacks.csv\` and each leader ranks at the keyboard in turn; without a
   laptop in the room, each leader fills in rows of \`stacks.csv\` (columns \`respondent, role, department,
   submitted, priority, rank\`; role \`Executive\` for a leader; rank 1 is the most important; a priority left
   unranked has an empty rank).
3. **Survey.** Everyone (leaders and their teams) answers the survey. Each answers for themselves.
4. **Reveal.** The team sees the stacks side by side (\`align stack stacks.csv --reveal\`): where the leaders
   agree, who diverges, which priorities are contested.
5. **Report.** The facilitator runs \`align audit responses.csv --rankings stacks.csv --config align.yml\` (the
   survey export, and the stacks joined to the leaders by the name they gave in both), and the team discusses
   the findings in order: the facts, what they mean, what the team will do.

## Confidentiality
- **Leaders' stacks are shown by name**: comparing them is the exercise, and the leaders know it in advance.
  (The reveal can show them as A, B, C instead.)
- **Everyone else's answers are confidential.** They are reported only in aggregate, for groups of at least
  ${DEFAULT_MIN_GROUP} people (align.yml \`minGroup\`). A smaller group is hidden everywhere: no table, chart, comment
  or note shows it, and no hidden group can be worked out from the groups shown. Written comments appear only
  for groups of at least 10.
- Nobody outside the facilitator sees the raw export. Keep it out of shared folders and delete it when the
  engagement ends.
`;
}

/** Every file align init writes, by name. */
export function scaffoldFiles(): Array<{ name: string; text: string }> {
  return [
    { name: 'align.yml', text: alignYml() },
    { name: 'survey-questions.txt', text: surveyQuestions() },
    { name: 'stacks.csv', text: blankSheet() },
    { name: 'README.md', text: clientReadme() },
  ];
}
