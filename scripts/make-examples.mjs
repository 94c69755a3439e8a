#!/usr/bin/env node
// Writes examples/fernhill-stacks.csv: a fictional leadership team (7 leaders,
// 8 priorities, two partial stacks) and 27 of their managers, each manager's
// stack their own leader's with a few seeded adjacent swaps. Then the same
// company's whole alignment survey as SurveyMonkey exports it
// (examples/fernhill-survey.csv, 60 respondents) and the align.yml it is
// audited with (examples/align.yml). Then the second audit a quarter later
// (examples/fernhill-survey-q2.csv, examples/align-q2.yml) and the ground truth of
// what changed between the two (examples/fernhill-survey-q2.changes.json), for
// `align diff` and `--baseline`. Deterministic: running it twice gives the same
// bytes. `npm run examples` regenerates them.
import { writeFileSync } from 'node:fs';

const PRIORITIES = {
  NHS: 'Win NHS contracts',
  APP: 'Launch the patient app',
  BREAK: 'Reach break-even',
  SAFE: 'Improve clinical safety',
  DATA: 'Modernise the data platform',
  TURN: 'Reduce clinician turnover',
  IRL: 'Expand to Ireland',
  DIAG: 'Cut time to diagnosis',
};

// name, title, department, stack (best first; a shorter list is a top-k stack)
const LEADERS = [
  ['Imogen Clarke', 'CEO', 'Executive Office', ['APP', 'NHS', 'DIAG', 'BREAK', 'SAFE', 'DATA', 'TURN', 'IRL']],
  ['Devon Achterberg', 'CFO', 'Finance', ['BREAK', 'NHS', 'APP', 'DATA', 'DIAG']],
  ['Mei-Lin Zhou', 'COO', 'Operations', ['DATA', 'APP', 'BREAK', 'DIAG', 'SAFE', 'NHS', 'TURN', 'IRL']],
  ['Rafael Duarte', 'CTO', 'Technology', ['APP', 'DATA', 'DIAG', 'NHS', 'SAFE', 'BREAK', 'TURN', 'IRL']],
  ['Hannah Okafor', 'Chief Commercial Officer', 'Commercial', ['NHS', 'IRL', 'APP', 'BREAK', 'DIAG', 'DATA', 'SAFE', 'TURN']],
  ['Amara Nwosu', 'Chief Medical Officer', 'Clinical', ['SAFE', 'TURN', 'DIAG', 'APP', 'NHS', 'DATA', 'BREAK', 'IRL']],
  ['Sven Lindqvist', 'Chief People Officer', 'People', ['TURN', 'SAFE', 'APP', 'NHS', 'DIAG', 'BREAK']],
];

const MANAGERS = {
  Commercial: ['Olivia Grant', 'Kenji Watanabe', 'Priya Shah', 'Liam Byrne', 'Chiara Romano', 'Tunde Bakare'],
  Technology: ['Nora Eriksen', 'Arjun Mehta', 'Sophie Laurent', 'Daniel Kim', 'Zainab Yusuf', 'Mateo García'],
  Operations: ['Grace Whitfield', 'Hamza Qureshi', 'Elena Petrova', 'Tom Gallagher', 'Aiyana Redcloud'],
  Clinical: ['Dr Ruth Adeyemi', 'Dr Felix Braun', 'Dr Leah Cohen', 'Dr Omar Farouk', 'Dr Ines Moreau'],
  Finance: ['Carlos Mendes', 'Bea Novak', 'Yusuf Demir'],
  People: ['Maeve Doyle', 'Jonas Weber'],
};

// mulberry32: a small seeded PRNG, so the file is the same on every machine
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20251121);

function fullStack(stack) {
  const missing = Object.keys(PRIORITIES).filter((p) => !stack.includes(p));
  // a manager completes a leader's top-k with the rest in a seeded order
  for (let i = missing.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [missing[i], missing[j]] = [missing[j], missing[i]];
  }
  return [...stack, ...missing];
}

function jiggle(stack, swaps) {
  const s = [...stack];
  for (let k = 0; k < swaps; k++) {
    const i = Math.floor(random() * (s.length - 1));
    [s[i], s[i + 1]] = [s[i + 1], s[i]];
  }
  return s;
}

