/**
 * Builders for audit tests (STYLE.md habit 12): datasets in code, not CSV files.
 *   aDataset().withLeader('Ana', 'Sales', ['Growth', 'Cost']).withMember('Bo', 'Sales', ['Cost', 'Growth']).build()
 */

import type { Dataset, Item, Respondent } from '../../src/ingest/types.js';
import { PriorityNames } from '../reference/priority-names.js';

interface Person {
  name: string;
  role: string | null;
  department: string | null;
  /** Names best first, or [name, rank] pairs for ties. */
  stack: Array<string | [string, number]>;
  answers?: Answers;
}

/** A respondent's survey answers: Likert values by item id, ownership answers by decision, recall text, duration. */
export interface Answers {
  likert?: Record<string, number>;
  ownership?: Record<string, string>;
  recall?: string;
  seconds?: number;
}

export class DatasetBuilder {
  private people: Person[] = [];
  private roleColumn = true;
  private extraPriorities: string[] = [];
  private items: Item[] = [];
  private recallQuestion = 'Name the company’s top three priorities';

  /** A 5-point Likert item (1..5) with this text; its id is the text. */
  withItem(text: string, points = 5): this {
    this.items.push({ id: text, text, dimension: null, points, low: 1, reverse: false });
    return this;
  }

  /** Answers for the person added last. */
  answering(answers: Answers): this {
    const last = this.people[this.people.length - 1]!;
    last.answers = { ...last.answers, ...answers };
    return this;
  }

  /** `count` members of a department, each with these answers (and no stack unless given). */
  withAnswering(count: number, department: string, answers: Answers | ((i: number) => Answers), stack: Person['stack'] = [], role = 'Manager'): this {
    for (let i = 0; i < count; i++) {
      this.people.push({
        name: `${department} ${role.toLowerCase()} ${this.people.length + 1}`,
        role,
        department,
        stack,
        answers: typeof answers === 'function' ? answers(i) : answers,
      });
    }
    return this;
  }

  withLeader(name: string, department: string | null, stack: Person['stack'], role = 'Executive'): this {
    this.people.push({ name, role, department, stack });
    return this;
  }

  withMember(name: string, department: string | null, stack: Person['stack'], role = 'Manager'): this {
    this.people.push({ name, role, department, stack });
    return this;
  }

  /** Several members of one department with the same stack. */
  withMembers(count: number, department: string, stack: Person['stack']): this {
    for (let i = 0; i < count; i++) this.withMember(`${department} member ${i + 1}`, department, stack);
    return this;
  }

  withoutRoleColumn(): this {
    this.roleColumn = false;
    return this;
  }

  /** A priority nobody ranked (a wide file's unused column). */
  withPriority(name: string): this {
    this.extraPriorities.push(name);
    return this;
  }

  build(): Dataset {
    const names = new PriorityNames();
    const respondents: Respondent[] = this.people.map((p, i) => ({
      toolId: `r${i + 1}`,
      name: p.name,
      email: null,
      role: this.roleColumn ? p.role : null,
      department: p.department,
      file: 'built.csv',
      line: i + 2,
      submitted: null,
      likert: { ...(p.answers?.likert ?? {}) },
      ...(p.answers?.ownership ? { ownership: { ...p.answers.ownership } } : {}),
      ...(p.answers?.recall !== undefined ? { recall: { question: this.recallQuestion, text: p.answers.recall } } : {}),
      ...(p.answers?.seconds !== undefined ? { durationSeconds: p.answers.seconds } : {}),
      stack: p.stack.map((e, pos) => (typeof e === 'string' ? { priority: names.add(e), rank: pos + 1 } : { priority: names.add(e[0]), rank: e[1] })),
    }));
    for (const p of this.extraPriorities) names.add(p);
    return {
      files: [{ path: 'built.csv', format: 'generic', encoding: 'utf-8', bom: false, delimiter: ',', rows: respondents.length, headerRows: 1 }],
      respondents,
      excluded: [],
      notes: [],
      hasRoleColumn: this.roleColumn,
      priorities: names.list(),
      items: [...this.items],
    };
  }
}

export const aDataset = () => new DatasetBuilder();
