/**
 * Task tables without vertical rules in PDFs: a 三线表 (a rule above and below the table and one under its
 * header), rules between rows only, or no rules at all. No grid can be drawn from the rules, so the grid comes
 * from the text itself:
 * - the header: a baseline holding at least MIN_KINDS kinds of header word of the table grammar, each a run of
 *   its own ("序号", "重点任务", "牵头单位"), with the wrapped lines of its cells ("序↵号") just above and below,
 *   bounded by the rules above and below it when there are any;
 * - the columns: under each header cell, the x where the lines of the cells below start (the left edges of the
 *   text pieces cluster: a cell's lines start at its column's edge) — one column per header cell;
 * - the rows: the horizontal rules across the table when it draws them between rows; else the rows whose cells
 *   agree as cells set at the top, in the middle or at the bottom of their rows (table-rows.ts); the lines of a
 *   merged column (方案, 类别) stay with the cell they go on, over a page break too;
 * - the end: the first line that does not fit the columns (a line across the table, a piece that starts in
 *   no column), or a gap of many lines.
 * The result is a PageGrid as a ruled table gives it, so that tables over pages are joined and read the same
 * way (table.ts); a grid whose header the grammar does not know stays text. Prose never holds such a header
 * line: a page without one gives nothing.
 */
import { normaliseText } from '../../layout/normalise.js';
import { tableGrammar, type ColumnKind } from '../table/header.js';
import { runRows } from './lines.js';
import { advance, runsText, splitAt, type FreeColumns, type GridCell, type PageGrid } from './table-grid.js';
import type { Rule } from './table-rules.js';
import { ACROSS, splitRows, type RowItem } from './table-rows.js';
import type { PageText, TextRun } from './types.js';

/** A header line names at least this many kinds of column (one more than a ruled grid needs: no rule vouches). */
const MIN_KINDS = 3;
/** Runs of one line closer than this many font sizes are one piece of text (a cell's line). */
const PIECE_GAP = 0.25;
/** Lines of the header band are at most this many font sizes apart (wrapped header cells, often centred). */
const BAND_PITCH = 1.05;
/** A rule at most this many font sizes above or below the header line bounds the header band. */
const BAND_RULE = 3;
/** Left edges closer than this (points) are one edge. */
const EDGE_SNAP = 1.5;
/** A piece may start this many font sizes left of its column's edge. */
const EDGE_SLACK = 0.3;
/** A horizontal rule across at least this share of the table's width is a rule of the table. */
const WIDE_RULE = 0.5;
/** A gap of more than this many font sizes between two lines ends the table. */
const END_GAP = 5;
/** A piece across columns that reaches this close (font sizes) to the table's right edge is a line of prose. */
const FULL_LINE = 2;
/** The pitch of a cell's lines, in font sizes, when no column has two lines to measure it by. */
const LINE_PITCH = 1.2;
/** Lines of a merged column's cell are at most this many times the usual line pitch apart. */
const CELL_PITCH = 1.25;