const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const rows = [['respondent', 'name', 'role', 'department', 'priority', 'rank']];
let id = 0;
const emit = (name, role, department, stack) => {
  id++;
  const rid = `FH${String(id).padStart(2, '0')}`;
  stack.forEach((code, i) => {
    rows.push([rid, name, role, department, PRIORITIES[code], String(i + 1)]);
  });
};
const managerStacks = new Map();
for (const [name, , department, stack] of LEADERS) emit(name, 'Executive', department, stack);
for (const [department, names] of Object.entries(MANAGERS)) {
  const leader = LEADERS.find((l) => l[2] === department);
  for (const name of names) {
    let stack = jiggle(fullStack(leader[3]), 1 + Math.floor(random() * 3));
    managerStacks.set(name, stack); // the whole order, before any cut: the survey below asks for all eight
    if (random() < 0.2) stack = stack.slice(0, 5); // some managers rank only their top five
    emit(name, 'Manager', department, stack);
  }
}
writeFileSync(new URL('../examples/fernhill-stacks.csv', import.meta.url), rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
console.log(`examples/fernhill-stacks.csv: ${id} respondents, ${rows.length - 1} rows`);

// ---------------------------------------------------------------------------
// examples/fernhill-survey.csv: the same company's full alignment survey as
// SurveyMonkey exports it (All individual responses, Expanded, Actual answer
// text; shared/fixtures/exports/FORMATS.md section 2): two header rows, the
// nine metadata columns, then the questions; rows newest first, CRLF between
// records. Its own seeded stream, so the stacks file above keeps its bytes.
// Plus examples/align.yml, the config the survey is audited with.

const survey = rng(20261012);
const pick = (list) => list[Math.floor(survey() * list.length)];
const chance = (p) => survey() < p;
const between = (lo, hi) => lo + survey() * (hi - lo);
function shuffled(list) {
  const s = [...list];
  for (let i = s.length - 1; i > 0; i--) {
    const j = Math.floor(survey() * (i + 1));
    [s[i], s[j]] = [s[j], s[i]];
  }
  return s;
}
function weighted(table) {
  const total = Object.values(table).reduce((a, b) => a + b, 0);
  let r = survey() * total;
  for (const [k, w] of Object.entries(table)) {
    r -= w;
    if (r < 0) return k;
  }
  return Object.keys(table).at(-1);
}

// The survey reaches further than the workshop did: the managers above plus
// team members. People stays at three (two managers and one team member), so
// its group is suppressed at align's default threshold of 5.
const TEAM_MEMBERS = {
  Commercial: ['Ruby Sinclair', 'Callum Reid', 'Aoife Brennan', 'Marco Bianchi'],
  Technology: ['Ewan Fraser', 'Lena Hoffmann', 'Samir Haddad', 'Keira Walsh'],
  Operations: ['Niamh Kelly', 'Jacob Turner', 'Fatou Diallo', 'Oscar Lindgren', 'Megan Price'],
  Clinical: ['Siobhán Murphy', 'Kwabena Owusu', 'Hannah Frost', 'Rosa Jiménez', 'Ben Okoro', 'Isla MacLeod', 'Wei Chen', 'Amélie Girard'],
  Finance: ['Harriet Cole', 'Raj Patel', 'Julia Kowalski', "Finn O'Brien"],
  People: ['Lucy Hart'],
};

// The agreement grid, in the survey's order: the question bank's eight items
// (src/audit/question-bank.ts), three of them in a listed variant wording.
const ITEMS = [
  ['clarity', "I can name the company's top three priorities for this quarter"],
  ['ownership', 'I know who owns each critical decision in my area'],
  ['change', 'When priorities change, I hear about it clearly and in time'],
  ['voice', 'The leadership team speaks with one voice about strategy'], // variant of 'Leadership speaks with one voice about strategy'
  ['belief', 'I believe our strategy is the right one'],
  ['stick', 'Once the leadership team makes a decision, it sticks'], // variant of 'Decisions made by the leadership team stay made'
  ['resources', 'My team has the resources it needs to deliver our priorities'],
  ['data', 'I have the data I need to make good decisions in my role'], // variant of the data-visibility item
];
const SCALE = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

// Mean answer (1-5) each group tends towards, item by item in ITEMS order. Leaders
// see a clear, united team; Clinical sees neither clarity nor decisions that hold.
const TENDENCY = {
  leaders: [4.6, 4.2, 4.0, 4.4, 4.5, 3.9, 3.5, 3.7],
  Clinical: [2.0, 2.3, 2.2, 2.1, 3.3, 1.7, 2.3, 2.6],
  Operations: [2.9, 2.8, 2.6, 2.4, 3.4, 2.5, 2.6, 2.3],
  Finance: [3.8, 3.4, 3.0, 2.7, 3.6, 3.0, 3.2, 3.6],
  other: [3.3, 3.2, 3.0, 2.6, 3.7, 3.0, 3.0, 3.2],
};
const answerNear = (mean) => {
  const noise = (survey() + survey() + survey() - 1.5) * 1.4;
  return Math.min(5, Math.max(1, Math.round(mean + noise)));
};

const RANKING_QUESTION = 'Rank these priorities for the next 12 months (1 = most important)';
const PRIORITY_CODES = Object.keys(PRIORITIES);

// Who owns what: each decision's options are the leaders' titles and "Nobody / not sure".
const NOBODY = 'Nobody / not sure';
const TITLES = LEADERS.map((l) => l[1]);
const DECISIONS = [
  {
    question: 'Who makes the final call on pricing for NHS tenders?',
    // contested: Finance says the CFO, Commercial its own chief, the rest split between the two
    odds: (dept) =>
      dept === 'Finance'
        ? { CFO: 0.75, 'Chief Commercial Officer': 0.15, [NOBODY]: 0.1 }
        : dept === 'Commercial'
          ? { 'Chief Commercial Officer': 0.75, CFO: 0.15, [NOBODY]: 0.1 }
          : { CFO: 0.38, 'Chief Commercial Officer': 0.38, CEO: 0.1, [NOBODY]: 0.14 },
    leaders: { CFO: 'CFO', 'Chief Commercial Officer': 'Chief Commercial Officer' },
  },
  {
    question: "Who owns the decision to change the patient app's release date?",
    // orphaned: most people do not know, and the CEO and CTO each name the other
    odds: () => ({ [NOBODY]: 0.62, CTO: 0.17, CEO: 0.1, COO: 0.06, 'Chief Medical Officer': 0.05 }),
    leaders: { CEO: 'CTO', CTO: 'CEO', COO: NOBODY },
  },
  {
    question: 'Who is accountable for clinical safety incidents?',
    // clear
    odds: () => ({ 'Chief Medical Officer': 0.86, COO: 0.07, [NOBODY]: 0.07 }),
    leaders: { 'Chief Medical Officer': 'Chief Medical Officer' },
  },
];

// Strategy recall: the official three, and the everyday spellings people write priorities in.
const OFFICIAL = ['APP', 'NHS', 'BREAK'];
const SPELLINGS = {
  NHS: ['NHS contracts', 'Win NHS contracts', 'winning NHS tenders', 'NHS deals', 'more NHS contracts'],
  APP: ['the patient app', 'Launch the patient app', 'patient app launch', 'get the app out', 'App launch'],
  BREAK: ['break even', 'Reach break-even', 'breakeven', 'profitability', 'hit break-even this year'],
  SAFE: ['clinical safety', 'patient safety', 'Improve clinical safety'],
  DATA: ['data platform', 'new data platform', 'Modernise the data platform', 'data migration'],
  TURN: ['clinician turnover', 'keep our clinicians', 'reduce turnover', 'staff retention'],
  IRL: ['Ireland', 'expand to Ireland', 'Irish expansion'],
  DIAG: ['time to diagnosis', 'faster diagnosis', 'cut diagnosis times'],
};
// How likely a team member is to name all three official priorities, by department.
const KNOWS = { Finance: 0.55, Commercial: 0.3, Technology: 0.3, Operations: 0.2, Clinical: 0.1, People: 0.3 };
const RECALL_QUESTION = "Name the company's top three priorities for this year";

const COMMENT_QUESTION = 'Anything else the leadership team should know?';
// [department or leader title, text]: who says it decides whose row it lands on.
const COMMENTS = [
  [
    'Clinical',
    'Every pathway change we agree gets reopened at the next leadership meeting. We have stopped acting on them until they have been reopened twice.',
  ],
  ['Clinical', 'The "patient app first" message has not reached the wards; we hear about it from patients.'],
  ['Clinical', 'Two things:\n1) nobody told us the app date moved\n2) night rotas are still short'],
  ['Clinical', 'We were told safety comes first, then the app deadline moved forward again. Which is it?'],
  ['Operations', 'The data platform migration keeps slipping and we are running two systems side by side.'],
  ['Operations', 'Who signs off on the app release? We asked three people and got three answers.'],
  ['Commercial', 'NHS tenders need a pricing decision in days, not weeks, and we never know whether Finance or Commercial has the final say.'],
  ['Technology', 'Please stop moving the app release date without telling engineering first.'],
  ['Technology', "Ireland keeps coming up at all-hands but it is on nobody's roadmap."],
  ['Finance', 'Break-even is the number we report on, but spending decisions do not seem to follow it.'],
  ['People', 'Clinician turnover is the risk nobody at the top is talking about.'],
  ['COO', 'We need one named owner for the app launch date before the next board.'],
];

// --- the respondents ---------------------------------------------------------
const people = [];
for (const [name, title, department, stack] of LEADERS) {
  // a leader who ranked only a top k completes the eight in a seeded order
  const rest = shuffled(PRIORITY_CODES.filter((p) => !stack.includes(p)));
  people.push({ name, role: 'Executive', title, department, stack: [...stack, ...rest], leader: true });
}
for (const [department, names] of Object.entries(MANAGERS)) {
  for (const name of names) people.push({ name, role: 'Manager', department, stack: managerStacks.get(name) });
}
for (const [department, names] of Object.entries(TEAM_MEMBERS)) {
  const leader = LEADERS.find((l) => l[2] === department);
  const own = people.find((p) => p.name === leader[0]).stack;
  for (const name of names) people.push({ name, role: 'Team member', department, stack: jiggleWith(own, 1 + Math.floor(survey() * 3)) });
}
function jiggleWith(stack, swaps) {
  const s = [...stack];
  for (let k = 0; k < swaps; k++) {
    const i = Math.floor(survey() * (s.length - 1));
    [s[i], s[i + 1]] = [s[i + 1], s[i]];
  }
  return s;
}

// The data-quality cases, each a different team member chosen by the seed.
const teamOf = (department) => people.filter((p) => p.department === department && !p.leader);
const speeders = [pick(teamOf('Commercial').filter((p) => p.role === 'Team member')), pick(teamOf('Operations').filter((p) => p.role === 'Team member'))];
const straightLiner = pick(teamOf('Technology').filter((p) => p.role === 'Team member'));
const partial = pick(teamOf('Clinical').filter((p) => p.role === 'Team member'));
for (const p of speeders) p.speeder = true;
straightLiner.straight = true;
partial.partial = true;

const spell = (code) => pick(SPELLINGS[code]);
for (const p of people) {
  const tendency = p.leader ? TENDENCY.leaders : (TENDENCY[p.department] ?? TENDENCY.other);
  p.likert = tendency.map((m) => answerNear(p.title === 'Chief Medical Officer' ? m - 0.6 : m));
  if (p.straight) p.likert = p.likert.map(() => 4);
  if (p.partial) p.likert = p.likert.map((v, i) => (i < 3 ? v : null));
  p.ownership = DECISIONS.map((d) => (p.partial ? '' : (d.leaders[p.title] ?? weighted(d.odds(p.department)))));
  // recall: the official three, or what their own corner of the company talks about
  if (p.partial) p.recall = null;
  else if (p.leader) p.knows = ['CEO', 'CFO', 'Chief Commercial Officer'].includes(p.title);
  else p.knows = chance(KNOWS[p.department]);
  if (p.partial) continue;
  let named;
  if (p.knows) named = shuffled(OFFICIAL);
  else {
    named = p.stack.slice(0, chance(0.25) ? 2 : 3);
    if (OFFICIAL.every((o) => named.includes(o))) named[named.length - 1] = p.stack.find((c) => !OFFICIAL.includes(c));
  }
  p.named = named;
  const sep = weighted({ ', ': 5, '; ': 2, '\n': 2 });
  p.recall = named.map(spell).join(sep);
}
// two people leave the recall question blank, one writes that they do not know
const recallers = shuffled(people.filter((p) => !p.partial && !p.leader && !p.knows));
for (const p of recallers.slice(0, 2)) {
  p.recall = '';
  p.named = [];
}
recallers[2].recall = 'Not sure, honestly';
recallers[2].named = [];

for (const [who, text] of COMMENTS) {
  const pool = people.filter((p) => (p.title === who || (!p.leader && p.department === who)) && !p.partial && !p.comment);
  pick(pool).comment = text;
}

// Times: a working week in October 2026, shown as SurveyMonkey writes them (the account's wall clock).
const WEEK = Date.UTC(2026, 9, 12); // Monday 12 October 2026
for (const p of people) {
  const day = Math.floor(survey() * 5);
  p.start = WEEK + day * 86400000 + Math.round(between(8 * 60, 17.5 * 60)) * 60000 + Math.floor(survey() * 60) * 1000;
  const minutes = p.speeder ? between(1.5, 2.6) : p.partial ? between(4, 5) : between(6, 15);
  p.seconds = Math.round(minutes * 60);
  p.end = p.start + p.seconds * 1000;
}
const byEnd = [...people].sort((a, b) => a.end - b.end);
let respondentId = 11804520000;
const ips = shuffled(Array.from({ length: 250 }, (_, i) => i + 3));
byEnd.forEach((p, i) => {
  respondentId += 60 + Math.floor(survey() * 180);
  p.id = String(respondentId);
  p.ip = `203.0.113.${ips[i]}`;
});

const pad = (n) => String(n).padStart(2, '0');
function smDate(ms) {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(h12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}
const ascii = (s) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z-]/g, '');
function contact(name) {
  const parts = name.replace(/^Dr /, '').split(' ');
  const first = parts[0];
  const last = parts.slice(1).join(' ');
  return { first, last, email: `${ascii(first)}.${ascii(last)}@fernhillhealth.example` };
}
// SurveyMonkey keeps question text as HTML: an apostrophe in a heading comes out as &apos;
const html = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;');

