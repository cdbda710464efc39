/**
 * The table model: a grid whose row and column spans are resolved, so that every slot of the grid knows the
 * cell that covers it. Readers of HTML, Word, Excel, CSV and Markdown tables produce `RawRow`s; `resolveGrid`
 * lays them out the way a browser does (a cell goes to the first free slot of its row).
 */

/** A cell as a reader sees it: its text and its spans (1 when absent). */
export interface RawCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

/** A row as a reader sees it. */
export type RawRow = RawCell[];

/** A cell placed on the grid: 0-based row and column of its top-left slot, its spans, its text (trimmed). */
export interface TableCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A table: `grid[r][c]` is the cell covering that slot (the same object for every slot of a spanning cell). */
export interface Table {
  /** 0-based number of the table in its input. */
  index: number;
  width: number;
  grid: (TableCell | null)[][];
  /** Where it came from, for messages: a sheet's name, or undefined. */
  name?: string;
}

/** The largest span honoured; a larger one (a typo such as rowspan=9999) is cut to the rows that exist. */
const MAX_SPAN = 1000;

const span = (n: number | undefined): number =>
  n !== undefined && Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;

/** Normalises a cell's text: line breaks and runs of spaces inside a cell become nothing between CJK and one space elsewhere. */
export function cellText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .reduce((acc, l) => {
      if (acc === '') return l;
      const cjk = /[\u3000-\u9fff\uff00-\uffef]$/u.test(acc) || /^[\u3000-\u9fff\uff00-\uffef]/u.test(l);
      return acc + (cjk ? '' : ' ') + l;
    }, '')
    .replace(/[ \t]+/g, ' ');
}

/** Lays raw rows out on a grid, resolving row and column spans (a span past the table's end is cut). */
export function resolveGrid(rows: readonly RawRow[], index = 0, name?: string): Table {
  const grid: (TableCell | null)[][] = rows.map(() => []);
  rows.forEach((raw, r) => {
    let c = 0;
    for (const cellIn of raw) {
      while (grid[r]![c]) c++;
      const cell: TableCell = {
        text: cellText(cellIn.text),
        row: r,
        col: c,
        rowSpan: Math.min(span(cellIn.rowSpan), rows.length - r),
        colSpan: span(cellIn.colSpan),
      };
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr]![c + dc] = cell;
      c += cell.colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  for (const row of grid) for (let c = 0; c < width; c++) row[c] ??= null;
  return { index, width, grid, ...(name !== undefined ? { name } : {}) };
}

/** The distinct cells of a grid row, left to right (a spanning cell once). */
export function rowCells(table: Table, r: number): TableCell[] {
  const out: TableCell[] = [];
  for (const cell of table.grid[r] ?? []) if (cell && out[out.length - 1] !== cell) out.push(cell);
  return out;
}
