import type { AuditResult } from '../audit/types.js';
import type { TableModel } from './report-model.js';
export interface Chart {
  id: string;
  title: string;
  alt: string;
  svg: string;
  table: TableModel;
}
/** Every chart the result has data for, in report order; [] when none. Deterministic. */
export async function chartsFor(_result: AuditResult): Promise<Chart[]> {
  return [];
}
