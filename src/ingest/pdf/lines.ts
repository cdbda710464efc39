/**
 * Text runs → lines in reading order. Runs on one baseline (within half the font size) that touch or nearly
 * touch form a fragment; a vertical strip that no fragment crosses in the middle of the page, with full lines
 * ending at it on the left and starting at it on the right, is a gutter: the page is then read column by
 * column (text across the gutter, such as a title, separates bands that are read left column first).
 */
import { CJK, SPACE_BETWEEN_CJK } from './cjk.js';
import type { ColumnSide, PageText, PdfLine, TextRun } from './types.js';

/** Runs on one line are the same baseline to within this share of the font size. */
const BASELINE_TOLERANCE = 0.5;
/** A horizontal gap wider than this many font sizes splits a line into fragments (a column gutter). */
const FRAGMENT_GAP = 1.5;
/** A gap between runs wider than this share of the font size is a word space. */
const WORD_GAP = 0.2;
/**
 * A gap between CJK glyphs wider than this many font sizes sets two words apart (issuers on one line, tabbed or
 * spaced); narrower ones are a justified line's spacing, no space. The repair stage keeps the space only where it
 * separates names.
 */
const CJK_SEPARATOR_GAP = 0.9;
/**
 * Letter-spaced text (a word processor's character grid, CSS letter-spacing: a 公文 set to 22 characters a line)
 * comes out of pdfjs with a space after every glyph ("国 办 发 〔 2 0 1 9 〕 3 号"): a run of at least this many
 * glyphs each followed by one space is tracked, and those spaces are no word spaces.
 */
const TRACKED_GLYPHS = 4;
const TRACKED = new RegExp(`^(?:[^\\s] ){${TRACKED_GLYPHS - 1},}[^\\s]$`, 'u');

/** A run's text without the spaces of its letter spacing (see TRACKED). */
const untracked = (t: string): string => (TRACKED.test(t) ? t.replace(/ /g, '') : t);
/** The gutter lies within this middle band of the page width. */
const GUTTER_BAND = [0.3, 0.7] as const;
/** At most this share of fragments may cross a gutter (titles, running headers). */
const GUTTER_CROSSING = 0.12;
/** Each column holds at least this share of the fragments, and this share of a column's lines reach the gutter. */
const COLUMN_SHARE = 0.25;
const COLUMN_ALIGNED = 0.5;
/**
 * At most this share of baselines may cross a gutter found from runs: titles, a page number, and left lines
 * whose last punctuation mark hangs into the gutter.
 */
const ROW_CROSSING = 0.2;
/** A gutter is at least this share of the font size wide (and `MIN_GUTTER_POINTS`). */
const MIN_GUTTER = 0.5;
const MIN_GUTTER_POINTS = 4;
/** A page with fewer baselines than this is not looked at for columns. */
const MIN_COLUMN_ROWS = 8;

