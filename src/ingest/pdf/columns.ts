/**
 * The gutters of a page of text columns, read from its runs whatever their width and however many columns there
 * are, and whether or not the page also holds text set across them (a title, a web page's head, a page number).
 *
 * Evidence, not a producer's geometry: a vertical strip of the text's width that the runs of most baselines
 * leave blank (the baselines that cross it are full-width lines; they only lower the bar, they are not counted
 * against it), with text on both sides of it at the same heights (the two columns stand side by side), the
 * pieces on the left running up to it and the pieces on the right starting just after it (each column has a
 * measure), and those pieces are prose: most of them fill their column (a form's label and value pairs, a
 * signature under a list, do not).
 */
import { robustEdge } from '../../layout/geometry.js';
import type { TextRun } from './types.js';

/** A gutter: the strip between two columns, left and right x. */
export type Gutter = [number, number];

/** Gutters are looked for in the text's width less this share at either end (a column is wider than that). */
const EDGE_SHARE = 0.15;
/** Baselines that cross the least-crossed strip are full-width lines; at most this share of the others may cross
 *  a gutter too (a full stop that hangs into it, a short title centred over it). */
const ROW_CROSSING = 0.2;
/** A strip crossed by more than this share of the baselines is no gutter, whatever else (a page of prose). */
const MAX_FULL_ROWS = 0.6;
/** A gutter is at least this share of the font size wide (and `MIN_GUTTER_POINTS`): a word processor's narrowest
 *  is half a character, measured here to whole points. */
const MIN_GUTTER = 0.4;
const MIN_GUTTER_POINTS = 4;
/** A page with fewer baselines than this is not looked at for columns. */
const MIN_ROWS = 6;
/** Each side of a gutter holds text on at least this many baselines, level with text on the other side… */
const MIN_SIDE_ROWS = 3;
/** …and on this share of the baselines that do not cross it. */
const SIDE_SHARE = 0.25;
/** This share of the left pieces ends within `REACH` font sizes of the gutter, of the right ones starts within
 *  `START` font sizes of it (ragged-right columns end short, first-line indents start late). */
const ALIGNED = 0.5;
const REACH = 2;
const START = 3;
/** The median piece on either side fills at least this share of its column: prose, not a form's fields… */
const PROSE_FILL = 0.5;
/** …and a column of prose is this many characters wide at least (a list of names beside their titles is not). */
const MIN_MEASURE = 6;
/** On this share of the baselines with text on both sides of a gutter, no other gap of the line is wider. */
const WIDEST_SHARE = 0.7;
/** Rows set at most this share of the page's usual size are small print, not looked at for columns. */
const SMALL = 0.75;
/** Runs closer than this many font sizes are one piece of a line. */
const PIECE_GAP = 1.5;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

/** The maximal strips (at least `minWidth` wide) whose cover is at most `allowed`; `cover[i]` is at x = lo + i. */
export function lowStrips(cover: number[], allowed: number, minWidth: number, lo: number): Gutter[] {
  const out: Gutter[] = [];
  for (let x = 0, start = -1; x <= cover.length; x++) {
    if (x < cover.length && cover[x]! <= allowed) {
      if (start < 0) start = x;
    } else if (start >= 0) {
      if (x - start >= minWidth) out.push([start + lo, x + lo]);
      start = -1;
    }
  }
  return out;
}

/** One baseline's pieces beside a strip: the end of the piece left of it and the start of the one right of it. */
interface Beside {
  y: number;
  crosses: boolean;
  /** The left piece: start and end (the runs up to the strip, closer than `PIECE_GAP` to each other). */
  left?: [number, number];
  right?: [number, number];
  /** Text on both sides, and no gap inside either piece wider than the one across the strip. */
  widest?: boolean;
}

