/**
 * Ruled task tables in PDFs: the grids of each page (table-grid.ts) are joined across pages when a table goes
 * on over a page break (same columns; its repeated header rows dropped; a row broken by the page joined again;
 * a merged cell carried over), and each grid whose header the table grammar knows becomes a Table for the
 * table → graph path (src/parse/table-text.ts). Its runs leave the page text; the rest of the page is read as
 * before, and the table's rows are put back where the table stood, with the page and box of every cell.
 * Grids without a known task header stay text, exactly as before.
 */
import { normaliseText } from '../../layout/normalise.js';
import { findHeader } from '../table/header.js';
import { cellText, type Table, type TableCell } from '../table/model.js';
import { assemble } from '../table/source.js';
import type { SourceLine, SourceTables } from '../types.js';
import { unruledGrids } from './table-free.js';
import { pageGrids, type Box, type PageGrid } from './table-grid.js';
import type { PageText, PdfLine } from './types.js';
import type { PlainGrid } from './grid-text.js';
import { paragraphText } from './paragraphs.js';

/** Vertical lines of two pages closer than this (points) are the same column edge. */
const SAME_EDGE = 3;
/** Inferred column edges of two pages closer than this (points) are the same edge. */
const INFERRED_EDGE = 12;
/** At most this many leading rows of a continuation are compared with the table's header. */
const MAX_HEADER_ROWS = 3;

/** A cell of a table that may run over pages: its rows and columns on the joined grid. */
interface JoinedCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
  page: number;
  box: Box;
}

/** A task table found in a PDF: where it starts (for its place among the lines) and its cells. */
export interface PdfTable {
  page: number;
  top: number;
  table: Table;
  /** Page and box of each cell. */
  places: Map<TableCell, { page: number; box: Box }>;
}

interface Joined {
  page: number;
  top: number;
  xs: number[];
  rows: number;
  cells: JoinedCell[];
  runs: PageGrid['runs'];
  lastPage: number;
  /** No rule closes the last page's grid at its bottom. */
  openBottom: boolean;
  /** Its columns were found from the text (table-free.ts). */
  inferred: boolean;
  /** The last page's merged columns whose text runs to its bottom (see PageGrid). */
  mergedToBottom: number[];
  /** The last page's inferred columns (see PageGrid.columns). */
  columns?: PageGrid['columns'];
}

const start = (g: PageGrid): Joined => ({
  page: g.page,
  top: g.ys[0]!,
  xs: g.xs,
  rows: g.ys.length - 1,
  cells: g.cells.map((c) => ({ ...c, page: g.page })),
  runs: [...g.runs],
  lastPage: g.page,
  openBottom: g.openBottom === true,
  inferred: g.inferred === true,
  mergedToBottom: g.mergedToBottom ?? [],
  ...(g.columns ? { columns: g.columns } : {}),
});

/** The column of `t` each vertical line of `g` stands on, or null when the edges do not all match. */
function columnMap(t: Joined, g: PageGrid): number[] | null {
  // Columns found from the text (table-free.ts) match by their count and their edges within a wider margin.
  if (g.inferred === true || t.inferred) {
    if (g.inferred !== t.inferred || g.xs.length !== t.xs.length) return null;
    return g.xs.slice(1, -1).every((x, k) => Math.abs(x - t.xs[k + 1]!) <= INFERRED_EDGE)
      ? g.xs.map((_, k) => k)
      : null;
  }
  const near = (x: number) => t.xs.findIndex((v) => Math.abs(v - x) <= SAME_EDGE);
  const map = g.xs.map(near);
  if (map.some((k) => k < 0)) return null;
  // Columns the new page's grid lacks at its sides must be merged cells going on over the break (a browser draws
  // no rule for the rest of a cell merged over rows, e.g. a 方案 column, below a page break).
  const outside = [...Array(t.xs.length - 1).keys()].filter((c) => c < map[0]! || c >= map[map.length - 1]!);
  if (!outside.every((c) => mergedDown(t, c))) return null;
  return map;
}

