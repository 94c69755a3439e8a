import { deriveOptions } from '../infer.js';
import { looseKey } from './header.js';
import type { Resolved } from './types.js';

export function optionsOf(r: Resolved): string[] {
  const option = r.column.sub ?? r.column.header;
  const values = r.view.cells.map((c) => c.trim()).filter((c) => c !== '');
  const perOption = values.every((v) => /^(y|yes|true|1|x|n|no|false|0)$/i.test(v) || looseKey(v) === looseKey(option));
  return perOption && r.column.sub !== null ? [option] : deriveOptions(values);
}

export interface MultiQuestion {
  question: string;
  options: string[];
  columns: Resolved[];
  perOption: boolean;
}

export function multiQuestions(columns: readonly Resolved[]): MultiQuestion[] {
  const out: MultiQuestion[] = [];
  for (const c of columns) {
    const perOption = (c.options?.length ?? 0) === 1 && looseKey(c.options![0]!) === looseKey(c.column.sub ?? c.column.header) && c.column.sub !== null;
    const perOptionLoose = (c.options?.length ?? 0) === 1 && looseKey(c.options![0]!) === looseKey(c.column.header) && c.column.sub === null;
    const last = out[out.length - 1];
    const prev = last?.columns[last.columns.length - 1];
    if (perOption || perOptionLoose) {
      const question = perOption ? c.column.question : 'Multi-select';
      if (last?.perOption && prev && prev.column.index === c.column.index - 1 && (perOptionLoose || last.question === question)) {
        last.columns.push(c);
        last.options.push(c.options![0]!);
      } else {
        out.push({ question, options: [c.options![0]!], columns: [c], perOption: true });
      }
    } else {
      out.push({
        question: c.column.sub !== null ? `${c.column.question} [${c.column.sub}]` : c.column.header,
        options: c.options ?? deriveOptions(c.view.cells),
        columns: [c],
        perOption: false,
      });
    }
  }
  return out;
}
