/**
 * The rows of a table without rules between them, from the geometry of its text alone (table-free.ts gives the
 * columns). A row is a stretch of the page; the lines of each of its cells form one block in their column, its
 * lines a cell's pitch apart; and the cells of one row are set alike: their first lines on one baseline (cells
 * at the top of their rows, a word processor's default), the middles of their blocks on one line (Word's "centre
 * vertically", WeasyPrint, a WPS export), or their last lines on one baseline (cells at the bottom). The tallest
 * cell of a row (the 具体措施 column's wrapped lines) spans it; a short cell (序号, 牵头单位) stands where its
 * alignment puts it against that span.
 *
 * The page's baselines are cut into rows by dynamic programming, once per alignment: a row is feasible when each
 * column's lines in it form one block (no gap wider than a cell's pitch allows), the number column (序号) holds at
 * most one entry, a line across the columns (a category row) stands alone, and the blocks' anchors (first line,
 * middle or last line) agree. The fewest rows win: a wider gap between two lines of one column than the cell's
 * pitch costs more than a row (two cells of one column that touch are told apart by it), and a spread of the
 * anchors a little. The alignment whose rows cost least is the table's: under a wrong one, the cells of a row do
 * not agree and the rows break into pieces.
 */

/** How the cells of a row are set in it. */
export type Alignment = 'top' | 'middle' | 'bottom';

/** A piece of text of the table's body: its column (ACROSS for a line across the columns) and baseline. */
export interface RowItem {
  col: number;
  y: number;
  size: number;
}

/** The column of a piece across the columns (a category row: 一、…, （二）…). */
export const ACROSS = -1;

/** The rows found: for each item its row (0-based, top to bottom), and each row's first and last baseline. */
export interface RowSplit {
  align: Alignment;
  rowOf: number[];
  rows: { first: number; last: number }[];
}

/** Baselines closer than this many font sizes are one line. */
const SAME_LINE = 0.2;
/** Anchors of one row's cells agree within this many font sizes. */
const AGREE = 0.3;
/** A gap between two lines of one column up to this share of a pitch over the pitch is a cell's own. */
const TIGHT = 0.05;
/** No cell has a gap between its lines of more than this many pitches. */
const MAX_GAP = 2;
/** The cost of a gap between two lines of one cell wider than a tight one (against 1 for a row). */
const LOOSE_COST = 1.5;
/** The cost of the anchors' spread, per font size (ties between equal counts of rows). */
const SPREAD_COST = 0.01;
/** The cost of a cell let off the agreement as one cut by a page break. */
const CUT_COST = 0.05;
/** Alignments in the order of preference when they cost the same. */
const ALIGNMENTS: Alignment[] = ['top', 'middle', 'bottom'];

/**
 * The rows of `items` (a table's body on one page), or null when there is no item. `pitch` is the distance of
 * two lines of one cell; `number` the number column (序号), or -1.
 */
export function splitRows(items: readonly RowItem[], pitch: number, number: number): RowSplit | null {
  if (items.length === 0) return null;
  const size = median(items.map((i) => i.size));
  // The page's lines: baselines within SAME_LINE font sizes of the line's first are one.
  const order = items.map((_, k) => k).sort((a, b) => items[a]!.y - items[b]!.y);
  const lineOf: number[] = [];
  const lineY: number[] = [];
  let from = -Infinity;
  for (const k of order) {
    const y = items[k]!.y;
    if (y - from > SAME_LINE * size) {
      from = y;
      lineY.push(y);
    }
    lineOf[k] = lineY.length - 1;
  }
  // The columns standing on each line, each with its own baseline there (the highest of its pieces).
  const colsOn: Map<number, number>[] = lineY.map(() => new Map());
  items.forEach((it, k) => {
    const cols = colsOn[lineOf[k]!]!;
    cols.set(it.col, Math.min(cols.get(it.col) ?? Infinity, it.y));
  });
  let best: { cost: number; align: Alignment; cuts: number[] } | null = null;
  for (const align of ALIGNMENTS) {
    const got = cut(lineY, colsOn, align, pitch, number, size);
    if (got && (!best || got.cost < best.cost - 1e-9)) best = { ...got, align };
  }
  if (!best) return null;
  // cuts: the first line of each row.
  const rowOfLine: number[] = [];
  const rows: { first: number; last: number }[] = [];
  best.cuts.forEach((a, r) => {
    const b = r + 1 < best.cuts.length ? best.cuts[r + 1]! : lineY.length;
    for (let l = a; l < b; l++) rowOfLine[l] = r;
    rows.push({ first: lineY[a]!, last: lineY[b - 1]! });
  });
  return { align: best.align, rowOf: items.map((_, k) => rowOfLine[lineOf[k]!]!), rows };
}