/** Whether column `c` of `t` holds, on its last row, a cell merged over rows from above. */
function mergedDown(t: Joined, c: number): boolean {
  const cell = cellAt(t.cells, t.rows - 1, c);
  return cell !== undefined && cell.r1 === t.rows - 1 && cell.r1 > cell.r0 && cell.c0 === c && cell.c1 === c;
}

/** The texts of row `r` by column range (cells that start on that row). */
const rowKey = (cells: readonly { r0: number; c0: number; c1: number; text: string }[], r: number): string =>
  cells
    .filter((c) => c.r0 === r)
    .sort((a, b) => a.c0 - b.c0)
    .map((c) => `${c.c0}-${c.c1}:${c.text}`)
    .join('|');

const cellAt = (cells: readonly JoinedCell[], r: number, c: number): JoinedCell | undefined =>
  cells.find((x) => x.r0 <= r && r <= x.r1 && x.c0 <= c && c <= x.c1);

/**
 * Whether the first body row of a continuation is the rest of the table's last row, cut by the page break, given
 * that its first single cell (序号) is empty: yes when that cell is filled above the break; when it is empty
 * there too (a row without a number), when every filled cell of the row stands below a filled cell.
 */
function cutRow(body: readonly JoinedCell[], header: number, t: Joined, above: JoinedCell): boolean {
  if (above.text !== '') return true;
  const row = body.filter((c) => c.r0 === header && c.text !== '');
  return row.length > 0 && row.every((c) => (cellAt(t.cells, t.rows - 1, c.c0)?.text ?? '') !== '');
}

/**
 * Whether the first body row of a continuation that holds no single cell (a category row across the columns,
 * beside a merged 方案 cell) is the rest of the table's last row, cut by the page break: each of its cells
 * stands under a cell of the last row with the same columns, one of them is empty under a filled one (the rest
 * of a cell whose text ended above the break: a new row across the columns is never empty), and every filled
 * one stands under a filled one (its text goes on).
 */
function spannedRest(body: readonly JoinedCell[], header: number, t: Joined): boolean {
  const row = body.filter((c) => c.r0 === header);
  const tops = row.map((c) => cellAt(t.cells, t.rows - 1, c.c0));
  const same = row.every((c, k) => {
    const top = tops[k];
    return top !== undefined && top.c0 === c.c0 && top.c1 === c.c1 && top.r1 === t.rows - 1;
  });
  return (
    same &&
    row.some((c, k) => c.text === '' && tops[k]!.text !== '') &&
    row.every((c, k) => c.text === '' || tops[k]!.text !== '')
  );
}

