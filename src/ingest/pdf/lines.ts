/**
 * Text runs → lines in reading order. Runs on one baseline (within half the font size) that touch or nearly
 * touch form a fragment. A page's gutters (columns.ts: strips that the baselines of two columns of prose leave
 * blank, any width, any number of columns) split the baselines into column lines; the page is then read band
 * by band (lines across the gutters, such as a title or a head, stand in place between bands), each band
 * column by column.
 */
import { CJK, SPACE_BETWEEN_CJK } from './cjk.js';
import { findGutters, lowStrips, median, type Gutter } from './columns.js';
import type { ColumnSide, PageText, PdfLine, TextRun } from './types.js';

/** Runs on one line are the same baseline to within this share of the font size. */
const BASELINE_TOLERANCE = 0.5;
/** A horizontal gap wider than this many font sizes splits a line into fragments (a column gutter). */
const FRAGMENT_GAP = 1.5;
/** A run that starts this share of its size inside a gutter (not at its edge) sets its line across the gutter. */
const STRADDLE = 0.25;
/** A left column's last glyph (a full stop, a comma) may hang this share of its size past the gutter. */
const HANG = 0.6;
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
/** The fallback gutter (from fragments) lies within this middle band of the page width. */
const GUTTER_BAND = [0.3, 0.7] as const;
/** At most this share of fragments may cross a gutter (titles, running headers). */
const GUTTER_CROSSING = 0.12;
/** Each column holds at least this share of the fragments, and this share of a column's lines reach the gutter. */
const COLUMN_SHARE = 0.25;
const COLUMN_ALIGNED = 0.5;
/**
 * An OCR layer's gutter (`runGutter`): at most this share of baselines may cross it (titles, a page number, left
 * lines whose last punctuation mark hangs into it), at least this share of the font size wide, on a page of this
 * many baselines. Word boxes leave blank strips by chance, so full-width lines do not lower the bar there.
 */
const ROW_CROSSING = 0.2;
const MIN_GUTTER = 0.5;
const MIN_GUTTER_POINTS = 4;
const MIN_COLUMN_ROWS = 8;

interface Fragment extends PdfLine {
  runs: TextRun[];
}

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

/** The widest of the low strips (see `lowStrips`), if any. */
function widestBand(cover: number[], allowed: number, minWidth: number, lo: number): Gutter | null {
  let best: Gutter | null = null;
  for (const g of lowStrips(cover, allowed, minWidth, lo))
    if (!best || g[1] - g[0] > best[1] - best[0]) best = g;
  return best;
}

/**
 * The gutter of a page read from its runs, whatever its width: the widest vertical strip in the middle of the
 * page that the runs of almost no baseline cross, with text on both sides of it on many baselines, the left
 * pieces mostly running up to it and the right pieces mostly starting just after it. Runs, not lines, are
 * measured, so a gutter narrower than a word gap (about one character, as a word processor sets two columns
 * of large type) is found even where the left and right text of a baseline nearly touch.
 */
function runGutter(rows: TextRun[][], width: number): [number, number] | null {
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
 * Each baseline split into fragments at gaps wider than `FRAGMENT_GAP`, and at the gutters (between runs that
 * lie on either side of one).
 */
function fragments(page: PageText, rows: TextRun[][], gutters: Gutter[]): Fragment[] {
  const out: Fragment[] = [];
  for (const row of rows) {
    // A line set across a gutter (a page number centred on it) has a run that starts inside the gutter: it is not
    // split there. A left column's last glyph may hang into the gutter, but it starts at the column's edge.
    const open = gutters.filter(
      ([gl, gr]) => !row.some((r) => r.x > gl + STRADDLE * r.size && r.x < gr - STRADDLE * r.size),
    );
    let cur: TextRun[] = [];
    let end = -Infinity;
    for (const r of row) {
      // Across a gutter: this run starts at the column right of it, the fragment so far left of it (its last
      // glyph may hang into the gutter, as a full stop set in the margin does).
      const last = cur[cur.length - 1];
      const across =
        last !== undefined &&
        open.some(
          ([gl, gr]) =>
            r.x >= gr - 1 &&
            cur[0]!.x < gl &&
            // The fragment ends before this run, or its last glyph starts at the gutter and hangs into it.
            (end <= r.x + 1 || (last.x <= gl + STRADDLE * last.size && last.x + last.w <= gr + last.size)),
        );
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

/** The side of each column, left to right, for a page of `n` columns. */
const sidesOf = (n: number): ColumnSide[] =>
  Array.from({ length: n }, (_, i) => (i === 0 ? 'left' : i === n - 1 ? 'right' : 'middle'));

/**
 * The column a line stands in (0 = leftmost), or -1 across a gutter. A line's last glyph may end past the next
 * column's start (`fragments` splits there too): a comma that hangs into a gutter half a character wide fills it
 * and more.
 */
function columnOf(l: PdfLine, gutters: Gutter[]): number {
  for (let i = 0; i <= gutters.length; i++) {
    const before = gutters[i - 1];
    const after = gutters[i];
    if (
      (!after || (l.x1 <= after[1] + HANG * l.size && l.x0 < after[0])) &&
      (!before || (l.x0 >= before[0] - 1 && l.x1 > before[1]))
    )
      return i;
  }
  return -1;
}

/**
 * The lines of a page in reading order. On a page of columns, lines across a gutter (a title, a head, a page
 * number) stand in their place and cut the page into bands; each band is read column by column, top to bottom.
 * The lines at the top of a band above the first line of its left column are read in place too, as the page's
 * (a 发文字号 set flush right under a title is no line of the right column).
 */
export function pageLines(page: PageText): PdfLine[] {
  const rows = baselineRows(page);
  const ocrGutter = page.ocr ? runGutter(rows, page.width) : null;
  let gutters = page.ocr ? (ocrGutter ? [ocrGutter] : []) : findGutters(rows);
  const frags = fragments(page, rows, gutters);
  if (gutters.length === 0) {
    const found = findGutter(frags, page.width);
    if (found) gutters = [found];
  }
  if (gutters.length === 0) return mergeRows(frags, page.ocr).map(({ runs: _runs, ...line }) => line);
  const sides = sidesOf(gutters.length + 1);
  const byY = (a: PdfLine, b: PdfLine) => a.y - b.y || a.x0 - b.x0;
  const lines = frags.map(({ runs: _runs, ...f }) => {
    const column = columnOf(f, gutters);
    return { line: { ...f, side: column < 0 ? ('full' as const) : sides[column]! }, column };
  });
  const spans = lines.filter((l) => l.column < 0).sort((a, b) => byY(a.line, b.line));
  const out: PdfLine[] = [];
  let top = -Infinity;
  for (const bound of [...spans, null]) {
    const bottom = bound ? bound.line.y : Infinity;
    const band = lines.filter((l) => l.column >= 0 && l.line.y > top && l.line.y <= bottom);
    const first = Math.min(...band.filter((l) => l.column === 0).map((l) => l.line.y));
    const above = (l: (typeof band)[number]) => l.line.y < first - BASELINE_TOLERANCE * l.line.size;
    out.push(
      ...band
        .filter(above)
        .map((l) => ({ ...l.line, side: 'full' as const }))
        .sort(byY),
    );
    for (let c = 0; c < sides.length; c++)
      out.push(
        ...band
          .filter((l) => l.column === c && !above(l))
          .map((l) => l.line)
          .sort(byY),
      );
    if (bound) out.push(bound.line);
    top = bottom;
  }
  return out;
}
