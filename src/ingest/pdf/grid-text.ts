/**
 * Ruled grids that are no task table (an indicator table, a form): read cell by cell, row by row, each cell's
 * text a paragraph of its own (or more, where a line in it ends a sentence), put back where the grid stood.
 * Read straight across the page, the cells of one baseline ran together ("一、医疗（一）功计算方法：…") and
 * the headings and numbered items they hold were lost. The rules are read only on pages whose runs look like
 * a table (`tabularRows`), or that hold a task table's header (table-rules.ts).
 */
import { joinSeparator } from './cjk.js';
import { runRows } from './lines.js';
import type { Box } from './table-grid.js';
import type { PageText, PdfLine, TextRun } from './types.js';

/** A ruled grid without a task header, joined over pages: its cells in reading order, and its runs. */
export interface PlainGrid {
  page: number;
  /** The top of the grid on its first page. */
  top: number;
  /** Non-empty cells, row by row, left to right; `text` has a line break between the cell's lines. */
  cells: { text: string; page: number; box: Box }[];
  runs: TextRun[];
}

/** A gap wider than this many font sizes separates two cells of a row (a word space is about a quarter). */
const CELL_GAP = 1;
/** A baseline with this many pieces separated by cell gaps is a table row… */
const ROW_CELLS = 3;
/** …and a page with this many such baselines may hold a ruled table. */
const MIN_ROWS = 2;
/** A line of a cell that ends so ends a paragraph of the cell (closing quotes and brackets after it skipped). */
const SENTENCE_END = /[。！？；!?;](?:[”’」』）)\]】]*)$/;

/**
 * Whether a page's runs look like the rows of a table: at least MIN_ROWS baselines split by wide gaps into
 * ROW_CELLS pieces or more. Prose has one piece a baseline, two columns two.
 */
export function tabularRows(runs: readonly TextRun[]): boolean {
  const rows = runRows(runs);
  let found = 0;
  for (const row of rows) {
    let pieces = 1;
    let end = row[0]!.x + row[0]!.w;
    for (const r of row.slice(1)) {
      if (r.x - end > CELL_GAP * r.size) pieces++;
      end = Math.max(end, r.x + r.w);
    }
    if (pieces >= ROW_CELLS && ++found >= MIN_ROWS) return true;
  }
  return false;
}

/** The pages without the runs of the grids. */
export function withoutGridRuns(pages: readonly PageText[], grids: readonly PlainGrid[]): PageText[] {
  if (grids.length === 0) return [...pages];
  const taken = new Set(grids.flatMap((g) => g.runs));
  return pages.map((p) => ({ ...p, runs: p.runs.filter((r) => !taken.has(r)) }));
}

/** The paragraphs of a cell's text: its lines joined, a new paragraph after a line that ends a sentence. */
export function cellParagraphs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    cur = cur === '' ? line : cur + joinSeparator(cur, line) + line;
    if (SENTENCE_END.test(line)) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** The lines of a grid: one `block` line (a paragraph of its own) per paragraph of each cell, in reading order. */
export function gridLines(grid: PlainGrid): PdfLine[] {
  return grid.cells.flatMap((c) =>
    cellParagraphs(c.text).map((text) => ({
      page: c.page,
      text,
      x0: c.box.x,
      x1: c.box.x + c.box.w,
      y: c.box.y + c.box.h,
      size: c.box.h,
      side: 'full' as const,
      block: true,
    })),
  );
}

/**
 * Each grid's lines put into the lines of its first page (`pages[n - 1]` holds page n), before the first line
 * below the grid's top.
 */
export function insertGrids(pages: PdfLine[][], grids: readonly PlainGrid[]): PdfLine[][] {
  const out = pages.map((p) => [...p]);
  for (const g of grids) {
    const lines = out[g.page - 1];
    if (!lines) continue;
    const k = lines.findIndex((l) => !l.block && l.y > g.top);
    lines.splice(k < 0 ? lines.length : k, 0, ...gridLines(g));
  }
  return out;
}
