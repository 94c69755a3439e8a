#!/usr/bin/env node
// Writes examples/fernhill-stacks.csv: a fictional leadership team (7 leaders,
// 8 priorities, two partial stacks) and 27 of their managers, each manager's
// stack their own leader's with a few seeded adjacent swaps. Then the same
// company's whole alignment survey as SurveyMonkey exports it
// (examples/fernhill-survey.csv, 60 respondents) and the align.yml it is
// audited with (examples/align.yml). Deterministic: running it twice gives the
// same bytes. `npm run examples` regenerates them.
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
const top = [...META, 'Your name', 'What is your role?', 'Which department do you work in?'];
const second = [...META.map(() => ''), 'Open-Ended Response', 'Response', 'Response'];
ITEMS.forEach(([, text], i) => {
  top.push(i === 0 ? 'How much do you agree with each statement?' : '');
  second.push(html(text));
});
PRIORITY_CODES.forEach((code, i) => {
  top.push(i === 0 ? RANKING_QUESTION : '');
  second.push(PRIORITIES[code]);
});
for (const d of DECISIONS) {
  top.push(html(d.question));
  second.push('Response');
}
top.push(html(RECALL_QUESTION), COMMENT_QUESTION);
second.push('Open-Ended Response', 'Open-Ended Response');

const COLLECTOR = '452918337';
const records = [top, second];
for (const p of [...byEnd].reverse()) {
  const { first, last, email } = contact(p.name);
  const ranks = PRIORITY_CODES.map((code) => (p.partial ? '' : String(p.stack.indexOf(code) + 1)));
  records.push([
    p.id,
    COLLECTOR,
    smDate(p.start),
    smDate(p.end),
    p.ip,
    email,
    first,
    last,
    '',
    p.name,
    p.role,
    p.department,
    ...p.likert.map((v) => (v === null ? '' : SCALE[v - 1])),
    ...ranks,
    ...p.ownership,
    p.recall ?? '',
    p.comment ?? '',
  ]);
}
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
writeFileSync(new URL('../examples/fernhill-survey.csv', import.meta.url), records.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');

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
