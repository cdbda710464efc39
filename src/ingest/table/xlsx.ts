/**
 * XLSX input (exceljs): every worksheet is a table, its merged cells kept as row and column spans. A date cell
 * is read as its ISO date (the table grammar turns it into deadline words); a formula as its result.
 */
import ExcelJS from 'exceljs';
import { describeInput, IngestError } from '../errors.js';
import type { Source } from '../types.js';
import { resolveGrid, type RawRow, type Table } from './model.js';
import { tableSource } from './sheet.js';

/** A column letter run (A, AB) → 1-based column number. */
const colNumber = (letters: string): number =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** "B2:C4" → 1-based top, left, bottom, right. */
function rangeOf(ref: string): [number, number, number, number] | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  return [Number(m[2]), colNumber(m[1]!), Number(m[4]), colNumber(m[3]!)];
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'result' in v) {
    const r = (v as { result?: unknown }).result;
    return r instanceof Date ? r.toISOString().slice(0, 10) : String(r ?? '');
  }
  return cell.text ?? '';
}

function readSheet(sheet: ExcelJS.Worksheet, index: number): Table {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  for (const ref of merges) {
    const r = rangeOf(ref);
    if (!r) continue;
    const [top, left, bottom, right] = r;
    spans.set(`${top}:${left}`, { rowSpan: bottom - top + 1, colSpan: right - left + 1 });
    for (let y = top; y <= bottom; y++)
      for (let x = left; x <= right; x++) if (y !== top || x !== left) covered.add(`${y}:${x}`);
  }
  const rows: RawRow[] = [];
  const width = sheet.columnCount;
  for (let y = 1; y <= sheet.rowCount; y++) {
    const row = sheet.getRow(y);
    const raw: RawRow = [];
    for (let x = 1; x <= width; x++) {
      if (covered.has(`${y}:${x}`)) continue;
      raw.push({ text: cellText(row.getCell(x)), ...spans.get(`${y}:${x}`) });
    }
    rows.push(raw);
  }
  return resolveGrid(rows, index, sheet.name);
}

/** Reads an .xlsx workbook into a Source (format 'xlsx', encoding 'utf-8': the XML inside is UTF-8). */
export async function ingestXlsx(bytes: Uint8Array, path?: string): Promise<Source> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new IngestError(
      'unreadable',
      `${describeInput(path)}: the Excel workbook cannot be read (${(err as Error).message}); open it in Excel or LibreOffice and save it again as .xlsx`,
      path,
      { cause: err },
    );
  }
  const tables = workbook.worksheets.filter((s) => s.rowCount > 0).map((s, n) => readSheet(s, n));
  return { ...tableSource(tables, path), format: 'xlsx', encoding: 'utf-8' };
}
