/**
 * The geometric evidence of the paragraph model for paged lines (a PDF's text layer, an OCR pass): each line's
 * place against its column's edges on its page, and the vertical gaps between lines. The text evidence (markers,
 * labels, sentence ends, titles, notes) is read in paragraphs.ts for every input alike; here only what a page's
 * geometry says:
 *   - indent: the line starts right of its column's left edge (a first-line indent; a centred or flush-right line);
 *   - stops short: it ends before its column's right edge (room for more characters);
 *   - fill: how much of the column's width it covers;
 *   - gap: the baseline step before it is larger than the usual line pitch;
 *   - size: (read in paragraphs.ts from `fontSize`).
 * Edges are taken per page and column (`column`), from the left and right edge most lines share, so that one
 * overhanging or indented line does not move them; a page whose lines are all indented, or whose few lines all stop
 * short (the end of a letter: signature and date), takes the usual edges of its column on the other pages.
 */

/** The geometry of a paged line (see LayoutLine in paragraphs.ts). */
export interface PagedLine {
  x0?: number;
  x1?: number;
  y?: number;
  page?: number;
  fontSize?: number;
  /** The column of the page the line stands in (a two-column page: left or right; a line across: full). */
  column?: string;
  /** A paragraph of its own (a cell of a ruled grid): not measured for edges or pitch. */
  block?: boolean;
}

/** What the geometry says of each line. */
export interface LineGeometry {
  /** The line starts right of its column's left edge. */
  indent: boolean[];
  /** How many font sizes the line stops before its column's right edge. */
  room: number[];
  /** The share of its column's width the line reaches from the left edge. */
  fill: number[];
  /** A vertical gap over the usual pitch stands before the line (same page and column). */
  gap: boolean[];
}

/** Indented: starts more than this many font sizes right of the column's left edge. */
export const INDENT = 0.8;
/** A page (or column) of at most this many lines may be the end of a letter, with no full line of its own. */
const FEW_LINES = 4;
/** A gap between baselines over this many times the usual line pitch separates paragraphs. */
const GAP = 1.6;

/** A column of one page: its left and right edges. */
interface Edges {
  left: number;
  right: number;
}

const measured = (l: PagedLine): boolean => !l.block && l.x0 !== undefined && l.x1 !== undefined;
const keyOf = (l: PagedLine): string => `${l.page ?? 0}:${l.column ?? 'full'}`;
const sizeOf = (l: PagedLine): number => l.fontSize ?? 1;

/** True when some line has a box (x0 and x1): the input is paged. */
export const isPaged = (lines: readonly PagedLine[]): boolean => lines.some(measured);

/** The edge most lines share: the smallest (or largest) value that at least two values lie close to. */
export function robustEdge(values: number[], tolerance: number, side: 'min' | 'max'): number {
  const s = [...values].sort((a, b) => (side === 'min' ? a - b : b - a));
  const near = (a: number, b: number) => Math.abs(a - b) <= tolerance;
  return s.find((v, i) => s.slice(i + 1).some((w) => near(v, w))) ?? s[0]!;
}

function columnEdges(lines: PagedLine[]): Map<string, Edges> {
  const groups = new Map<string, PagedLine[]>();
  for (const l of lines) groups.set(keyOf(l), [...(groups.get(keyOf(l)) ?? []), l]);
  const edges = new Map<string, Edges>();
  for (const [k, ls] of groups) {
    const size = sizeOf(ls[0]!);
    edges.set(k, {
      left: robustEdge(
        ls.map((l) => l.x0!),
        size / 2,
        'min',
      ),
      right: robustEdge(
        ls.map((l) => l.x1!),
        size,
        'max',
      ),
    });
  }
  // A page whose lines all start indented (a page of one-line paragraphs) takes the usual edge of its column; a
  // page of a few lines that all stop short of it (the end of a letter: signature and date, flush right), the
  // usual right edge.
  const size = sizeOf(lines[0]!);
  const column = (k: string) => k.slice(k.indexOf(':') + 1);
  const usualOf = (col: string, edge: 'left' | 'right'): number | undefined => {
    const own = [...edges].filter(([k]) => column(k) === col).map(([, e]) => e[edge]);
    return own.sort((a, b) => a - b)[Math.floor(own.length / 2)];
  };
  for (const col of new Set([...edges.keys()].map(column))) {
    const [left, right] = [usualOf(col, 'left'), usualOf(col, 'right')];
    if (left === undefined || right === undefined) continue;
    for (const [k, e] of edges) {
      if (column(k) !== col) continue;
      if (e.left > left + size) e.left = left;
      if (e.right < right - size && (groups.get(k)?.length ?? 0) <= FEW_LINES) e.right = right;
    }
  }
  return edges;
}

/** The usual step between the baselines of two lines in a row of one page and column. */
function linePitch(lines: PagedLine[]): number {
  const d: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (keyOf(a) === keyOf(b) && b.y !== undefined && a.y !== undefined && b.y > a.y) d.push(b.y - a.y);
  }
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)] ?? Infinity;
}

/** The geometry of `lines` (paged input; a line without a box, or a block, reads as indented and empty). */
export function lineGeometry(lines: readonly PagedLine[]): LineGeometry {
  const prose = lines.filter(measured);
  const edges = columnEdges(prose);
  const pitch = linePitch(prose);
  const out: LineGeometry = { indent: [], room: [], fill: [], gap: [] };
  lines.forEach((l, i) => {
    const e = edges.get(keyOf(l));
    const size = sizeOf(l);
    if (!measured(l) || !e) {
      out.indent.push(true);
      out.room.push(Infinity);
      out.fill.push(0);
      out.gap.push(false);
      return;
    }
    out.indent.push(l.x0! > e.left + INDENT * size);
    out.room.push((e.right - l.x1!) / size);
    out.fill.push(e.right > e.left ? (l.x1! - e.left) / (e.right - e.left) : 1);
    const prev = lines[i - 1];
    out.gap.push(
      prev !== undefined &&
        measured(prev) &&
        keyOf(prev) === keyOf(l) &&
        l.y !== undefined &&
        prev.y !== undefined &&
        l.y - prev.y > GAP * pitch,
    );
  });
  return out;
}
