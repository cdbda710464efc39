/**
 * A PlanDiff as an Excel workbook (exceljs): one row per change (plan, place, kind, direction, unit, indicator or
 * phrase, old, new, confidence) under a bold frozen header with filters. The same diff gives the same bytes.
 */
import ExcelJS from 'exceljs';
import type { PlanDiff } from '../diff/schema.js';
import { DIFF_ROW_COLUMNS, diffRows, type DiffRowColumn } from './diff-rows.js';
import { setZipTimes } from './zip-time.js';

/** The sheet's name. */
export const DIFF_SHEET = '变化清单';

const WIDTHS: Record<DiffRowColumn, number> = {
  plan: 10,
  path: 24,
  kind: 24,
  direction: 18,
  unit: 20,
  item: 50,
  old: 24,
  new: 24,
  confidence: 8,
};

/** The workbook as the bytes of an .xlsx file. */
export async function renderDiffXlsx(diff: PlanDiff): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongwen';
  const stamp = new Date(`${diff.new.document.date ?? '1970-01-01'}T00:00:00Z`);
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet(DIFF_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = Object.keys(DIFF_ROW_COLUMNS) as DiffRowColumn[];
  sheet.columns = keys.map((key) => ({ header: DIFF_ROW_COLUMNS[key], key, width: WIDTHS[key] }));
  for (const row of diffRows(diff)) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.getRow(1).font = { bold: true };
  return setZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}
