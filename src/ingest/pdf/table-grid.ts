/**
 * Ruled tables on one PDF page: the page's rules (table-rules.ts) are merged into lines, lines that cross form
 * a grid, and the grid's slots are joined into cells wherever the rule between them is missing (a merged
 * cell). Each text run goes to the cell whose box holds its middle; a cell's runs are read line by line.
 */
import type { Rule } from './table-rules.js';
import type { TextRun } from './types.js';

/** A box on a page: left, top, width, height (points, origin at the top left). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A cell of a page grid: its slots (rows r0..r1, columns c0..c1, inclusive), its box and its text. */
export interface GridCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  box: Box;
  text: string;
}

/** A ruled grid found on one page. */
export interface PageGrid {
  page: number;
  /** The x of each vertical line, left to right (columns + 1 values). */
  xs: number[];
  /** The y of each horizontal line, top to bottom (rows + 1 values). */
  ys: number[];
  cells: GridCell[];
  /** The runs inside the grid (taken out of the page's text when the grid is read as a table). */
  runs: TextRun[];
  /** No rule closes the grid's last (first) row: the vertical lines go on past the last (first) horizontal one. */
  openBottom?: boolean;
  openTop?: boolean;
  /** The columns were found from the text, not from rules (table-free.ts): their edges are less exact. */
  inferred?: boolean;
  /** Of an inferred grid: its first row below the header goes on from the page before (its 序号 cell is empty). */
  contTop?: boolean;
  /**
   * Of an inferred grid: the merged columns (方案, 类别) whose text runs down to the grid's last line (cut by the
   * page break), and those whose text starts on its first line below the header (going on from the page before).
   * Of a ruled grid: the column whose last cell's text overflows the grid's open bottom (see `overflow`), which
   * goes on in the first row of the next page.
   */
  mergedToBottom?: number[];
  mergedFromTop?: number[];
  /**
   * Of an inferred grid: its columns (the left edge of each, the header's kinds, the text's font size, the
   * table's right edge), whether it runs to the end of its page's text, and the last 序号 it holds, so that
   * the next page's rows can be read under the same columns when the header is not repeated there.
   */
  columns?: FreeColumns;
  /** Of an inferred grid read under the columns of the page before: its row 0 is an empty header row. */
  headless?: boolean;
}

/** The columns of an inferred grid, carried over a page break (see PageGrid.columns). */
export interface FreeColumns {
  edges: number[];
  kinds: (string | null)[];
  size: number;
  right: number;
  endsPage: boolean;
  lastNumber: number | null;
}

/** Rules closer than this (points) lie on the same line; segments of one line with a smaller gap join. */
const SNAP = 2;
/** How far (points) a line may stop short of the line it meets and still meet it. */
const REACH = 3;
/** Where the middle of a glyph lies above its baseline, in font sizes. */
const MID = 0.35;
/** Runs whose baselines differ by less than this many font sizes are on one line of a cell. */
const SAME_LINE = 0.5;
/** A gap between runs wider than this many font sizes is a space (between non-CJK text). */
const SPACE_GAP = 0.2;

/** A mesh of more slots than this is a drawing (graph paper, a chart), not a table. */
const MAX_SLOTS = 20_000;

/** A line: the union of the collinear rules at one position, as sorted disjoint intervals. */
interface Line {
  at: number;
  spans: [number, number][];
}

/** Merges the rules of one direction into lines. */
function lines(rules: Rule[]): Line[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  const groups: Rule[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && r.at - g[g.length - 1]!.at <= SNAP) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    const at = g.reduce((s, r) => s + r.at, 0) / g.length;
    const spans: [number, number][] = [];
    for (const r of [...g].sort((a, b) => a.from - b.from)) {
      const last = spans[spans.length - 1];
      if (last && r.from <= last[1] + SNAP) last[1] = Math.max(last[1], r.to);
      else spans.push([r.from, r.to]);
    }
    return { at, spans };
  });
}

const covers = (line: Line, v: number, reach = 0): boolean =>
  line.spans.some(([a, b]) => a - reach <= v && v <= b + reach);

const meets = (h: Line, v: Line): boolean => covers(h, v.at, REACH) && covers(v, h.at, REACH);

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** The groups of horizontal and vertical lines that meet one another (each group a candidate grid). */
function meshes(hs: Line[], vs: Line[]): { hs: Line[]; vs: Line[] }[] {
  const uf = new UnionFind(hs.length + vs.length);
  hs.forEach((h, i) => vs.forEach((v, j) => meets(h, v) && uf.union(i, hs.length + j)));
  const groups = new Map<number, { hs: Line[]; vs: Line[] }>();
  const group = (k: number) => {
    const root = uf.find(k);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { hs: [], vs: [] }));
    return g;
  };
  hs.forEach((h, i) => group(i).hs.push(h));
  vs.forEach((v, j) => group(hs.length + j).vs.push(v));
  return [...groups.values()];
}