function beside(row: TextRun[], mid: number, size: number): Beside {
  const y = row[0]!.y;
  if (row.some((r) => r.x < mid && r.x + r.w > mid)) return { y, crosses: true };
  const out: Beside = { y, crosses: false };
  // The widest gap inside either piece.
  let inner = 0;
  const l = row.filter((r) => r.x + r.w <= mid).sort((a, b) => b.x + b.w - (a.x + a.w));
  if (l.length > 0) {
    let start = l[0]!.x;
    for (const q of l.slice(1)) {
      const gap = start - (q.x + q.w);
      if (gap > PIECE_GAP * size) break;
      inner = Math.max(inner, gap);
      start = Math.min(start, q.x);
    }
    out.left = [start, l[0]!.x + l[0]!.w];
  }
  const r = row.filter((q) => q.x >= mid).sort((a, b) => a.x - b.x);
  if (r.length > 0) {
    let end = r[0]!.x + r[0]!.w;
    for (const q of r.slice(1)) {
      const gap = q.x - end;
      if (gap > PIECE_GAP * size) break;
      inner = Math.max(inner, gap);
      end = Math.max(end, q.x + q.w);
    }
    out.right = [r[0]!.x, end];
  }
  if (out.left && out.right) out.widest = out.right[0] - out.left[1] >= inner - 0.5;
  return out;
}

/** Whether the strip separates two columns of prose (see the file's comment). */
export function separatesColumns(rows: TextRun[][], [gl, gr]: Gutter, size: number): boolean {
  const all = rows.map((row) => beside(row, (gl + gr) / 2, size)).filter((b) => !b.crosses);
  const lefts = all.filter((b) => b.left);
  const rights = all.filter((b) => b.right);
  const need = Math.max(MIN_SIDE_ROWS, SIDE_SHARE * all.length);
  if (lefts.length < need || rights.length < need) return false;
  // Side by side: text on each side at the heights of the other side's text.
  const span = (bs: Beside[]) => [Math.min(...bs.map((b) => b.y)), Math.max(...bs.map((b) => b.y))];
  const [rTop, rBottom] = span(rights);
  const [lTop, lBottom] = span(lefts);
  const level = (bs: Beside[], top: number, bottom: number) =>
    bs.filter((b) => b.y >= top - size && b.y <= bottom + size).length;
  if (level(lefts, rTop!, rBottom!) < MIN_SIDE_ROWS || level(rights, lTop!, lBottom!) < MIN_SIDE_ROWS)
    return false;
  // Where the columns stand level, the gutter is wider than the gaps inside the text beside it: gaps that merely
  // line up (an OCR layer's boxes, a justified line's spacing) are no wider than the others of their lines.
  const both = all.filter((b) => b.left && b.right);
  if (both.length >= MIN_SIDE_ROWS && both.filter((b) => b.widest).length < WIDEST_SHARE * both.length)
    return false;
  const ends = lefts.map((b) => b.left![1]);
  const starts = rights.map((b) => b.right![0]);
  const leftEdge = Math.max(...ends);
  const rightEdge = Math.min(...starts);
  const reach = ends.filter((x) => x >= leftEdge - REACH * size).length / ends.length;
  const start = starts.filter((x) => x <= rightEdge + START * size).length / starts.length;
  if (reach < ALIGNED && start < ALIGNED) return false;
  // Prose: the pieces fill their column, on either side (its far edge is where most pieces start or end: a line
  // that runs on into the next column does not move it).
  const leftStart = median(lefts.map((b) => b.left![0]));
  const rightEnd = median(rights.map((b) => b.right![1]));
  const fill = (bs: [number, number][], width: number) => median(bs.map(([a, b]) => b - a)) / width;
  if (Math.min(leftEdge - leftStart, rightEnd - rightEdge) < MIN_MEASURE * size) return false;
  const prose = [
    reach >= ALIGNED &&
      fill(
        lefts.map((b) => b.left!),
        leftEdge - leftStart,
      ) >= PROSE_FILL,
    start >= ALIGNED &&
      fill(
        rights.map((b) => b.right!),
        rightEnd - rightEdge,
      ) >= PROSE_FILL,
  ];
  if (prose[0] && prose[1]) return true;
  // A column of short paragraphs (a title, a web page's fields, one a line) beside a column of prose: the two are
  // as wide as each other (a form's labels are narrower than its values) and the short side has lines of its own
  // that run up to the strip (its measure; a form's labels stop where each label ends).
  if (!prose[0] && !prose[1]) return false;
  const leftWidth =
    leftEdge -
    robustEdge(
      lefts.map((b) => b.left![0]),
      size,
      'min',
    );
  const rightWidth =
    robustEdge(
      rights.map((b) => b.right![1]),
      size,
      'max',
    ) - rightEdge;
  const full = prose[0]
    ? starts.filter((x) => x <= rightEdge + size / 2).length
    : ends.filter((x) => x >= leftEdge - size).length;
  return Math.abs(leftWidth - rightWidth) <= SAME_MEASURE * size && full >= MIN_SIDE_ROWS;
}

