#!/usr/bin/env node
// Writes examples/fernhill-stacks.csv: a fictional leadership team (7 leaders,
// 8 priorities, two partial stacks) and 27 of their managers, each manager's
// stack their own leader's with a few seeded adjacent swaps. Deterministic:
// running it twice gives the same bytes. `npm run examples` regenerates it.
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
for (const [name, , department, stack] of LEADERS) emit(name, 'Executive', department, stack);
for (const [department, names] of Object.entries(MANAGERS)) {
  const leader = LEADERS.find((l) => l[2] === department);
  for (const name of names) {
    let stack = jiggle(fullStack(leader[3]), 1 + Math.floor(random() * 3));
    if (random() < 0.2) stack = stack.slice(0, 5); // some managers rank only their top five
    emit(name, 'Manager', department, stack);
  }
}
writeFileSync(new URL('../examples/fernhill-stacks.csv', import.meta.url), rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
console.log(`examples/fernhill-stacks.csv: ${id} respondents, ${rows.length - 1} rows`);
