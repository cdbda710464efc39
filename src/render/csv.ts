/**
 * The task-division table as CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends,
 * and RFC 4180 quoting (a cell with a comma, quote or line break is quoted, its quotes doubled).
 */
import type { NoticeGraph } from '../graph/schema.js';
import { columnHeader, PLAN_COLUMN } from './labels.js';
import { cellOf, taskRows, writtenColumns, type TaskOutputOptions } from './table.js';

/** The byte-order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** The record separator of RFC 4180. */
export const CRLF = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole CSV document (BOM, header, CRLF after every record) from rows of cells. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + [header, ...rows].map((r) => r.map(csvCell).join(',') + CRLF).join('');
}

/** The task table of every plan in one CSV, a 方案 column first. */
export function renderTaskCsv(graph: NoticeGraph, options: TaskOutputOptions = {}): string {
  const rows = taskRows(graph, options);
  const columns = writtenColumns(rows);
  const records = rows.map((row) => [row.planTitle, ...columns.map((c) => cellOf(row, c))]);
  return csvDocument([PLAN_COLUMN, ...columns.map(columnHeader)], records);
}