/** Two columns as wide as each other to within this many font sizes are of one page's layout. */
const SAME_MEASURE = 1;

/**
 * The gutters of a page (left to right; none for a page of one column), from its runs grouped into baselines.
 * The strips crossed least are found first: the baselines crossing the least-crossed one are taken for
 * full-width lines (a head, a title), and a strip crossed by at most `ROW_CROSSING` of the other baselines more
 * is a candidate, kept when it separates two columns of prose. (Not for an OCR layer: its word boxes leave blank
 * strips by chance; lines.ts keeps the stricter test there.)
 */
export function findGutters(all: TextRun[][]): Gutter[] {
  // Small print (a browser's date and address in the margins, set at most `SMALL` of the text's size) is no line
  // of a column: it would move a column's edge.
  const pageSize = median(all.flat().map((r) => r.size));
  const rows = all.filter((row) => median(row.map((r) => r.size)) > SMALL * pageSize);
  if (rows.length < MIN_ROWS) return [];
  const runs = rows.flat();
  const size = median(runs.map((r) => r.size));
  const x0 = Math.min(...runs.map((r) => r.x));
  const x1 = Math.max(...runs.map((r) => r.x + r.w));
  const lo = Math.floor(x0 + EDGE_SHARE * (x1 - x0));
  const hi = Math.ceil(x1 - EDGE_SHARE * (x1 - x0));
  if (hi - lo < 1) return [];
  const cover = new Array<number>(hi - lo).fill(0);
  for (const row of rows) {
    const hit = new Uint8Array(hi - lo);
    for (const r of row)
      for (let x = Math.max(lo, Math.round(r.x)); x < Math.min(hi, Math.round(r.x + r.w)); x++)
        hit[x - lo] = 1;
    hit.forEach((h, i) => (cover[i]! += h));
  }
  const least = Math.min(...cover);
  if (least > MAX_FULL_ROWS * rows.length) return [];
  const allowed = least + Math.floor(ROW_CROSSING * (rows.length - least));
  const minWidth = Math.max(MIN_GUTTER_POINTS, MIN_GUTTER * size);
  return lowStrips(cover, allowed, minWidth, lo).flatMap((g) => {
    const found = [g, ...leastPart(cover, g, minWidth, lo)].find((s) => separatesColumns(rows, s, size));
    return found ? [found] : [];
  });
}

/**
 * The part of a low strip that the fewest baselines cross, when it is narrower than the strip and still a gutter's
 * width: a column of short lines leaves blank a wide strip before its own edge, and the gutter is its least
 * crossed part (the lines that fill that column end at it).
 */
function leastPart(cover: number[], [gl, gr]: Gutter, minWidth: number, lo: number): Gutter[] {
  const inside = cover.slice(gl - lo, gr - lo);
  const least = Math.min(...inside);
  const part = lowStrips(inside, least, minWidth, gl);
  return part.length === 1 && part[0]![1] - part[0]![0] < gr - gl ? part : [];
}