interface Piece {
  runs: TextRun[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

/** The run each piece of a run cut at its spaces came from. */
const origin = new WeakMap<TextRun, TextRun>();

/**
 * A run cut at its inner spaces: a PDF reader gives two cells' texts on one baseline as one run with a space
 * between ("10 加快门禁系统建设"). Spaces at its ends go too: a run with a trailing space ("管委会、 ", as WeasyPrint
 * writes a cell's line) would otherwise reach the next cell's text and hide the gap between them. Glyph places
 * are estimated from the run's width.
 */
function splitSpaces(run: TextRun): TextRun[] {
  if (!/\S\s+\S|^\s+\S|\S\s+$/u.test(run.text)) return [run];
  const chars = [...run.text];
  const units = chars.map(advance);
  const scale = run.w / units.reduce((a, b) => a + b, 0);
  const out: TextRun[] = [];
  let x = run.x;
  let word = '';
  let wx = x;
  chars.forEach((ch, k) => {
    if (/\s/u.test(ch)) {
      if (word !== '') out.push({ ...run, text: word, x: wx, w: x - wx });
      word = '';
    } else {
      if (word === '') wx = x;
      word += ch;
    }
    x += units[k]! * scale;
  });
  if (word !== '') out.push({ ...run, text: word, x: wx, w: x - wx });
  for (const r of out) origin.set(r, run);
  return out;
}

/** The pieces of a line: its runs joined where the gap between them is small. */
function pieces(line: readonly TextRun[]): Piece[] {
  const out: Piece[] = [];
  for (const r of line) {
    const last = out[out.length - 1];
    if (last && r.x - last.x1 <= PIECE_GAP * Math.max(r.size, last.size)) {
      last.runs.push(r);
      last.x1 = Math.max(last.x1, r.x + r.w);
      last.text += r.text;
    } else out.push({ runs: [r], x0: r.x, x1: r.x + r.w, y: r.y, size: r.size, text: r.text });
  }
  return out;
}

/** A visible gap between two runs of a piece is at least this many font sizes. */
const RUN_GAP = 0.1;

/**
 * A line's pieces cut where a visible gap between two of their runs holds a column's edge: two cells' texts a
 * narrow padding apart (a full cell's line, then the next cell's) are two pieces.
 */
function atEdges(line: Piece[], edges: readonly number[], slack: number): Piece[] {
  return line.flatMap((p) => {
    const out: Piece[] = [];
    let cur: Piece | null = null;
    for (const r of p.runs) {
      const edge =
        cur !== null &&
        r.x - cur.x1 > RUN_GAP * r.size &&
        edges.some((e) => cur!.x1 <= e + slack && r.x >= e - slack);
      if (cur && !edge) {
        cur.runs.push(r);
        cur.x1 = Math.max(cur.x1, r.x + r.w);
        cur.text += r.text;
        continue;
      }
      cur = { runs: [r], x0: r.x, x1: r.x + r.w, y: r.y, size: r.size, text: r.text };
      out.push(cur);
    }
    return out;
  });
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Horizontal rules merged: one [from, to] per stretch, at `at`. */
function wideRules(rules: readonly Rule[], left: number, right: number): number[] {
  const hs = rules.filter((r) => r.dir === 'h').sort((a, b) => a.at - b.at);
  const out: number[] = [];
  let i = 0;
  while (i < hs.length) {
    let j = i;
    while (j + 1 < hs.length && hs[j + 1]!.at - hs[i]!.at <= 2) j++;
    const group = hs.slice(i, j + 1).sort((a, b) => a.from - b.from);
    let covered = 0;
    let end = -Infinity;
    for (const r of group) {
      const a = Math.max(r.from, end, left);
      const b = Math.min(r.to, right);
      if (b > a) covered += b - a;
      end = Math.max(end, r.to);
    }
    if (covered >= WIDE_RULE * (right - left)) out.push(group.reduce((s, r) => s + r.at, 0) / group.length);
    i = j + 1;
  }
  return out;
}

/** The most supported left edge among `starts` (points), or null. */
function edgeOf(starts: number[]): number | null {
  if (starts.length === 0) return null;
  const s = [...starts].sort((a, b) => a - b);
  let best: { at: number; n: number } | null = null;
  for (let i = 0; i < s.length; i++) {
    let j = i;
    while (j + 1 < s.length && s[j + 1]! - s[i]! <= EDGE_SNAP) j++;
    if (!best || j - i + 1 > best.n) best = { at: s[i]!, n: j - i + 1 };
  }
  return best!.at;
}

/** A header cell: its runs and its kind. */
interface HeaderCell {
  x0: number;
  x1: number;
  runs: TextRun[];
}

/** The header cells of a band of lines: pieces that overlap in x across the band's lines are one cell. */
function headerCells(band: Piece[][]): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (const p of band.flat().sort((a, b) => a.x0 - b.x0)) {
    const hit = cells.find((c) => p.x0 < c.x1 && p.x1 > c.x0);
    if (hit) {
      hit.x0 = Math.min(hit.x0, p.x0);
      hit.x1 = Math.max(hit.x1, p.x1);
      hit.runs.push(...p.runs);
    } else cells.push({ x0: p.x0, x1: p.x1, runs: [...p.runs] });
  }
  return cells.sort((a, b) => a.x0 - b.x0);
}

const kindOf = (text: string): ColumnKind | null =>
  tableGrammar().exactKind(normaliseText(text.replace(/\s+/g, '')));

/**
 * The grids of task tables without vertical rules on a page, top to bottom. `taken` are the vertical extents of
 * grids already found from the rules: a header inside one is not looked at.
 */
export function unruledGrids(
  page: PageText,
  taken: readonly [number, number][] = [],
  carried?: FreeColumns,
): PageGrid[] {
  const lines = runRows(page.runs).map((l) => pieces(l.flatMap(splitSpaces)));
  const out: PageGrid[] = [];
  let from = 0;
  const isHeader = (l: Piece[]): boolean =>
    new Set(l.map((p) => kindOf(p.text)).filter((k) => k !== null)).size >= MIN_KINDS;
  // A table going on from the page before stands above the page's first header line (a repeated header is
  // read as the table's own, below).
  const headerAt = lines.findIndex(isHeader);
  const goesOn =
    carried && taken.length === 0
      ? continuedGrid(page, headerAt < 0 ? lines : lines.slice(0, headerAt), carried)
      : null;
  if (goesOn) {
    out.push(goesOn.grid);
    from = goesOn.next;
  }
  while (from < lines.length) {
    const at = lines.findIndex(
      (l, k) => k >= from && isHeader(l) && !taken.some(([a, b]) => l[0]!.y >= a && l[0]!.y <= b),
    );
    if (at < 0) break;
    const grid = gridAt(page, lines, at);
    if (!grid) {
      from = at + 1;
      continue;
    }
    out.push(grid.grid);
    from = grid.next;
  }
  return out;
}

/** At most this many lines (a running header) may stand above a table going on from the page before. */
const MAX_LEAD = 2;
/** Lines looked at for a table going on from the page before: up to the first with two cells, at most this many. */
const PROBE_LINES = 60;
/** Of those lines' cells, at least this share starts at a column edge of the table of the page before. */
const AT_EDGE = 0.75;

/**
 * A table without vertical rules that goes on from the page before without repeating its header: the page's
 * first lines (after at most MAX_LEAD others) read under the columns of the table that ran to the end of the
 * page before. Evidence from the table itself: the cells of those lines (each line's leftmost piece in each
 * column; a justified line is cut into more pieces) start at its column edges, in at least two columns, and its
 * 序号 sequence goes on (the first number is the next one, or 1 after a category row). The grid's row 0 is an
 * empty header row (`headless`), which table.ts drops when joining.
 */
function continuedGrid(
  page: PageText,
  lines: Piece[][],
  c: FreeColumns,
): { grid: PageGrid; next: number } | null {
  if (!c.endsPage) return null;
  const near = c.size * EDGE_SLACK + EDGE_SNAP;
  const colOf = (x: number) => c.edges.reduce((k, e, i) => (x >= e - near ? i : k), -1);
  /** Per cell of a line (its leftmost piece in a column): the column whose edge it starts at, or -1. */
  const cells = (l: Piece[]) => {
    const first = new Map<number, number>();
    for (const p of l) {
      const k = colOf(p.x0);
      if (!first.has(k) || p.x0 < first.get(k)!) first.set(k, p.x0);
    }
    return [...first].map(([k, x]) => (k >= 0 && Math.abs(x - c.edges[k]!) <= near ? k : -1));
  };
  for (let s = 0; s <= MAX_LEAD && s < lines.length; s++) {
    if (cells(lines[s]!).some((k) => k < 0)) continue;
    let end = s + 1;
    while (end < lines.length && end - s < PROBE_LINES && cells(lines[end - 1]!).length < 2) end++;
    const at = lines.slice(s, end).flatMap(cells);
    const fit = at.filter((k) => k >= 0);
    if (fit.length < AT_EDGE * at.length || new Set(fit).size < 2) return null;
    const y = lines[s]![0]!.y;
    const got = bodyGrid(page, lines, {
      start: s,
      edges: c.edges,
      heads: [],
      band: [],
      bandTop: y - 1.2 * c.size,
      bandBottom: y - 1.2 * c.size,
      size: c.size,
      right: c.right,
      lastY: y,
      kinds: c.kinds as (ColumnKind | null)[],
      headless: true,
    });
    if (!got) return null;
    const key = c.kinds.indexOf('number');
    if (key >= 0 && c.lastNumber !== null) {
      const first = got.grid.cells
        .filter((x) => x.r0 > 0 && x.c0 === key && x.c1 === key)
        .map((x) => numberOf(x.text))
        .find((n) => n !== null);
      if (first !== undefined && first !== c.lastNumber + 1 && first !== 1) return null;
    }
    return got;
  }
  return null;
}

/** The grid whose header line is `lines[at]`, and the index of the first line after it. */
function gridAt(page: PageText, lines: Piece[][], at: number): { grid: PageGrid; next: number } | null {
  const anchor = lines[at]!;
  const size = median(anchor.map((p) => p.size));
  const y0 = anchor[0]!.y;
  const allRules = page.rules ?? [];
  const left0 = Math.min(...anchor.map((p) => p.x0));
  const right0 = Math.max(...anchor.map((p) => p.x1));
  const hRules = wideRules(allRules, left0, right0);
  const ruleAbove = hRules.filter((y) => y < y0 - size && y > y0 - (BAND_RULE + 1) * size).pop();
  const ruleBelow = hRules.find((y) => y > y0 && y < y0 + BAND_RULE * size);
  // The header band: the anchor line and the lines of wrapped header cells next to it.
  let top = at;
  let bottom = at;
  const inBand = (k: number, near: number): boolean => {
    const l = lines[k];
    if (!l) return false;
    const y = l[0]!.y;
    if (Math.abs(y - lines[near]![0]!.y) > BAND_PITCH * size) {
      // Without the pitch, a rule still bounds the band.
      if (ruleBelow === undefined || y > ruleBelow || y < y0) return false;
    }
    if (ruleAbove !== undefined && y - size < ruleAbove - 1) return false;
    if (ruleBelow !== undefined && y > ruleBelow) return false;
    return true;
  };
  while (inBand(top - 1, top) && lines[top - 1]![0]!.y > y0 - 2 * size) top--;
  while (inBand(bottom + 1, bottom)) bottom++;
  const band = lines.slice(top, bottom + 1);
  const heads = headerCells(band);
  if (heads.length < MIN_KINDS) return null;
  const bandTop = ruleAbove ?? Math.min(...band.map((l) => l[0]!.y)) - size;
  const bandBottom = ruleBelow ?? Math.max(...band.map((l) => l[0]!.y)) + 0.3 * size;
  // Body lines below the band (a first pass, before the end is known: for the columns).
  const below = lines.slice(bottom + 1);
  const firstEdges = heads.map((h, k) => {
    const lo = k === 0 ? -Infinity : (heads[k - 1]!.x0 + heads[k - 1]!.x1) / 2;
    const hi = (h.x0 + h.x1) / 2;
    const starts = below
      .slice(0, 80)
      .flat()
      .map((p) => p.x0)
      .filter((x) => x > lo && x <= hi);
    return edgeOf(starts) ?? h.x0;
  });
  const edges = firstEdges.map((e, k) => (k > 0 && e <= firstEdges[k - 1]! ? heads[k]!.x0 : e));
  if (edges.some((e, k) => k > 0 && e <= edges[k - 1]!)) return null;
  return bodyGrid(page, lines, {
    start: bottom + 1,
    edges,
    heads,
    band,
    bandTop,
    bandBottom,
    size,
    right: Math.max(...heads.map((h) => h.x1)),
    lastY: Math.max(...band.map((l) => l[0]!.y)),
    kinds: heads.map((h) => kindOf(runsText(h.runs).replace(/\n/g, ''))),
  });
}

/** Where the body of a grid starts and what its columns are: from its header, or carried from the page before. */
interface BodyStart {
  /** Index of the body's first line. */
  start: number;
  edges: number[];
  heads: HeaderCell[];
  band: Piece[][];
  bandTop: number;
  bandBottom: number;
  size: number;
  right: number;
  lastY: number;
  kinds: (ColumnKind | null)[];
  /** Read under the columns of the page before: row 0 is an empty header row. */
  headless?: boolean;
}

/** The grid of the body lines from `at.start` that fit the columns, and the index of the first line after it. */
function bodyGrid(page: PageText, lines: Piece[][], at: BodyStart): { grid: PageGrid; next: number } | null {
  const { edges, heads, band, bandTop, bandBottom, size, kinds } = at;
  const allRules = page.rules ?? [];
  const slack = EDGE_SLACK * size;
  const colOf = (x: number): number => {
    let c = -1;
    for (let k = 0; k < edges.length; k++) if (x >= edges[k]! - slack) c = k;
    return c;
  };
  // Body: lines while they fit the columns.
  const body: Piece[][] = [];
  let right = at.right;
  let lastY = at.lastY;
  let next = at.start;
  for (; next < lines.length; next++) {
    const l = atEdges(lines[next]!, edges, slack);
    const y = l[0]!.y;
    if (body.length > 0 && y - lastY > END_GAP * size) break;
    const fits = l.every((p) => {
      const c = colOf(p.x0);
      if (c < 0) return false;
      const end = c + 1 < edges.length ? edges[c + 1]! : Infinity;
      if (p.x1 <= end + slack) return true;
      // Across columns: a category row starts at a column's edge and is short; a line of prose is not.
      return Math.abs(p.x0 - edges[c]!) <= slack && p.x1 < Math.max(right, p.x1) - FULL_LINE * size;
    });
    if (!fits) break;
    body.push(l);
    lastY = y;
    right = Math.max(right, ...l.filter((p) => colOf(p.x0) === edges.length - 1).map((p) => p.x1));
  }
  if (body.length < 2) return null;
  const bottomY = lastY + 0.3 * size;
  const left = Math.min(edges[0]!, ...heads.map((h) => h.x0)) - 1;
  right += 1;
  const xs = [left, ...edges.slice(1), right];
  const cols = edges.length;
  // Rows: the table's rules between rows, else new entries in the number (or title) column.
  const tableRules = wideRules(allRules, left, right).filter((y) => y > bandBottom + 1 && y < bottomY);
  const bodyPieces = body.flat();
  const starts: number[] = [];
  const merged = new Set(kinds.flatMap((k, c) => (k === 'plan' || k === 'category' ? [c] : [])));
  const pitch = pitchOf(body, colOf, size);
  let key = kinds.indexOf('number');
  if (key < 0) key = kinds.indexOf('title');
  if (key < 0) key = 0;
  // Rows found from the text (table-rows.ts): the row of each piece outside the merged columns.
  const pieceRow = new Map<Piece, number>();
  if (tableRules.length >= 2) {
    starts.push(...tableRules);
  } else {
    const rowed: Piece[] = [];
    const items: RowItem[] = [];
    for (const p of bodyPieces) {
      const c = colOf(p.x0);
      if (merged.has(c)) continue;
      // A piece across the columns from the number column or left of it: a category row.
      const across = c <= key && key + 1 < cols && p.x1 > edges[key + 1]! + slack;
      rowed.push(p);
      items.push({ col: across ? ACROSS : c, y: p.y, size: p.size });
    }
    const split = splitRows(items, pitch, kinds[key] === 'number' ? key : -1);
    if (split) {
      // Each row from the middle of the gap between the last line of the row before and its own first line.
      split.rows.forEach((r, k) => {
        if (k > 0) starts.push((split.rows[k - 1]!.last + r.first) / 2 - 0.3 * size);
      });
      rowed.forEach((p, k) => pieceRow.set(p, split.rowOf[k]! + 1));
    }
  }
  const ys =
    pieceRow.size > 0
      ? [bandTop, bandBottom, ...starts, bottomY]
      : [bandTop, bandBottom, ...starts.filter((s) => s > bandBottom + 1), bottomY];
  const rowOf = (y: number, s: number): number => {
    let r = 1;
    for (let k = 2; k < ys.length - 1; k++) if (y - 0.5 * s >= ys[k]!) r = k;
    return r;
  };
  const rows = ys.length - 1;
  if (rows < 3) return null;
  // Cells: runs by row and column; a piece across columns makes a spanning cell.
  const held = new Map<string, TextRun[]>();
  const spans = new Map<string, number>();
  const put = (r: number, c: number, runs: TextRun[]): void => {
    const key = `${r},${c}`;
    held.set(key, [...(held.get(key) ?? []), ...runs]);
  };
  for (const h of heads) put(0, Math.max(0, colOf((h.x0 + h.x1) / 2)), h.runs);
  const lastIn = new Map<number, { y: number; row: number }>();
  for (const p of bodyPieces.sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const c = colOf(p.x0);
    const end = c + 1 < cols ? xs[c + 1]! : Infinity;
    let row = pieceRow.get(p) ?? rowOf(p.y, p.size);
    if (p.x1 > end + slack) {
      // Pieces that are one run with a space at an edge hold two cells' texts.
      const cut = p.runs.flatMap((r) => (/\s/.test(r.text) ? splitAt(r, xs.slice(1, -1)) : [r]));
      if (cut.length > p.runs.length) {
        for (const r of cut) put(row, colOf(r.x), [r]);
        continue;
      }
      const c1 = Math.max(c, colOf(p.x1 - slack));
      spans.set(`${row},${c}`, Math.max(spans.get(`${row},${c}`) ?? c, c1));
    }
    if (merged.has(c)) {
      const prev = lastIn.get(c);
      if (prev && p.y - prev.y <= CELL_PITCH * pitch + 0.5) row = prev.row;
      lastIn.set(c, { y: p.y, row });
    }
    put(row, c, p.runs);
  }
  // A row whose only text (besides merged columns) runs across columns from the number column or left of it is
  // a category row: one cell to the table's end, as a merged cell would be.
  for (const [at, c1] of spans) {
    const [r, c] = at.split(',').map(Number) as [number, number];
    const others = [...held.keys()].filter((k) => {
      const [kr, kc] = k.split(',').map(Number) as [number, number];
      return kr === r && kc > c1 && !merged.has(kc);
    });
    if (c <= key && others.length === 0) spans.set(at, cols - 1);
  }
  // Rows that hold nothing (a start just below the header's rule) are dropped.
  const used = [...Array(rows).keys()].filter(
    (r) => r === 0 || [...held.keys()].some((k) => k.startsWith(`${r},`)),
  );
  const cells: GridCell[] = [];
  for (const [n, r] of used.entries()) {
    const nextY = n + 1 < used.length ? ys[used[n + 1]!]! : ys[ys.length - 1]!;
    for (let c = 0; c < cols;) {
      const c1 = spans.get(`${r},${c}`) ?? c;
      const runs: TextRun[] = [];
      for (let k = c; k <= c1; k++) runs.push(...(held.get(`${r},${k}`) ?? []));
      cells.push({
        r0: n,
        r1: n,
        c0: c,
        c1,
        box: { x: xs[c]!, y: ys[r]!, w: xs[c1 + 1]! - xs[c]!, h: nextY - ys[r]! },
        text: runsText(runs),
      });
      c = c1 + 1;
    }
  }
  // The first row goes on from the page before when its key cell (序号) is empty.
  const first = cells.filter((c) => c.r0 === 1);
  const contTop =
    first.some((c) => c.text !== '') && first.some((c) => c.c0 <= key && key <= c.c1 && c.text === '');
  const runs = [
    ...new Set([...band.flat(), ...bodyPieces].flatMap((p) => p.runs.map((r) => origin.get(r) ?? r))),
  ];
  const ysUsed = [...used.map((r) => ys[r]!), ys[ys.length - 1]!];
  // A merged column's text cut by the page break runs down to the table's last line on the page, and goes on
  // from the first line below the header on the next.
  const baselines = bodyPieces.map((p) => p.y);
  const [firstY, endY] = [Math.min(...baselines), Math.max(...baselines)];
  const mergedAt = (at: number, reach = 0.5 * size) =>
    [...merged].filter((c) => bodyPieces.some((p) => colOf(p.x0) === c && Math.abs(p.y - at) < reach));
  // The table runs to the end of its page's text when nothing follows it but a short line (a page number).
  const after = lines.slice(next);
  const endsPage =
    after.length === 0 || (after.length === 1 && after[0]!.reduce((n, p) => n + p.text.length, 0) <= 8);
  const numbers =
    key >= 0 && kinds[key] === 'number' ? cells.filter((c) => c.r0 > 0 && c.c0 === key && c.c1 === key) : [];
  const lastNumber =
    numbers
      .map((c) => numberOf(c.text))
      .filter((n) => n !== null)
      .pop() ?? null;
  const grid: PageGrid = {
    page: page.page,
    xs,
    ys: ysUsed,
    cells,
    runs,
    inferred: true,
    contTop,
    columns: { edges, kinds, size, right: right - 1, endsPage, lastNumber },
    ...(at.headless ? { headless: true } : {}),
  };
  if (merged.size > 0)
    // To the bottom: on the last line, or on the line above it (a producer that keeps a cell's last lines
    // together moves the line that would stand on the page's last line to the next page).
    Object.assign(grid, {
      mergedToBottom: mergedAt(endY, pitch + 0.5 * size),
      mergedFromTop: mergedAt(firstY),
    });
  return { grid, next };
}

/** The number a 序号 cell holds ("12", "12."), or null. */
function numberOf(text: string): number | null {
  const m = /^\s*(\d{1,4})\s*[.、]?\s*$/.exec(normaliseText(text));
  return m ? Number(m[1]) : null;
}

/** The usual distance between the baselines of two lines of one cell: of consecutive lines of one column. */
function pitchOf(body: Piece[][], colOf: (x: number) => number, size: number): number {
  const last = new Map<number, number>();
  const d: number[] = [];
  for (const l of body)
    for (const c of new Set(l.map((p) => colOf(p.x0)))) {
      const y = Math.min(...l.filter((p) => colOf(p.x0) === c).map((p) => p.y));
      const prev = last.get(c);
      if (prev !== undefined && y > prev) d.push(y - prev);
      last.set(c, y);
    }
  // The smallest distance that recurs: a cell's lines are the closest lines of a column.
  const sorted = d.sort((a, b) => a - b);
  const recurring = sorted.find((x, k) => k + 1 < sorted.length && sorted[k + 1]! - x <= 0.5);
  // Else the smallest: lines of one cell are never further apart than lines of two rows.
  return recurring ?? sorted[0] ?? LINE_PITCH * size;
}
