/**
 * The rules a PDF page draws (the lines of ruled tables), read from pdfjs-dist's operator list: stroked path
 * segments that run along an axis (LibreOffice's cell borders, `re` and moveTo/lineTo alike), and thin filled
 * rectangles (Chromium's CSS borders). Coordinates are those of the text runs: PDF points, origin at the top left.
 */
import { OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { tableGrammar } from '../table/header.js';
import { tabularRows } from './grid-text.js';
import type { TextRun } from './types.js';

/** A rule: horizontal (`y` = `at`, from x `from` to x `to`) or vertical (`x` = `at`, from y `from` to y `to`). */
export interface Rule {
  dir: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

type Matrix = [number, number, number, number, number, number];

/** A filled rectangle thinner than this (points) is drawn as a rule; a thicker one is a shading, not a rule. */
const THIN = 2.5;
/** A segment shorter than this (points) is a tick or a glyph's stroke, not a rule. */
const MIN_LENGTH = 4;
/** Coordinates closer than this (points) count as the same line: an axis-aligned segment. */
const SLANT = 0.5;
/** Reading the rules of a page gives up past this many drawing operations (a page of vector art, not a table). */
const MAX_OPS = 200_000;

/** Path data codes of pdfjs-dist's constructPath (its DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

const STROKES: ReadonlySet<number> = new Set([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILLS: ReadonlySet<number> = new Set([OPS.fill, OPS.eoFill]);

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  x * m[0] + y * m[2] + m[4],
  x * m[1] + y * m[3] + m[5],
];

/** The rule a segment draws, or null when it is slanted or too short. */
function segmentRule(a: [number, number], b: [number, number]): Rule | null {
  const [dx, dy] = [Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])];
  if (dy <= SLANT && dx >= MIN_LENGTH)
    return { dir: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  if (dx <= SLANT && dy >= MIN_LENGTH)
    return { dir: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  return null;
}

/** The rule a thin filled box draws (along its long side), or null. */
function boxRule(points: [number, number][]): Rule | null {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) return { dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 };
  if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) return { dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 };
  return null;
}

/** The subpaths of a path (points in page coordinates); curves end a subpath's use as a rule. */
function subpaths(data: ArrayLike<number>, m: Matrix): { points: [number, number][]; curved: boolean }[] {
  const out: { points: [number, number][]; curved: boolean }[] = [];
  let cur: { points: [number, number][]; curved: boolean } | null = null;
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE) {
      cur = { points: [apply(m, data[i]!, data[i + 1]!)], curved: false };
      out.push(cur);
      i += 2;
    } else if (op === LINE) {
      cur?.points.push(apply(m, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      if (cur) {
        cur.curved = true;
        cur.points.push(apply(m, data[i + n - 2]!, data[i + n - 1]!));
      }
      i += n;
    } else if (op === CLOSE) {
      if (cur && cur.points.length > 1) cur.points.push(cur.points[0]!);
    } else break; // unknown code: stop reading this path rather than misread it
  }
  return out;
}

/** The rules drawn by one constructPath operation painted with `paint`. */
function pathRules(paint: number, data: ArrayLike<number>, m: Matrix): Rule[] {
  const rules: Rule[] = [];
  const stroked = STROKES.has(paint);
  if (!stroked && !FILLS.has(paint)) return rules;
  for (const sub of subpaths(data, m)) {
    if (sub.curved) continue;
    if (stroked) {
      for (let k = 1; k < sub.points.length; k++) {
        const r = segmentRule(sub.points[k - 1]!, sub.points[k]!);
        if (r) rules.push(r);
      }
    } else {
      const r = boxRule(sub.points);
      if (r) rules.push(r);
    }
  }
  return rules;
}

/**
 * The rules of a page in the coordinates of its text runs (`viewport` at scale 1). Form XObjects are followed;
 * a page with more drawing operations than MAX_OPS gives no rules.
 */
export async function pageRules(page: PDFPageProxy, viewportTransform: number[]): Promise<Rule[]> {
  const list = await page.getOperatorList();
  if (list.fnArray.length > MAX_OPS) return [];
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const view = viewportTransform as Matrix;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (Array.isArray(m) || ArrayBuffer.isView(m))
        ctm = multiply(Array.from(m as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const [paint, paths] = args as [number, (ArrayLike<number> | null)[] | undefined];
      const data = paths?.[0];
      if (data) rules.push(...pathRules(paint, data, multiply(ctm, view)));
    }
  }
  return rules;
}

/** Runs whose baselines differ by less than this many font sizes stand on one line (a header row). */
const SAME_BASELINE = 0.5;

/**
 * Whether a page's runs may hold a task table's header row: at least `minKnown` kinds of header word, each a
 * run of its own ("序号", "牵头单位"), on one baseline. Prose that names 牵头 or 任务 does not.
 */
export function mayHoldTable(runs: readonly TextRun[]): boolean {
  const g = tableGrammar();
  const hits = runs.flatMap((r) => {
    const kind = g.exactKind(r.text);
    return kind === null ? [] : [{ kind, y: r.y, size: r.size }];
  });
  return hits.some(
    (h) =>
      new Set(hits.filter((o) => Math.abs(o.y - h.y) < SAME_BASELINE * h.size).map((o) => o.kind)).size >=
      g.minKnown,
  );
}

/**
 * Reads the rules of the pages from the first one that may hold a task table (header words as runs of their
 * own), or whose runs stand in table rows (grid-text.ts), on: reading the drawing operations costs about half as much as the text, so prose PDFs are spared it.
 */
export class RuleScan {
  private on = false;

  /** The rules of `page`, or undefined while no page so far may hold a task table. */
  async rules(
    page: PDFPageProxy,
    viewportTransform: number[],
    runs: readonly TextRun[],
  ): Promise<Rule[] | undefined> {
    this.on ||= mayHoldTable(runs) || tabularRows(runs);
    return this.on ? pageRules(page, viewportTransform) : undefined;
  }
}