// --- the file ------------------------------------------------------------------
const META = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1'];
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A SurveyMonkey "All responses data" CSV of `people` (written in the order given): the two header
 * rows, then one row each. `items` are [key, statement] pairs, `codes` the ranking's priorities in
 * column order; `department` names a person's department as this file writes it.
 */
function surveyMonkeyCsv({ items, codes, names, people: rows, collector, department = (d) => d }) {
  const top = [...META, 'Your name', 'What is your role?', 'Which department do you work in?'];
  const second = [...META.map(() => ''), 'Open-Ended Response', 'Response', 'Response'];
  items.forEach(([, text], i) => {
    top.push(i === 0 ? 'How much do you agree with each statement?' : '');
    second.push(html(text));
  });
  codes.forEach((code, i) => {
    top.push(i === 0 ? RANKING_QUESTION : '');
    second.push(names[code]);
  });
  for (const d of DECISIONS) {
    top.push(html(d.question));
    second.push('Response');
  }
  top.push(html(RECALL_QUESTION), COMMENT_QUESTION);
  second.push('Open-Ended Response', 'Open-Ended Response');
  const records = [top, second];
  for (const p of rows) {
    const { first, last, email } = contact(p.name);
    records.push([
      p.id,
      collector,
      smDate(p.start),
      smDate(p.end),
      p.ip,
      email,
      first,
      last,
      '',
      p.name,
      p.role,
      department(p.department),
      ...p.likert.map((v) => (v === null ? '' : SCALE[v - 1])),
      ...codes.map((code) => (p.partial ? '' : String(p.stack.indexOf(code) + 1))),
      ...p.ownership,
      p.recall ?? '',
      p.comment ?? '',
    ]);
  }
  return `${records.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

writeFileSync(
  new URL('../examples/fernhill-survey.csv', import.meta.url),
  surveyMonkeyCsv({ items: ITEMS, codes: PRIORITY_CODES, names: PRIORITIES, people: [...byEnd].reverse(), collector: '452918337' }),
);

// --- the story, checked, so a change to the seed or the tendencies cannot quietly lose it ---
const share = (list, test) => list.filter(test).length / list.length;
const pct = (x) => `${Math.round(x * 100)}%`;
const leadersOnly = people.filter((p) => p.leader);
const team = people.filter((p) => !p.leader);
const favourable = (group, item) =>
  share(
    group.filter((p) => p.likert[item] !== null),
    (p) => p.likert[item] >= 4,
  );
const durations = people.map((p) => p.seconds).sort((a, b) => a - b);
const median = (durations[(durations.length - 1) >> 1] + durations[durations.length >> 1]) / 2;
const answeredRecall = people.filter((p) => p.recall !== null);
const recallShare = share(answeredRecall, (p) => p.knows);
const ownersOf = (d) => {
  const answers = people.map((p) => p.ownership[d]).filter((a) => a !== '');
  const counts = {};
  for (const a of answers) counts[a] = (counts[a] ?? 0) + 1;
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}/${answers.length}`)
    .join(', ');
};
const story = {
  respondents: people.length,
  departments: Object.fromEntries(
    [...new Set(people.map((p) => p.department))].map((d) => [
      d,
      `${people.filter((p) => p.department === d && p.leader).length} leader + ${teamOf(d).length}`,
    ]),
  ),
  clarityFavourable: `leaders ${pct(favourable(leadersOnly, 0))}, others ${pct(favourable(team, 0))}`,
  oneVoiceFavourable: `leaders ${pct(favourable(leadersOnly, 3))}, others ${pct(favourable(team, 3))}`,
  clinicalMeans: ITEMS.map(([key], i) => {
    const c = teamOf('Clinical').filter((p) => p.likert[i] !== null);
    return `${key} ${(c.reduce((s, p) => s + p.likert[i], 0) / c.length).toFixed(2)}`;
  }).join(', '),
  ownership: DECISIONS.map((d, i) => `${d.question} ${ownersOf(i)}`),
  recall: `${answeredRecall.filter((p) => p.knows).length} of ${answeredRecall.length} name all three (${pct(recallShare)})`,
  medianSeconds: median,
  speeders: speeders.map((p) => `${p.name} ${p.seconds}s`).join(', '),
  straightLiner: straightLiner.name,
  partial: partial.name,
};
const check = (ok, what) => {
  if (!ok) throw new Error(`examples/fernhill-survey.csv lost its story: ${what}`);
};
check(people.length >= 40 && people.length <= 80, 'respondents between 40 and 80');
check(favourable(leadersOnly, 0) - favourable(team, 0) > 0.2, 'clarity gap over 20 points');
check(favourable(leadersOnly, 3) - favourable(team, 3) > 0.2, 'one-voice gap over 20 points');
check(recallShare >= 0.25 && recallShare <= 0.35, 'recall share between 25% and 35%');
check(
  speeders.every((p) => p.seconds < median / 3),
  'speeders under a third of the median',
);
check(
  people.filter((p) => !p.speeder && !p.partial).every((p) => p.seconds >= 360 && p.seconds <= 900),
  'the others 6-15 minutes',
);
check(
  share(
    people.filter((p) => p.ownership[1] !== ''),
    (p) => p.ownership[1] === NOBODY,
  ) > 0.5,
  'app release date orphaned',
);
const pricing = people.map((p) => p.ownership[0]).filter((a) => a !== '');
check(share(pricing, (a) => a === 'CFO') >= 0.25 && share(pricing, (a) => a === 'Chief Commercial Officer') >= 0.25, 'NHS pricing contested');
check(
  TITLES.every((t) => DECISIONS.every((d) => !d.leaders[t] || TITLES.includes(d.leaders[t]) || d.leaders[t] === NOBODY)),
  'owners are titles',
);
console.log(`examples/fernhill-survey.csv: ${people.length} respondents`);
console.log(JSON.stringify(story, null, 2));