interface Block {
  first: number;
  last: number;
}

/** The cheapest cut of the lines into rows under `align`: its cost and the first line of each row. */
function cut(
  lineY: readonly number[],
  colsOn: readonly ReadonlyMap<number, number>[],
  align: Alignment,
  pitch: number,
  number: number,
  size: number,
): { cost: number; cuts: number[] } | null {
  const n = lineY.length;
  const cost = Array<number>(n + 1).fill(Infinity);
  const back = Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  const tight = pitch * (1 + TIGHT) + 0.05 * size;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(cost[i]!)) continue;
    const blocks = new Map<number, Block>();
    let loose = 0;
    for (let j = i; j < n; j++) {
      const y = lineY[j]!;
      // A row is one stretch: no gap between its lines wider than a cell's lines may be apart.
      if (j > i && y - lineY[j - 1]! > MAX_GAP * pitch) break;
      let broken = false;
      for (const [c, at] of colsOn[j]!) {
        const b = blocks.get(c);
        if (!b) {
          blocks.set(c, { first: at, last: at });
          continue;
        }
        const gap = at - b.last;
        // One number (序号) a row.
        if (gap > MAX_GAP * pitch || c === number) {
          broken = true;
          break;
        }
        if (gap > tight) loose++;
        b.last = at;
      }
      // A category row across the columns stands alone.
      if (broken || (blocks.has(ACROSS) && blocks.size > 1)) break;
      // A row cut by a page break (the page's first or last): the cells going on over the break fill its part
      // on this page from its top; the others are set as the table sets them, in a part that reaches the page's
      // edge. They are let off the agreement, at a cost, only when the row's cells do not agree without it. Cells
      // set at the top need no exception; the first row goes on from the page before only without a number.
      const all = [...blocks.values()];
      let spread = spreadOf(all, align);
      let off = 0;
      if (spread > AGREE * size && align !== 'top' && ((i === 0 && !blocks.has(number)) || j === n - 1)) {
        const kept = all.filter((b) => b.first - lineY[i]! > AGREE * size);
        spread = spreadOf(kept, align);
        off = all.length - kept.length;
      }
      if (spread > AGREE * size) continue;
      const c = cost[i]! + 1 + LOOSE_COST * loose + CUT_COST * off + (SPREAD_COST * spread) / size;
      if (c < cost[j + 1]! - 1e-9) {
        cost[j + 1] = c;
        back[j + 1] = i;
      }
    }
  }
  if (!Number.isFinite(cost[n]!)) return null;
  const cuts: number[] = [];
  for (let j = n; j > 0; j = back[j]!) cuts.unshift(back[j]!);
  return { cost: cost[n]!, cuts };
}

/** How far apart the blocks' anchors lie under `align` (0 for none). */
function spreadOf(blocks: readonly Block[], align: Alignment): number {
  if (blocks.length === 0) return 0;
  const anchors = blocks.map((b) =>
    align === 'top' ? b.first : align === 'bottom' ? b.last : (b.first + b.last) / 2,
  );
  return Math.max(...anchors) - Math.min(...anchors);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