/** The text of a cell's runs: lines top to bottom, runs left to right, lines joined by a line break. */
export function runsText(runs: readonly TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const r of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(r.y - row[0]!.y) < SAME_LINE * Math.max(r.size, row[0]!.size)) row.push(r);
    else rows.push([r]);
  }
  return rows
    .map((row) =>
      row
        .sort((a, b) => a.x - b.x)
        .reduce((acc, r, k) => {
          if (k === 0) return r.text;
          const prev = row[k - 1]!;
          const gap = r.x - (prev.x + prev.w);
          const cjk =
            /[\u3000-\u9fff\uff00-\uffef]$/u.test(acc) || /^[\u3000-\u9fff\uff00-\uffef]/u.test(r.text);
          return acc + (!cjk && gap > SPACE_GAP * r.size && !/\s$/.test(acc) ? ' ' : '') + r.text;
        }, ''),
    )
    .join('\n');
}

/** A character's advance in font sizes, as far as it can be told without the font: CJK and full-width 1, others ½. */
export const advance = (ch: string): number =>
  /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 1 : 0.5;

/**
 * Cuts a run at the vertical lines it crosses: a PDF reader may give the texts of neighbouring cells on one
 * baseline as one run ("力争所 市工信局"). Glyph places are estimated from the run's width; spaces at a cut go.
 */
export function splitAt(run: TextRun, lines: readonly number[]): TextRun[] {
  const inner = lines.filter((x) => x > run.x + run.size / 2 && x < run.x + run.w - run.size / 2);
  if (inner.length === 0) return [run];
  const chars = [...run.text];
  const units = chars.map(advance);
  const scale = run.w / units.reduce((a, b) => a + b, 0);
  const out: TextRun[] = [];
  let from = 0;
  let x = run.x;
  let at = run.x;
  const push = (to: number, end: number): void => {
    const text = chars.slice(from, to).join('');
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed !== '') {
      const skip = units.slice(from, from + lead).reduce((a, b) => a + b, 0) * scale;
      out.push({ ...run, text: trimmed, x: x + skip, w: end - x - skip });
    }
    from = to;
    x = end;
  };
  let next = 0;
  chars.forEach((_, k) => {
    const mid = at + (units[k]! * scale) / 2;
    while (next < inner.length && mid > inner[next]!) {
      push(k, at);
      next++;
    }
    at += units[k]! * scale;
  });
  push(chars.length, at);
  return out;
}

/** The first overflowing line's baseline stands at most this many font sizes below the grid's open bottom. */
const OVERFLOW_GAP = 2;
/** Baselines of one cell's overflowing lines are at most this many font sizes apart. */
const OVERFLOW_PITCH = 1.8;

/**
 * The runs of a cell's text that overflow a grid open at its bottom (the table goes on over the page break):
 * a typesetter that cuts a row at the break may end the row's box at its shortest cell and still print the
 * lines of a taller cell (WeasyPrint: a cell merged over rows that opens on the page's last row) below it. They
 * are the lines right under the grid, one font size's pitch apart, each inside the column of a cell on the
 * grid's last row that holds text, and alone on their line. They are added to that cell (`held`); the runs
 * and the cell's column are returned (the cell goes on in that column on the next page), or null when none.
 */
function overflow(
  cells: readonly GridCell[],
  held: Map<GridCell, TextRun[]>,
  xs: readonly number[],
  bottom: number,
  runs: readonly TextRun[],
  inside: readonly TextRun[],
): { runs: TextRun[]; col: number } | null {
  const taken = new Set(inside);
  const below = runs.filter((r) => !taken.has(r) && r.y - MID * r.size > bottom).sort((a, b) => a.y - b.y);
  const last = cells.filter((c) => c.r1 === Math.max(...cells.map((x) => x.r1)));
  const out: TextRun[] = [];
  let y = bottom;
  let target: GridCell | null = null;
  for (let i = 0; i < below.length;) {
    const line = below.filter((r) => Math.abs(r.y - below[i]!.y) < SAME_LINE * r.size);
    i += line.length;
    const size = Math.max(...line.map((r) => r.size));
    if (line[0]!.y - y > (out.length === 0 ? OVERFLOW_GAP : OVERFLOW_PITCH) * size) break;
    const x0 = Math.min(...line.map((r) => r.x));
    const x1 = Math.max(...line.map((r) => r.x + r.w));
    const cell = last.find(
      (c) => c.c0 === c.c1 && xs[c.c0]! - 1 <= x0 && x1 <= xs[c.c1 + 1]! + 1 && held.get(c)!.length > 0,
    );
    if (!cell || (target && cell !== target)) break;
    target = cell;
    held.get(cell)!.push(...line);
    out.push(...line);
    y = line[0]!.y;
  }
  return target ? { runs: out, col: target.c0 } : null;
}

