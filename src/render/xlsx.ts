/**
 * The task-division table as an Excel workbook (exceljs): one sheet per plan, named by the plan's title,
 * with a bold frozen header row, fixed column widths and wrapped text. The same graph gives the same bytes.
 */
import ExcelJS from 'exceljs';
import type { NoticeGraph } from '../graph/schema.js';
import { columnHeader, type WrittenColumn } from './labels.js';
import { cellOf, taskRows, writtenColumns, type TaskOutputOptions, type TaskRow } from './table.js';
import { setZipTimes } from './zip-time.js';

/** Excel's limit on the length of a sheet name. */
export const SHEET_NAME_MAX = 31;

/** Characters Excel refuses in a sheet name (a leading or trailing apostrophe is refused too). */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/** Width of each column, in Excel's character units (a CJK character takes about two). */
export const COLUMN_WIDTHS: Record<WrittenColumn, number> = {
  path: 14,
  title: 28,
  text: 70,
  targets: 30,
  deadlines: 14,
  lead: 22,
  cooperating: 28,
  responsible: 28,
  guidance: 28,
  source: 10,
};

/** Name of the sheet that holds tasks outside every plan (and the header alone when there are no tasks). */
export const FALLBACK_SHEET = '任务分解表';

/** A sheet name Excel accepts, distinct from the names already `taken` (compared case-insensitively). */
export function sheetName(title: string, taken: Set<string>): string {
  const clean =
    title
      .replace(SHEET_NAME_FORBIDDEN, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || FALLBACK_SHEET;
  let name = clean.slice(0, SHEET_NAME_MAX);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = clean.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The workbook as the bytes of an .xlsx file. */
export async function renderTaskXlsx(graph: NoticeGraph, options: TaskOutputOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongwen';
  // A fixed date (the notice's own) keeps the document properties the same from run to run.
  const stamp = new Date(`${graph.document.date ?? '1970-01-01'}T00:00:00Z`);
  workbook.created = stamp;
  workbook.modified = stamp;
  const byPlan = new Map<string, { title: string; rows: TaskRow[] }>();
  for (const row of taskRows(graph, options)) {
    const group = byPlan.get(row.planId) ?? { title: row.planTitle || FALLBACK_SHEET, rows: [] };
    group.rows.push(row);
    byPlan.set(row.planId, group);
  }
  if (byPlan.size === 0) byPlan.set('', { title: FALLBACK_SHEET, rows: [] });
  const taken = new Set<string>();
  for (const { title, rows } of byPlan.values()) addSheet(workbook, sheetName(title, taken), rows);
  // The zip writer stamps each part with the time of writing; the notice's date makes the bytes repeatable.
  return setZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: TaskRow[]): void {
  const columns = writtenColumns(rows);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((key) => ({ header: columnHeader(key), key, width: COLUMN_WIDTHS[key] }));
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c, cellOf(row, c)])));
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.getRow(1).font = { bold: true };
}
