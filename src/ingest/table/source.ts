/**
 * Assembles an input's text from plain stretches and tables: each table becomes the lines of
 * src/parse/table-text.ts, and every piece that came from a cell is recorded with its raw offsets.
 */
import { tableLines } from '../../parse/table-text.js';
import type { SourceTables } from '../types.js';
import type { Table } from './model.js';

/** Text and tables, in input order. */
export type Part = string | Table;

/** The assembled text (ending with a line break) and what the tables add to the Source. */
export interface Assembled {
  raw: string;
  tables: SourceTables;
  /** How many parts were tables with a task header. */
  taskTables: number;
}

/** Joins the parts into one text, one line per table line; plain parts are kept as they are (trimmed of blank lines). */
export function assemble(parts: readonly Part[]): Assembled {
  const out: SourceTables = { cells: [], attributes: [], plans: [], diagnostics: [] };
  let raw = '';
  let taskTables = 0;
  const newline = (): void => {
    if (raw !== '' && !raw.endsWith('\n')) raw += '\n';
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      const text = part.replace(/^\n+|\n+$/g, '');
      if (text === '') continue;
      newline();
      raw += text + '\n';
      continue;
    }
    const read = tableLines(part);
    if (read.isTaskTable) taskTables++;
    out.plans.push(...read.plans);
    out.diagnostics.push(...read.diagnostics);
    for (const line of read.lines) {
      newline();
      if (line.attributes && Object.keys(line.attributes).length > 0)
        out.attributes.push({ start: raw.length, values: line.attributes });
      // A line's generated lead (a marker, a role label) belongs to the first cell after it.
      let lead: number | null = raw.length;
      for (const piece of line.pieces) {
        if (piece.cell) {
          const { row, col, rowSpan, colSpan } = piece.cell;
          out.cells.push({
            start: lead ?? raw.length,
            end: raw.length + piece.text.length,
            table: part.index + 1,
            row: row + 1,
            col: col + 1,
            ...(rowSpan > 1 ? { rowSpan } : {}),
            ...(colSpan > 1 ? { colSpan } : {}),
          });
          lead = null;
        }
        raw += piece.text;
      }
      raw += '\n';
    }
  }
  newline();
  return { raw, tables: out, taskTables };
}
