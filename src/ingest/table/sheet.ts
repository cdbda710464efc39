/**
 * A Source from inputs that are tables alone (CSV, XLSX): the tables' rows as lines, each sheet that is a plan
 * of its own (a named sheet of a workbook) opened by its name as the plan's title line.
 */
import { describeInput, IngestError } from '../errors.js';
import type { Source } from '../types.js';
import type { Table } from './model.js';
import { assemble, type Part } from './source.js';

/** Sheet names a spreadsheet program gives by default: no plan title. */
const DEFAULT_SHEET = /^(?:sheet|工作表|表)\s*\d*$/i;

/** The fields of a Source read from tables (format and encoding are the reader's). */
export function tableSource(tables: readonly Table[], path?: string): Omit<Source, 'format' | 'encoding'> {
  const named = tables.filter((t) => t.name !== undefined && !DEFAULT_SHEET.test(t.name.trim()));
  const parts: Part[] = tables.flatMap((t) => (named.includes(t) ? [t.name!, t] : [t]));
  const { raw, tables: read, taskTables } = assemble(parts);
  if (raw.trim() === '')
    throw new IngestError(
      'empty-input',
      `${describeInput(path)}: the table holds no text; check that it is the right file`,
      path,
    );
  if (taskTables === 0)
    read.diagnostics.push({
      code: 'table-no-header',
      severity: 'warning',
      message: `${describeInput(path)}: no row near the top is a header the table grammar (grammars/tables.yaml) knows (序号, 重点任务, 牵头单位, 完成时限, …); each row is read as a line of text`,
    });
  // A sheet's name is its plan's title only when its table has no 方案 column of its own.
  if (read.plans.length === 0) read.plans.push(...named.map((t) => t.name!.trim()));
  return { raw, lineEndings: 'lf', tables: read };
}