/** Joins grid `g` (the first grid of the next page) to table `t` when it goes on with the same columns. */
function joinGrid(t: Joined, g: PageGrid): boolean {
  const map = columnMap(t, g);
  if (!map) return false;
  const cells = g.cells.map((c) => ({ ...c, c0: map[c.c0]!, c1: map[c.c1 + 1]! - 1, page: g.page }));
  // The header repeated on the new page: leading rows equal to the table's leading rows.
  // The table's own first rows may hold a title above its header, which the new page does not repeat.
  // A grid read under the columns of the page before has an empty row 0 for the header it does not repeat.
  let header = g.headless === true ? 1 : 0;
  for (let from = 0; from <= MAX_HEADER_ROWS && g.headless !== true; from++) {
    let h = 0;
    while (h < MAX_HEADER_ROWS && h < g.ys.length - 2) {
      const key = rowKey(cells, h);
      if (key === '' || key !== rowKey(t.cells, from + h) || !/[^|:\d-]/.test(key)) break;
      h++;
    }
    header = Math.max(header, h);
  }
  const body = cells.filter((c) => c.r1 >= header);
  if (body.length === 0) return true;
  for (const c of body) c.r0 = Math.max(c.r0, header);
  // A row broken by the page: its first single cell is empty on the new page but not above the break.
  const last = t.rows - 1;
  const first = body
    .filter((c) => c.r0 === header && c.r1 === header && c.c0 === c.c1)
    .sort((a, b) => a.c0 - b.c0)[0];
  const above = first ? cellAt(t.cells, last, first.c0) : undefined;
  // A producer that draws no rule where a grid goes on over the page (the new page's grid open at its top) draws
  // none at a cut row's bottom either: a ruled bottom there closed the last row, and the new page starts a row
  // (its empty cells are a merged cell going on).
  const closed = !t.openBottom && g.openTop === true;
  const broken = g.inferred
    ? g.contTop === true
    : !closed &&
      (first === undefined
        ? spannedRest(body, header, t)
        : above !== undefined && first.text === '' && cutRow(body, header, t, above));
  const shift = broken ? last - header : t.rows - header;
  // A merged column's text cut by the page break goes on in the column's last filled cell above the break.
  const goesOn = (g.mergedFromTop ?? []).filter((c) => t.mergedToBottom.includes(c));
  // A ruled cell whose text overflowed the open bottom of the page before goes on in its column's first row.
  const overflowed = t.inferred ? [] : t.mergedToBottom;
  for (const c of body) {
    if (c.r0 === header && c.c0 === c.c1 && goesOn.includes(c.c0) && c.text !== '') {
      const above = t.cells.filter((x) => x.c0 === c.c0 && x.c1 === c.c0 && x.text !== '').pop();
      if (above) {
        above.text = `${above.text}\n${c.text}`;
        // On the row cut by the break (its own cell there), the cell goes on; else an empty cell holds the place.
        if (above.r1 >= c.r0 + shift) above.r1 = Math.max(above.r1, c.r1 + shift);
        else t.cells.push({ ...c, text: '', r0: c.r0 + shift, r1: c.r1 + shift });
        continue;
      }
    }
    const top = c.r0 === header ? cellAt(t.cells, last, c.c0) : undefined;
    const sameCols = top !== undefined && top.c0 === c.c0 && top.c1 === c.c1 && top.r1 === last;
    // Carried over: the whole row when it was broken, else an empty cell below a merged (multi-row) cell, or
    // the rest of a cell that overflowed the page before.
    if (sameCols && (broken || (c.text === '' && top.r1 > top.r0) || overflowed.includes(c.c0))) {
      top.r1 = c.r1 + shift;
      if (c.text !== '') top.text = top.text === '' ? c.text : `${top.text}\n${c.text}`;
      continue;
    }
    t.cells.push({ ...c, r0: c.r0 + shift, r1: c.r1 + shift });
  }
  // Merged cells in the columns the new page's grid lacks go on down its rows.
  const outside = t.cells.filter(
    (c) => c.r1 === t.rows - 1 && (c.c1 < map[0]! || c.c0 >= map[map.length - 1]!),
  );
  t.rows = g.ys.length - 1 + shift;
  for (const c of outside) c.r1 = t.rows - 1;
  t.runs.push(...g.runs);
  t.lastPage = g.page;
  t.openBottom = g.openBottom === true;
  t.mergedToBottom = g.mergedToBottom ?? [];
  t.columns = g.columns;
  return true;
}

/** The model Table of a joined grid (rows where no cell starts are dropped). */
function toTable(t: Joined, index: number): PdfTable {
  const starts = new Set(t.cells.map((c) => c.r0));
  const kept = [...Array(t.rows).keys()].filter((r) => starts.has(r));
  const newRow = (r: number) => kept.filter((k) => k <= r).length - 1;
  const width = t.xs.length - 1;
  const grid: (TableCell | null)[][] = kept.map(() => Array<TableCell | null>(width).fill(null));
  const places = new Map<TableCell, { page: number; box: Box }>();
  for (const c of t.cells) {
    const row = newRow(c.r0);
    const cell: TableCell = {
      // Look-alike code points (Chromium's Kangxi radicals) would hide header words and markers from the grammar.
      text: cellText(normaliseText(c.text)),
      row,
      col: c.c0,
      rowSpan: newRow(c.r1) - row + 1,
      colSpan: c.c1 - c.c0 + 1,
    };
    for (let r = row; r < row + cell.rowSpan; r++) for (let k = c.c0; k <= c.c1; k++) grid[r]![k] = cell;
    places.set(cell, { page: c.page, box: c.box });
  }
  return { page: t.page, top: t.top, table: { index, width, grid }, places };
}