// --- the config ------------------------------------------------------------------
// The aliases a consultant adds once `align audit` has listed the recall answers that name no priority
// by its name: every everyday spelling of an official priority whose name key (case and punctuation
// aside) is not the priority's own.
const nameKey = (x) =>
  x
    .toLowerCase()
    .replace(/\p{P}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
const aliases = OFFICIAL.flatMap((code) => SPELLINGS[code].filter((s) => nameKey(s) !== nameKey(PRIORITIES[code])).map((s) => [s, PRIORITIES[code]]));
const yaml = [
  '# align.yml for fernhill-survey.csv, written by scripts/make-examples.mjs (npm run examples).',
  '# align reads align.yml from the folder it runs in, or the file --config names.',
  'title: Fernhill Health leadership alignment audit, October 2026',
  '# The three priorities the leadership team announced for this year: strategy recall scores answers against them.',
  'official:',
  ...OFFICIAL.map((code) => `  - ${PRIORITIES[code]}`),
  'priorities:',
  '  aliases:',
  ...aliases.map(([s, p]) => `    ${JSON.stringify(s)}: ${p}`),
  '',
].join('\n');
writeFileSync(new URL('../examples/align.yml', import.meta.url), yaml);
console.log(`examples/align.yml: official ${OFFICIAL.map((c) => PRIORITIES[c]).join(', ')}; ${aliases.length} aliases`);

// ---------------------------------------------------------------------------
// examples/fernhill-survey-q2.csv: the same company a quarter later (January 2027), the second audit
// that `align diff` and `--baseline` compare with the first. Same SurveyMonkey layout, same people,
// same everything except the changes listed in Q2 below, which examples/fernhill-survey-q2.changes.json
// records as the ground truth (what moved, and what was deliberately left alone). Its own seeded stream,
// so every file above keeps its bytes. Plus examples/align-q2.yml: align.yml with the rename mapped.
const later = rng(20270111);
const CLARITY = 0;
const SMALL_MOVES_ITEM = ITEMS.findIndex(([key]) => key === 'resources');
const REWORDED_ITEM = ITEMS.findIndex(([key]) => key === 'ownership');
const Q2 = {
  // 1a. Clinical's clarity: every Clinical team answer (the leaders' own answers are left alone) up one
  // point, and a second point for a seeded 60% of those who disagreed, so the favourable share leaves
  // its Wilson interval: the quarter's town halls reached the wards.
  raised: { department: 'Clinical', item: CLARITY, secondPointOdds: 0.6 },
  // 1b. a handful of small moves (one point up or down) in one other department, on one other item only
  small: { department: 'Technology', item: SMALL_MOVES_ITEM, people: 3 },
  // 2. the COO now puts the patient app first (the rest of her stack keeps its order)
  restacked: { title: 'COO', priority: 'APP', to: 1 },
  // 3. the ownership statement in another wording the question bank lists for the same item
  reworded: { item: REWORDED_ITEM, to: 'It is clear who owns each critical decision in my area' },
  // 4. Operations is now Operations & Logistics (align-q2.yml maps it with `renamed:`)
  renamed: { Operations: 'Operations & Logistics' },
  // 5. a ninth priority, ranked by everyone who ranked: a leader at the place listed here, a non-leader
  // one place either side of their own leader's or at it; the priorities below it move down one, so
  // among the first eight every stack keeps its order
  added: {
    code: 'MAN',
    text: 'Open a Manchester clinic',
    leaderPlace: { CEO: 5, CFO: 7, COO: 6, CTO: 9, 'Chief Commercial Officer': 2, 'Chief Medical Officer': 9, 'Chief People Officer': 8 },
  },
  // a quarter later: 13 weeks, to Monday 11 January 2027; new response ids and a new collector
  days: 91,
  collector: '461207554',
};
const PRIORITIES_Q2 = { ...PRIORITIES, [Q2.added.code]: Q2.added.text };
const PRIORITY_CODES_Q2 = Object.keys(PRIORITIES_Q2);
const ITEMS_Q2 = ITEMS.map(([key, text], i) => [key, i === Q2.reworded.item ? Q2.reworded.to : text]);
const departmentQ2 = (d) => Q2.renamed[d] ?? d;

const straightLines = (likert) => {
  const answered = likert.filter((v) => v !== null);
  return answered.length >= 5 && answered.every((v) => v === answered[0]);
};
const q2 = people.map((p) => ({ ...p, likert: [...p.likert], stack: [...p.stack] }));
const leaderOf = (p) => q2.find((l) => l.leader && l.department === p.department);
const moves = [];

// 1a. Clinical's clarity, raised
for (const p of q2) {
  if (p.leader || p.department !== Q2.raised.department || p.likert[CLARITY] === null) continue;
  const before = p.likert[CLARITY];
  const step = before <= 2 && later() < Q2.raised.secondPointOdds ? 2 : 1;
  p.likert[CLARITY] = Math.min(5, before + step);
  moves.push({ name: p.name, item: CLARITY, before, after: p.likert[CLARITY] });
}
// 1b. the small moves: seeded people (never the one who straight-lined), one point each way
{
  const pool = q2.filter((p) => !p.leader && p.department === Q2.small.department && p.likert[Q2.small.item] !== null && !straightLines(p.likert));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(later() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  for (const p of pool.slice(0, Q2.small.people)) {
    const before = p.likert[Q2.small.item];
    let step = later() < 0.5 ? -1 : 1;
    if (before + step < 1 || before + step > 5) step = -step;
    p.likert[Q2.small.item] = before + step;
    moves.push({ name: p.name, item: Q2.small.item, before, after: p.likert[Q2.small.item] });
  }
}
// 2. the COO's stack
const restacked = q2.find((p) => p.leader && p.title === Q2.restacked.title);
const stackBefore = [...restacked.stack];
restacked.stack = stackBefore.filter((c) => c !== Q2.restacked.priority);
restacked.stack.splice(Q2.restacked.to - 1, 0, Q2.restacked.priority);
const stackAfterEight = [...restacked.stack];
// 5. the ninth priority, for everyone who ranked (the partial respondent ranked nothing and still does not)
const manchesterPlace = new Map();
for (const p of q2) {
  if (p.partial) continue;
  const place = p.leader ? Q2.added.leaderPlace[p.title] : Math.min(9, Math.max(1, Q2.added.leaderPlace[leaderOf(p).title] + Math.floor(later() * 3) - 1));
  p.stack.splice(place - 1, 0, Q2.added.code);
  manchesterPlace.set(p.name, place);
}
// new response ids (SurveyMonkey numbers a new survey's responses further on) and the times a quarter on
{
  let next = 12106830000;
  for (const p of byEnd.map((b) => q2.find((x) => x.name === b.name))) {
    next += 60 + Math.floor(later() * 180);
    p.id = String(next);
    p.start += Q2.days * 86400000;
    p.end += Q2.days * 86400000;
  }
}

// --- the file: the same layout, a ninth ranking column at the end of the question's columns ---
writeFileSync(
  new URL('../examples/fernhill-survey-q2.csv', import.meta.url),
  surveyMonkeyCsv({
    items: ITEMS_Q2,
    codes: PRIORITY_CODES_Q2,
    names: PRIORITIES_Q2,
    people: [...q2].sort((a, b) => b.end - a.end),
    collector: Q2.collector,
    department: departmentQ2,
  }),
);

// --- the ground truth, computed from the two sets of answers as align reads them ---
// A department's group is its non-leaders; favourable is 4 or 5 on the 5-point scale; the interval is
// Wilson's at 95% (src/stats/wilson.ts), and a move exceeds chance when the two intervals do not overlap.
const Z = 1.959963984540054;
function wilson(k, n) {
  const p = k / n;
  const denominator = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
const round = (x) => Math.round(x * 1e6) / 1e6;
function cell(group, item) {
  const answers = group.map((p) => p.likert[item]).filter((v) => v !== null);
  const favourable = answers.filter((v) => v >= 4).length;
  return {
    n: answers.length,
    favourable,
    share: round(favourable / answers.length),
    ci: wilson(favourable, answers.length).map(round),
    mean: round(answers.reduce((a, b) => a + b, 0) / answers.length),
  };
}
const departments = [...new Set(people.filter((p) => !p.leader).map((p) => p.department))];
const answerMoves = [];
const answersLeftAlone = [];
for (const d of departments) {
  const before = people.filter((p) => !p.leader && p.department === d);
  const after = q2.filter((p) => !p.leader && p.department === d);
  ITEMS.forEach(([key], i) => {
    const a = cell(before, i);
    const b = cell(after, i);
    const subject = { department: d, departmentAfter: departmentQ2(d), item: key };
    if (JSON.stringify(a) === JSON.stringify(b)) answersLeftAlone.push({ department: d, item: key });
    else
      answerMoves.push({
        ...subject,
        people: moves.filter((m) => m.item === i && after.some((p) => p.name === m.name)).length,
        before: a,
        after: b,
        exceedsChance: a.ci[1] < b.ci[0] || b.ci[1] < a.ci[0],
      });
  });
}
// the perception gap per item: the leaders' favourable share against everyone else's, in points
function gapOf(group, item) {
  const shareOf = (list) => {
    const answers = list.map((p) => p.likert[item]).filter((v) => v !== null);
    return answers.filter((v) => v >= 4).length / answers.length;
  };
  const leaders = shareOf(group.filter((p) => p.leader));
  const others = shareOf(group.filter((p) => !p.leader));
  return { leaders: round(leaders), others: round(others), gapPoints: round((leaders - others) * 100) };
}
const gapMoves = ITEMS.map(([key], i) => ({ item: key, before: gapOf(people, i), after: gapOf(q2, i) })).filter(
  (g) => JSON.stringify(g.before) !== JSON.stringify(g.after),
);
// the leaders' stacks over the eight priorities both audits share: Kendall's W and each leader's
// Spearman to the other leaders' mean ranks (as src/audit/stack.ts computes them), before and after
function midranks(xs) {
  const order = xs.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}
function pearsonOf(x, y) {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((_, i) => {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
function leaderStats(group, codes) {
  const ranks = group.map((p) => codes.map((c) => p.stack.filter((x) => codes.includes(x)).indexOf(c) + 1));
  const m = ranks.length;
  const n = codes.length;
  const sums = codes.map((_, j) => ranks.reduce((s, r) => s + r[j], 0));
  const meanSum = sums.reduce((a, b) => a + b, 0) / n;
  const W = (12 * sums.reduce((s, x) => s + (x - meanSum) ** 2, 0)) / (m * m * (n ** 3 - n));
  const divergence = Object.fromEntries(
    group.map((p, i) => {
      const others = sums.map((s, j) => (s - ranks[i][j]) / (m - 1));
      return [p.title, round((1 - pearsonOf(midranks(ranks[i]), midranks(others))) / 2)];
    }),
  );
  return { W: round(W), divergence };
}
const leadersBefore = people.filter((p) => p.leader);
const leadersAfter = q2.filter((p) => p.leader);
const sharedBefore = leaderStats(leadersBefore, PRIORITY_CODES);
const sharedAfter = leaderStats(leadersAfter, PRIORITY_CODES);
const nineAfter = leaderStats(leadersAfter, PRIORITY_CODES_Q2);
const names = (codes) => codes.map((c) => PRIORITIES_Q2[c]);

const changes = {
  description:
    'What scripts/make-examples.mjs changed between examples/fernhill-survey.csv (the baseline) and examples/fernhill-survey-q2.csv (a quarter later), and what it left alone. Departments are non-leaders only (byDepartment); favourable is 4-5 of 5; ci is the Wilson 95% interval; exceedsChance means the two intervals do not overlap.',
  baseline: 'examples/fernhill-survey.csv',
  current: 'examples/fernhill-survey-q2.csv',
  config: { baseline: 'examples/align.yml', current: 'examples/align-q2.yml' },
  changes: [
    ...answerMoves.map((m) => ({
      kind: 'answers',
      subject: `${m.department} / ${ITEMS[ITEMS.findIndex(([key]) => key === m.item)][1]}`,
      details: {
        department: m.department,
        departmentAfter: m.departmentAfter,
        item: m.item,
        text: ITEMS[ITEMS.findIndex(([key]) => key === m.item)][1],
        people: m.people,
        favourable: { before: m.before, after: m.after },
        exceedsChance: m.exceedsChance,
        gap: gapMoves.find((g) => g.item === m.item),
      },
    })),
    {
      kind: 'stack',
      subject: `${restacked.name} (${restacked.title})`,
      details: {
        leader: restacked.name,
        title: restacked.title,
        department: restacked.department,
        before: names(stackBefore),
        after: names(restacked.stack),
        afterOverSharedPriorities: names(stackAfterEight),
        sharedPriorities: { before: sharedBefore, after: sharedAfter },
        allPriorities: { before: sharedBefore, after: nineAfter },
      },
    },
    {
      kind: 'item-reworded',
      subject: ITEMS[Q2.reworded.item][1],
      details: {
        item: ITEMS[Q2.reworded.item][0],
        bankId: 'decision-ownership',
        before: ITEMS[Q2.reworded.item][1],
        after: Q2.reworded.to,
        note: 'A SurveyMonkey file has no item ids: align takes the statement text as the item id, so survey.items[].id changes with the wording while bankId and dimension stay the same.',
      },
    },
    {
      kind: 'department-renamed',
      subject: Object.keys(Q2.renamed)[0],
      details: { before: Object.keys(Q2.renamed)[0], after: Object.values(Q2.renamed)[0], mappedBy: 'examples/align-q2.yml renamed:' },
    },
    {
      kind: 'priority-added',
      subject: Q2.added.text,
      details: {
        priority: Q2.added.text,
        priorities: { before: PRIORITY_CODES.length, after: PRIORITY_CODES_Q2.length },
        rankedBy: manchesterPlace.size,
        leaderPlaces: Object.fromEntries(leadersAfter.map((p) => [p.title, manchesterPlace.get(p.name)])),
        note: 'Inserted into every stack at the place given; the priorities below it moved down one, so over the eight priorities both audits share every stack but the COO one is unchanged.',
      },
    },
  ],
  answerMoves: moves.map((m) => ({ ...m, item: ITEMS[m.item][0] })),
  leftAlone: {
    answers: answersLeftAlone,
    leadersAnswers: 'every leader answer to every rating item',
    stacks: `every stack but the ${restacked.title}'s, over the eight shared priorities`,
    items: ITEMS.filter((_, i) => i !== Q2.reworded.item).map(([key, text]) => ({ item: key, text })),
    departments: departments.filter((d) => !Q2.renamed[d]).concat(['Executive Office']),
    respondents: `the same ${q2.length} people, names, roles and emails; new response ids and collector`,
    ownership: 'every answer to the three ownership questions',
    recall: 'every answer to the recall question',
    comments: 'every comment, from the same person',
    quality: 'the same durations (so the same speeders), straight-liners and partial respondent',
    config: 'official priorities, aliases, anonymity threshold (default 5) and leader role (Executive)',
  },
};

// --- checked: the changes are exactly the ones listed ---
check(
  answerMoves.length === 2 &&
    answerMoves.some((m) => m.department === Q2.raised.department && m.item === ITEMS[CLARITY][0] && m.exceedsChance) &&
    answerMoves.some(
      (m) => m.department === Q2.small.department && m.item === ITEMS[Q2.small.item][0] && !m.exceedsChance && m.before.favourable !== m.after.favourable,
    ),
  'q2: Clinical clarity moves beyond chance and the small moves move Technology resources within chance, nothing else',
);
check(gapMoves.length === 2 && answerMoves.every((m) => gapMoves.some((g) => g.item === m.item)), 'q2: only the two moved items move their gaps');
check(
  q2.every((p, i) => straightLines(p.likert) === straightLines(people[i].likert)),
  'q2: the same straight-liners',
);
check(
  leadersAfter.every(
    (p) => p === restacked || names(p.stack.filter((c) => c !== Q2.added.code)).join() === names(leadersBefore.find((b) => b.name === p.name).stack).join(),
  ),
  'q2: only one leader restacked',
);
check(sharedBefore.W !== sharedAfter.W, 'q2: W moves over the shared priorities');
writeFileSync(new URL('../examples/fernhill-survey-q2.changes.json', import.meta.url), `${JSON.stringify(changes, null, 2)}\n`);
console.log(
  `examples/fernhill-survey-q2.csv: ${q2.length} respondents; ${moves.length} answers moved; W over the shared eight ${sharedBefore.W} -> ${sharedAfter.W}`,
);

writeFileSync(
  new URL('../examples/align-q2.yml', import.meta.url),
  yaml
    .replace('align.yml for fernhill-survey.csv', 'align-q2.yml for fernhill-survey-q2.csv')
    .replace('October 2026', 'January 2027')
    .concat(
      '# Departments renamed since the baseline (examples/fernhill-survey.csv): `align diff` and --baseline compare them as one.\n',
      `renamed:\n${Object.entries(Q2.renamed)
        .map(([a, b]) => `  ${JSON.stringify(a)}: ${JSON.stringify(b)}`)
        .join('\n')}\n`,
    ),
);
console.log('examples/align-q2.yml: align.yml with renamed:');
