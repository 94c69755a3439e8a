/**
 * Multi-select questions: the options of each, one cell listing choices or one column per option.
 */
import { InputError } from '../../errors.js';
import type { AlignConfig, ColumnOverride, ColumnRoleName } from '../config-types.js';
import {
  type ColumnView,
  findRankingQuestions,
  inferAnswer,
  inferFromHeader,
  inferLikert,
  type Inference,
  type LikertKind,
  asksForOrder,
  deriveOptions,
  notRanks,
  rankingAsTold,
  type RankingCandidate,
  splitChoices,
} from '../infer.js';
import { bestScale, findScale, integerAnswer, isMissingAnswer, likertValue, numericRange, type Scale, scalesFor } from '../likert.js';
import { positionFromHeader } from '../columns.js';
import { aliasKeyOf, readRank, stackFromListCell, stackFromPositionCells, stackFromPriorityCells, SKIP_INVALID_FIX } from '../rankings.js';
import { guessDateOrder, parseTimestamp } from '../timestamps.js';
import type { Excluded, Item, Note, Table, ToolFormat } from '../types.js';
import type { ColumnInfo, NormaliseContext, Normalised, RawRow } from '../formats/types.js';
import { looseKey } from './header.js';
import { Resolved } from './types.js';

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
      if (last && last.perOption && prev && prev.column.index === c.column.index - 1 && (perOptionLoose || last.question === question)) {
        last.columns.push(c);
        last.options.push(c.options![0]!);
      } else {
        out.push({ question, options: [c.options![0]!], columns: [c], perOption: true });
      }
    } else {
      out.push({ question: c.column.sub !== null ? `${c.column.question} [${c.column.sub}]` : c.column.header, options: c.options ?? deriveOptions(c.view.cells), columns: [c], perOption: false });
    }
  }
  return out;
}