interface Fragment extends PdfLine {
  runs: TextRun[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

/** Joins the runs of one fragment (sorted by x), with a space at word gaps that are not between CJK glyphs. */
function fragmentText(runs: TextRun[], ocr: boolean): string {
  let text = '';
  let end = -Infinity;
  for (const r of runs) {
    const gap = r.x - end;
    const a = text.slice(-1);
    const t = untracked(r.text);
    const b = t.slice(0, 1);
    const cjk = CJK.test(a) && CJK.test(b);
    if (text !== '' && a.trim() && b.trim() && gap > (cjk ? CJK_SEPARATOR_GAP : WORD_GAP) * r.size)
      text += ' ';
    text += t;
    end = Math.max(end, r.x + r.w);
  }
  text = text.replace(/\s+/g, ' ').trim();
  return ocr ? text.replace(SPACE_BETWEEN_CJK, '') : text;
}

function makeFragment(page: number, runs: TextRun[], ocr: boolean): Fragment {
  const x0 = Math.min(...runs.map((r) => r.x));
  const x1 = Math.max(...runs.map((r) => r.x + r.w));
  return {
    page,
    runs,
    text: fragmentText(runs, ocr),
    x0,
    x1,
    y: median(runs.map((r) => r.y)),
    size: median(runs.map((r) => r.size)),
    side: 'full',
  };
}

/** The runs of a page grouped into baselines (top to bottom), each sorted left to right. */
function baselineRows(page: PageText): TextRun[][] {
  return runRows(page.runs);
}

/** Visible runs grouped into baselines (top to bottom), each sorted left to right. */
export function runRows(all: readonly TextRun[]): TextRun[][] {
  const runs = all.filter((r) => r.text.trim() !== '' && r.size > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const r of runs) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - r.y) <= BASELINE_TOLERANCE * Math.min(row[0]!.size, r.size)) row.push(r);
    else rows.push([r]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return rows;
}

/** The widest strip (at least `minWidth`) whose cover is at most `allowed`; `cover[i]` is at x = lo + i. */
function widestBand(cover: number[], allowed: number, minWidth: number, lo: number): [number, number] | null {
  let best: [number, number] | null = null;
  for (let x = 0, start = -1; x <= cover.length; x++) {
    if (x < cover.length && cover[x]! <= allowed) {
      if (start < 0) start = x;
    } else if (start >= 0) {
      if (x - start >= minWidth && (!best || x - start > best[1] - best[0])) best = [start + lo, x + lo];
      start = -1;
    }
  }
  return best;
}

/**
 * The gutter of a page read from its runs, whatever its width: the widest vertical strip in the middle of the
 * page that the runs of almost no baseline cross, with text on both sides of it on many baselines, the left
 * pieces mostly running up to it and the right pieces mostly starting just after it. Runs, not lines, are
 * measured, so a gutter narrower than a word gap (about one character, as a word processor sets two columns
 * of large type) is found even where the left and right text of a baseline nearly touch.
 */
export function runGutter(rows: TextRun[][], width: number): [number, number] | null {
  if (rows.length < MIN_COLUMN_ROWS) return null;
  const size = median(rows.flat().map((r) => r.size));
  const lo = Math.floor(width * GUTTER_BAND[0]);
  const hi = Math.ceil(width * GUTTER_BAND[1]);
  const cover = new Array<number>(hi - lo).fill(0);
  for (const row of rows) {
    const hit = new Uint8Array(hi - lo);
    for (const r of row)
      for (let x = Math.max(lo, Math.floor(r.x)); x < Math.min(hi, Math.ceil(r.x + r.w)); x++)
        hit[x - lo] = 1;
    hit.forEach((h, i) => (cover[i]! += h));
  }
  const allowed = Math.floor(ROW_CROSSING * rows.length);
  const minWidth = Math.max(MIN_GUTTER_POINTS, MIN_GUTTER * size);
  const best = widestBand(cover, allowed, minWidth, lo);
  if (!best) return null;
  const [gl, gr] = best;
  const lefts = rows.flatMap((row) => {
    const l = row.filter((r) => r.x + r.w <= gl + 1);
    return l.length > 0 ? [Math.max(...l.map((r) => r.x + r.w))] : [];
  });
  const rights = rows.flatMap((row) => {
    const r = row.filter((q) => q.x >= gr - 1);
    return r.length > 0 ? [Math.min(...r.map((q) => q.x))] : [];
  });
  if (lefts.length < COLUMN_SHARE * rows.length || rights.length < COLUMN_SHARE * rows.length) return null;
  const leftEdge = Math.max(...lefts);
  const rightEdge = Math.min(...rights);
  const reach = lefts.filter((x) => x >= leftEdge - 2 * size).length / lefts.length;
  const start = rights.filter((x) => x <= rightEdge + 3 * size).length / rights.length;
  return reach >= COLUMN_ALIGNED && start >= COLUMN_ALIGNED ? [gl, gr] : null;
}

/**
 * Each baseline split into fragments at gaps wider than `FRAGMENT_GAP`, and at the gutter (between runs that
 * lie on either side of it).
 */
function fragments(page: PageText, rows: TextRun[][], gutter: [number, number] | null): Fragment[] {
  const [gl, gr] = gutter ?? [NaN, NaN];
  const out: Fragment[] = [];
  for (const row of rows) {
    let cur: TextRun[] = [];
    let end = -Infinity;
    for (const r of row) {
      // Across the gutter: this run starts at the right column, the fragment so far in the left one (its last
      // glyph may hang into the gutter, as a full stop set in the margin does).
      const across = r.x >= gr - 1 && cur.length > 0 && cur[0]!.x < gl && end <= r.x + 1;
      if (cur.length > 0 && (r.x - end > FRAGMENT_GAP * r.size || across)) {
        out.push(makeFragment(page.page, cur, page.ocr));
        cur = [];
      }
      cur.push(r);
      end = Math.max(end, r.x + r.w);
    }
    if (cur.length > 0) out.push(makeFragment(page.page, cur, page.ocr));
  }
  return out.filter((f) => f.text !== '');
}

/** The strip of a gutter between two columns of text (left and right x), if the page has one. */
export function findGutter(frags: Fragment[], width: number): [number, number] | null {
  if (frags.length < 8) return null;
  const size = median(frags.map((f) => f.size));
  const minWidth = Math.max(8, size);
  const lo = Math.floor(width * GUTTER_BAND[0]);
  const hi = Math.ceil(width * GUTTER_BAND[1]);
  const cover = new Array<number>(hi - lo).fill(0);
  for (const f of frags)
    for (let x = Math.max(lo, Math.floor(f.x0)); x < Math.min(hi, Math.ceil(f.x1)); x++) cover[x - lo]!++;
  const allowed = Math.floor(GUTTER_CROSSING * frags.length);
  const best = widestBand(cover, allowed, minWidth, lo);
  if (!best) return null;
  const [gl, gr] = best;
  const left = frags.filter((f) => f.x1 <= gl);
  const right = frags.filter((f) => f.x0 >= gr);
  if (left.length < COLUMN_SHARE * frags.length || right.length < COLUMN_SHARE * frags.length) return null;
  // Both columns are text blocks: left lines run up to the gutter, right lines start just after it.
  const leftEdge = Math.max(...left.map((f) => f.x1));
  const rightEdge = Math.min(...right.map((f) => f.x0));
  const reach = left.filter((f) => f.x1 >= leftEdge - 2 * size).length / left.length;
  const start = right.filter((f) => f.x0 <= rightEdge + 3 * size).length / right.length;
  return reach >= COLUMN_ALIGNED && start >= COLUMN_ALIGNED ? best : null;
}

/** Merges the fragments of one baseline back into a line (a page with no columns). */
function mergeRows(frags: Fragment[], ocr: boolean): Fragment[] {
  const out: Fragment[] = [];
  for (const f of [...frags].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const prev = out[out.length - 1];
    if (prev && Math.abs(prev.y - f.y) <= BASELINE_TOLERANCE * Math.min(prev.size, f.size))
      // Left to right: a run set a little higher (a grid's value cell beside its label) sorts first by y.
      out[out.length - 1] = makeFragment(
        f.page,
        [...prev.runs, ...f.runs].sort((a, b) => a.x - b.x),
        ocr,
      );
    else out.push(f);
  }
  return out;
}

/** The lines of a page in reading order. */
export function pageLines(page: PageText): PdfLine[] {
  const rows = baselineRows(page);
  const found = runGutter(rows, page.width);
  const frags = fragments(page, rows, found);
  const gutter = found ?? findGutter(frags, page.width);
  if (gutter === null) return mergeRows(frags, page.ocr).map(({ runs: _runs, ...line }) => line);
  // Left: ends before the right column starts; right: starts after the left column ends; else across. A left
  // line's last glyph may end a point into the right column's start (`fragments` splits there too): a full stop
  // that hangs into a gutter half a character wide fills it, and the strip's edges are whole points.
  const side = (f: PdfLine): ColumnSide =>
    f.x1 <= gutter[1] + 1 && f.x0 < gutter[0]
      ? 'left'
      : f.x0 >= gutter[0] - 1 && f.x1 > gutter[1]
        ? 'right'
        : 'full';
  const byY = (a: PdfLine, b: PdfLine) => a.y - b.y || a.x0 - b.x0;
  const lines = frags.map(({ runs: _runs, ...f }) => ({ ...f, side: side(f) }));
  const spans = lines.filter((l) => l.side === 'full').sort(byY);
  const out: PdfLine[] = [];
  let top = -Infinity;
  for (const bound of [...spans, null]) {
    const bottom = bound ? bound.y : Infinity;
    const band = lines.filter((l) => l.side !== 'full' && l.y > top && l.y <= bottom);
    out.push(
      ...band.filter((l) => l.side === 'left').sort(byY),
      ...band.filter((l) => l.side === 'right').sort(byY),
    );
    if (bound) out.push(bound);
    top = bottom;
  }
  return out;
}