/**
 * Finds the ruled task tables of the pages (whose `rules` were read). Returns the pages without the runs of
 * those tables, and the tables in reading order. Pages without rules, and grids without a known header, are
 * returned as they are; the latter are also listed in `plain` (read cell by cell by grid-text.ts).
 */
export function takePdfTables(pages: readonly PageText[]): {
  pages: PageText[];
  tables: PdfTable[];
  plain: PlainGrid[];
} {
  const joined: Joined[] = [];
  for (const p of pages) {
    const ruled = p.rules && p.rules.length > 0 ? pageGrids(p.page, p.rules, p.runs) : [];
    const before = joined[joined.length - 1];
    const free = unruledGrids(
      p,
      ruled.map((g) => [g.ys[0]!, g.ys[g.ys.length - 1]!]),
      before?.lastPage === p.page - 1 ? before.columns : undefined,
    );
    const grids = [...ruled, ...free].sort((a, b) => a.ys[0]! - b.ys[0]!);
    grids.forEach((g, k) => {
      const prev = joined[joined.length - 1];
      if (k === 0 && prev && prev.lastPage === p.page - 1 && joinGrid(prev, g)) return;
      joined.push(start(g));
    });
  }
  const tables: PdfTable[] = [];
  const plain: PlainGrid[] = [];
  const taken = new Set<PageGrid['runs'][number]>();
  for (const t of joined) {
    const found = toTable(t, tables.length);
    if (!findHeader(found.table)) {
      // A grid found from the text alone without a header the grammar knows stays the page's text.
      if (t.inferred) continue;
      const cells = [...t.cells]
        .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
        .filter((c) => c.text.trim() !== '');
      plain.push({ page: t.page, top: t.top, cells, runs: t.runs });
      continue;
    }
    tables.push(found);
    for (const r of t.runs) taken.add(r);
  }
  if (tables.length === 0) return { pages: [...pages], tables, plain };
  return { pages: pages.map((p) => ({ ...p, runs: p.runs.filter((r) => !taken.has(r)) })), tables, plain };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * The Source text, layout and tables of the lines with the tables put back in place: each table before the
 * first line below its top. The lines are read into paragraphs as before (one pass over all of them).
 */
export function withPdfTables(
  lines: readonly PdfLine[],
  tables: readonly PdfTable[],
): { raw: string; layout: SourceLine[]; tables: SourceTables } {
  const text = lines.length > 0 ? paragraphText([...lines]) : { raw: '', layout: [] };
  const out: SourceTables = { cells: [], attributes: [], plans: [], diagnostics: [] };
  const layout: SourceLine[] = [];
  let raw = '';
  let from = 0;
  const prose = (to: number): void => {
    if (to <= from) return;
    const a = text.layout[from]!.start;
    const b = to < text.layout.length ? text.layout[to]!.start : text.raw.length;
    const piece = text.raw.slice(a, b).replace(/\s+$/, '');
    const shift = raw.length - a;
    for (const l of text.layout.slice(from, to))
      layout.push({ ...l, start: l.start + shift, end: l.end + shift });
    raw += piece + '\n\n';
    from = to;
  };
  for (const t of tables) {
    const at = lines.findIndex((l) => l.page > t.page || (l.page === t.page && l.y > t.top));
    prose(at < 0 ? lines.length : Math.max(at, from));
    const got = assemble([t.table]);
    const shift = raw.length;
    for (const c of got.tables.cells) {
      const cell = t.table.grid[c.row - 1]?.[c.col - 1];
      const place = cell ? t.places.get(cell) : undefined;
      out.cells.push({ ...c, start: c.start + shift, end: c.end + shift });
      if (place) {
        const { x, y, w, h } = place.box;
        layout.push({
          start: c.start + shift,
          end: c.end + shift,
          page: place.page,
          box: { x: round(x), y: round(y), w: round(w), h: round(h) },
        });
      }
    }
    for (const a of got.tables.attributes) out.attributes.push({ ...a, start: a.start + shift });
    out.plans.push(...got.tables.plans);
    out.diagnostics.push(...got.tables.diagnostics);
    raw += got.raw + '\n';
  }
  prose(lines.length);
  return { raw: raw.replace(/\n+$/, '') + '\n', layout, tables: out };
}