/** Reads one mesh into a grid, or null when it is not a table (fewer than two rows or two columns). */
function gridOf(page: number, mesh: { hs: Line[]; vs: Line[] }, runs: readonly TextRun[]): PageGrid | null {
  const hs = [...mesh.hs].sort((a, b) => a.at - b.at);
  const vs = [...mesh.vs].sort((a, b) => a.at - b.at);
  if (hs.length === 0 || vs.length === 0) return null;
  // A row cut by the page break may have no rule on its open side (Chromium draws none): the vertical lines
  // going on past the last (or first) horizontal line bound it.
  const left = vs[0]!.at;
  const right = vs[vs.length - 1]!.at;
  const bottom = Math.max(...vs.map((v) => v.spans[v.spans.length - 1]![1]));
  const top = Math.min(...vs.map((v) => v.spans[0]![0]));
  const openBottom = bottom > hs[hs.length - 1]!.at + REACH;
  const openTop = top < hs[0]!.at - REACH;
  if (openBottom) hs.push({ at: bottom, spans: [[left, right]] });
  if (openTop) hs.unshift({ at: top, spans: [[left, right]] });
  const ys = hs.map((h) => h.at);
  const xs = vs.map((v) => v.at);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 2 || cols < 2 || rows * cols > MAX_SLOTS) return null;
  const uf = new UnionFind(rows * cols);
  const slot = (r: number, c: number) => r * cols + c;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const ym = (ys[r]! + ys[r + 1]!) / 2;
      const xm = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !covers(vs[c + 1]!, ym)) uf.union(slot(r, c), slot(r, c + 1));
      if (r + 1 < rows && !covers(hs[r + 1]!, xm)) uf.union(slot(r, c), slot(r + 1, c));
    }
  const byRoot = new Map<number, GridCell>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = uf.find(slot(r, c));
      const cell = byRoot.get(root);
      if (!cell) byRoot.set(root, { r0: r, r1: r, c0: c, c1: c, box: { x: 0, y: 0, w: 0, h: 0 }, text: '' });
      else {
        cell.r1 = Math.max(cell.r1, r);
        cell.c0 = Math.min(cell.c0, c);
        cell.c1 = Math.max(cell.c1, c);
      }
    }
  const cells = [...byRoot.values()];
  const inside: TextRun[] = [];
  const held = new Map<GridCell, TextRun[]>();
  for (const cell of cells) {
    cell.box = {
      x: xs[cell.c0]!,
      y: ys[cell.r0]!,
      w: xs[cell.c1 + 1]! - xs[cell.c0]!,
      h: ys[cell.r1 + 1]! - ys[cell.r0]!,
    };
    held.set(cell, []);
  }
  for (const whole of runs) {
    let taken = false;
    for (const run of splitAt(whole, xs.slice(1, -1))) {
      const [x, y] = [run.x + run.w / 2, run.y - MID * run.size];
      if (x < xs[0]! || x > xs[cols]! || y < ys[0]! || y > ys[rows]!) continue;
      const c = xs.findIndex((v, k) => k < cols && x >= v && x <= xs[k + 1]!);
      const r = ys.findIndex((v, k) => k < rows && y >= v && y <= ys[k + 1]!);
      const cell = cells.find((g) => g.r0 <= r && r <= g.r1 && g.c0 <= c && c <= g.c1);
      if (!cell) continue;
      held.get(cell)!.push(run);
      taken = true;
    }
    if (taken) inside.push(whole);
  }
  const over = openBottom ? overflow(cells, held, xs, ys[rows]!, runs, inside) : null;
  if (over) inside.push(...over.runs);
  for (const cell of cells) cell.text = runsText(held.get(cell)!);
  cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return {
    page,
    xs,
    ys,
    cells,
    runs: inside,
    ...(openBottom ? { openBottom } : {}),
    ...(openTop ? { openTop } : {}),
    ...(over ? { mergedToBottom: [over.col] } : {}),
  };
}

/** The stretches of lines, each a line of its own. */
const pieces = (ls: Line[]): Line[] =>
  ls.flatMap((l) => l.spans.map((span): Line => ({ at: l.at, spans: [span] })));

/** A line's stretches as rules again (the direction does not matter to `lines`). */
const stretches = (l: Line): Rule[] => l.spans.map(([from, to]) => ({ dir: 'v', at: l.at, from, to }));

/** The ruled grids of a page, top to bottom. */
export function pageGrids(page: number, rules: readonly Rule[], runs: readonly TextRun[]): PageGrid[] {
  if (rules.length < 4) return [];
  // Each stretch of a line meets others on its own: a column line and a box far below it (a footer's frame)
  // that happen to be collinear are not one grid. The stretches of one grid are joined again into its lines.
  const hs = pieces(lines(rules.filter((r) => r.dir === 'h')));
  const vs = pieces(lines(rules.filter((r) => r.dir === 'v')));
  return meshes(hs, vs)
    .map((m) => ({ hs: lines(m.hs.flatMap(stretches)), vs: lines(m.vs.flatMap(stretches)) }))
    .map((m) => gridOf(page, m, runs))
    .filter((g): g is PageGrid => g !== null)
    .sort((a, b) => a.ys[0]! - b.ys[0]!);
}
