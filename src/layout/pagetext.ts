/**
 * Page-structured plain text: what `pdftotext` gives (plain or `-layout`), whose pages end with a form feed (\f).
 * The page breaks are explicit there, so the page's own layout can be read from the text:
 *
 * - the lines a browser or print dialog puts at the top and the bottom of every page (the date and title, the URL
 *   and "1/5") recur at the same place on most pages, their digits aside (`pageEdgeLines`);
 * - fixed-width text (`-layout`) indents every line by a margin: a margin most lines share is layout, not content,
 *   and so is the blank line set between every two printed lines of a double-spaced page (`pageLayoutProposals`);
 * - two text columns side by side on the fixed-width page (a run of spaces at a stable column, text on both sides
 *   of it, over most of a page's lines; in fixed-width text a single blank column will do, the gutter of about one
 *   character LibreOffice and WeasyPrint leave between CJK columns) are read column by column (`readColumns`, at
 *   ingest: the text is put into reading order, as a PDF's text is).
 *
 * A text without a form feed is no page-structured text: nothing here applies to it.
 */
import { structureGrammar, type MarkerKind, type MarkerMatch } from '../parse/grammar.js';
import type { Proposal } from '../repair/fixer.js';
import { layoutGrammar } from './grammar.js';
import { endsSentence, measureOf } from './paragraphs.js';

/** Rule id of a layout margin or a double-spacing blank line taken out. */
export const PAGE_LAYOUT_RULE = 'layout/page';

/** True when `raw` holds page breaks (form feeds): the text of a paged document. */
export const isPaged = (raw: string): boolean => raw.includes('\f');

/** A page edge line recurs at the same edge (top or bottom) on at least this share of the pages, two at least. */
const EDGE_SHARE = 0.5;
/** How many non-blank lines at each edge of a page may be page furniture. */
const EDGE_LINES = 2;

/** A line's key at a page edge: spaces out, each run of digits one '#' (the page number, the date change). */
const edgeKey = (text: string): string => text.replace(/[\s\u3000]+/g, '').replace(/\d+/g, '#');

/**
 * Of the non-blank lines of a paged text (their texts, and the page each stands on), those that are a running head
 * or foot of the page: among the first or last `EDGE_LINES` lines of their page, and the same line (digits aside)
 * at that edge of at least half the pages. `excluded` lines (headings, role lines) never are.
 */
export function pageEdgeLines(
  lines: readonly { text: string; page: number }[],
  excluded: (text: string) => boolean,
): Set<number> {
  const pages = new Map<number, number[]>();
  lines.forEach((l, i) => {
    const list = pages.get(l.page) ?? [];
    list.push(i);
    pages.set(l.page, list);
  });
  const out = new Set<number>();
  if (pages.size < 2) return out;
  const need = Math.max(2, Math.ceil(EDGE_SHARE * pages.size));
  for (const edge of ['top', 'bottom'] as const) {
    const at = new Map<string, { pages: Set<number>; lines: number[] }>();
    for (const [page, list] of pages) {
      const ends = edge === 'top' ? list.slice(0, EDGE_LINES) : list.slice(-EDGE_LINES);
      for (const i of ends) {
        const key = edgeKey(lines[i]!.text);
        if (!key || key === '#') continue; // a bare number is the page numbers' pass's to judge
        const entry = at.get(key) ?? { pages: new Set(), lines: [] };
        entry.pages.add(page);
        entry.lines.push(i);
        at.set(key, entry);
      }
    }
    for (const { pages: on, lines: list } of at.values())
      if (on.size >= need && !excluded(lines[list[0]!]!.text)) for (const i of list) out.add(i);
  }
  return out;
}

/** A raw line: its range (without its line end) and where its line end stops. */
interface RawLine {
  start: number;
  end: number;
  next: number;
}

function rawLines(raw: string): RawLine[] {
  const out: RawLine[] = [];
  const re = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  for (let m = re.exec(raw); m && m[0] !== ''; m = re.exec(raw))
    out.push({ start: m.index, end: m.index + m[1]!.length, next: m.index + m[0].length });
  return out;
}

/** Leading ASCII spaces of a line (a form feed before them is no indentation and is skipped). */
function indentOf(raw: string, l: RawLine): { from: number; width: number } {
  let from = l.start;
  while (from < l.end && raw[from] === '\f') from++;
  let k = from;
  while (k < l.end && raw[k] === ' ') k++;
  return { from, width: k - from };
}

const isBlank = (raw: string, l: RawLine): boolean =>
  !/\S/.test(raw.slice(l.start, l.end).replace(/\f/g, ''));

/** The first visible character of a line (past form feeds and spaces); its end when it has none. */
function visibleAt(raw: string, l: RawLine): number {
  let k = l.start;
  while (k < l.end && /[\f \t\u3000]/.test(raw[k]!)) k++;
  return k;
}

/** A margin is layout when at least this share of the non-blank lines is indented by it or more. */
const MARGIN_SHARE = 0.7;
/** A page is double-spaced when at least this share of the gaps between printed lines is one blank line. */
const DOUBLE_SHARE = 0.8;
/** …and it has at least this many printed lines. */
const MIN_LINES = 10;

/**
 * Proposals that take out a paged text's layout (none for a text without form feeds): the margin of spaces that
 * most lines share (`-layout` sets every line in by it; a first-line indent stays, less the margin), and, when
 * the text is double-spaced (one blank line after every printed line, nearly everywhere), those blank lines (a
 * longer run of blank lines is a break and stays). `removed(k)` says that raw offset k goes already (furniture):
 * nothing here touches those.
 */
export function pageLayoutProposals(raw: string, removed: (k: number) => boolean): Proposal[] {
  if (!isPaged(raw)) return [];
  const lines = rawLines(raw);
  const gone = (l: RawLine) => removed(isBlank(raw, l) ? l.start : visibleAt(raw, l));
  const all = lines.filter((l) => !isBlank(raw, l) && !gone(l));
  if (all.length < MIN_LINES) return [];
  // A marker left alone at a page's bottom goes back before its item's text (and out of the lines below).
  const out: Proposal[] = strayMarkerProposals(raw, all);
  const stray = new Set(out.filter((p) => p.start < p.end).map((p) => p.start));
  const printed = all.filter((l) => !stray.has(l.start));
  // The margin: the widest indent that MARGIN_SHARE of the printed lines have at least.
  const widths = printed.map((l) => indentOf(raw, l).width).sort((a, b) => b - a);
  const margin = widths[Math.ceil(MARGIN_SHARE * widths.length) - 1] ?? 0;
  if (margin > 0)
    for (const l of printed) {
      const { from, width } = indentOf(raw, l);
      if (width >= margin && !removed(from))
        out.push({ start: from, end: from + margin, text: '', ruleId: PAGE_LAYOUT_RULE });
    }
  // Gaps between consecutive printed lines, in blank lines: double spacing takes the single ones.
  const gaps: { blanks: RawLine[] }[] = [];
  let blanks: RawLine[] = [];
  let seen = false;
  for (const l of lines) {
    if (gone(l)) continue;
    if (isBlank(raw, l)) {
      if (seen) blanks.push(l);
      continue;
    }
    if (seen) gaps.push({ blanks });
    blanks = [];
    seen = true;
  }
  const cut = new Set<number>();
  const single = gaps.filter((g) => g.blanks.length === 1).length;
  if (gaps.length >= MIN_LINES && single >= DOUBLE_SHARE * gaps.length)
    gaps.forEach((g, k) => {
      if (g.blanks.length === 1) cut.add(k);
    });
  // Blank lines inside a bracketed statement that closes a few lines on ([以下…均为责任单位,不再列出] set by
  // pdftotext as blocks of their own) are no paragraph break, and its lines are one: pdftotext ends each block
  // short (…、县↵(市)区政府均为…), so the line ends inside the brackets are wraps.
  const joins = new Set<number>();
  const depth = printed.map((l) => bracketBalance(raw.slice(l.start, l.end)));
  for (let k = 0; k < printed.length; k++) {
    if (depth[k]! <= 0) continue;
    let open = depth[k]!;
    for (let j = k + 1; j < printed.length && j <= k + MAX_OPEN; j++) {
      open += depth[j]!;
      if (open > 0) continue;
      if (open === 0) for (let g = k; g < j; g++) joins.add(g);
      break;
    }
  }
  for (const k of [...joins].sort((a, b) => a - b)) {
    const [from, to] = [printed[k]!.end, printed[k + 1]!.start];
    if (!raw.slice(from, to).includes('\f'))
      out.push({ start: from, end: to, text: '', ruleId: PAGE_LAYOUT_RULE });
    else cut.add(k);
  }
  for (const k of [...cut].sort((a, b) => a - b)) {
    if (joins.has(k) && !raw.slice(printed[k]!.end, printed[k + 1]!.start).includes('\f')) continue;
    const blanks = gaps[k]!.blanks;
    if (!blanks.length || blanks.some((b) => raw.slice(b.start, b.next).includes('\f'))) continue;
    out.push({ start: blanks[0]!.start, end: blanks.at(-1)!.next, text: '', ruleId: PAGE_LAYOUT_RULE });
  }
  return out;
}

/** Marker kinds from the highest level down. */
const LEVELS: readonly MarkerKind[] = ['level1', 'level2', 'item', 'subitem'];
/** How many deeper markers the sequence check reads past, looking for a stray marker's siblings. */
const MAX_WALK = 64;

/**
 * Proposals that put back a heading or item marker a PDF's text left alone at a page's bottom: Chromium draws a
 * list's markers apart from its text, and pdftotext then sets "2." as the page's last line while the item's text
 * opens the page with none ("…4月底前完成。↵全面整改。针对…" then "…当前页↵2.↵(URL, 2/3)"). The evidence: the
 * marker is wholly its line and the last printed line of its page; the first line of that page or the next opens
 * with no marker after a sentence's end, and there the marker fits its sequence (the nearest marker before of its
 * level or higher is its predecessor, or a higher heading for a 1; the nearest after of its level, if any, its
 * successor); exactly one page top fits. The marker line is removed and the marker inserted before that line's
 * text (`layout/page` repairs: raw offsets kept, reversible). `printed` are the page's printed lines in order.
 */
function strayMarkerProposals(raw: string, printed: readonly RawLine[]): Proposal[] {
  const sg = structureGrammar();
  const g = layoutGrammar();
  const text = printed.map((l) => raw.slice(visibleAt(raw, l), l.end).trimEnd());
  const page: number[] = [];
  let p = 0;
  let from = 0;
  for (const l of printed) {
    for (let k = raw.indexOf('\f', from); k >= 0 && k < visibleAt(raw, l); k = raw.indexOf('\f', k + 1)) {
      p++;
      from = k + 1;
    }
    page.push(p);
  }
  const markers = text.map((t) => sg.marker(t));
  const level = (m: MarkerMatch) => LEVELS.indexOf(m.kind);
  // The nearest marker of `m`'s level or higher from line `i` on in direction `d` (skipping line `skip`).
  const nearest = (i: number, d: 1 | -1, m: MarkerMatch, skip: number): MarkerMatch | null => {
    let walked = 0;
    for (let k = i; k >= 0 && k < printed.length && walked < MAX_WALK; k += d) {
      const x = markers[k];
      if (k === skip || !x) continue;
      if (level(x) <= level(m)) return x;
      walked++;
    }
    return null;
  };
  const fits = (f: number, m: MarkerMatch, skip: number): boolean => {
    if (f <= 0 || markers[f] || f === skip) return false;
    const before = f - 1 === skip ? f - 2 : f - 1;
    if (before < 0 || !endsSentence(text[before]!, g)) return false;
    const prev = nearest(before, -1, m, skip);
    const prevFits = prev
      ? prev.kind === m.kind
        ? prev.value === m.value - 1
        : m.value === 1
      : m.value === 1;
    const next = nearest(f + 1, 1, m, skip);
    return prevFits && (!next || next.kind !== m.kind || next.value === m.value + 1);
  };
  const firstOf = new Map<number, number>();
  page.forEach((q, i) => {
    if (!firstOf.has(q)) firstOf.set(q, i);
  });
  const out: Proposal[] = [];
  printed.forEach((l, i) => {
    const m = markers[i];
    if (!m || m.length !== text[i]!.length || page[i + 1] === page[i]) return;
    const tops = [page[i]!, page[i]! + 1].flatMap((q) => {
      const f = firstOf.get(q);
      return f !== undefined && fits(f, m, i) ? [f] : [];
    });
    if (tops.length !== 1) return;
    const f = tops[0]!;
    out.push(
      { start: l.start, end: l.next, text: '', ruleId: PAGE_LAYOUT_RULE },
      {
        start: visibleAt(raw, printed[f]!),
        end: visibleAt(raw, printed[f]!),
        text: text[i]!,
        ruleId: PAGE_LAYOUT_RULE,
      },
    );
  });
  return out;
}

/** Brackets that hold a statement over lines (an inheritance statement), and how many lines it may take. */
const OPENERS = '[【';
const CLOSERS = ']】';
const MAX_OPEN = 4;

/** Square brackets a line opens and leaves open (negative: closes more than it opens). */
function bracketBalance(line: string): number {
  let n = 0;
  for (const c of line) {
    if (OPENERS.includes(c)) n++;
    else if (CLOSERS.includes(c)) n--;
  }
  return n;
}

/** A gutter stands beside text on both sides on at least this share of a page's printed lines… */
const GUTTER_SHARE = 0.5;
/** …and on at least this many of them. */
const GUTTER_LINES = 8;
/** The text beside a gutter is prose set to a measure: this share of its parts at least half the column wide… */
const FULL_SHARE = 0.6;
/** …and a column of prose holds this many characters a line at least (a grid's number or date cells do not). */
const MIN_MEASURE = 8;

/**
 * A text is fixed-width (`pdftotext -layout`) when this many of its lines hold a run of blanks between words
 * (padding to a column): plain pdftotext output never does.
 */
const MIN_PADDED = 3;

/** True when `text` is fixed-width: lines padded with blanks to a column (see MIN_PADDED). */
const fixedWidth = (text: string): boolean => (text.match(/\S {3,}\S/g) ?? []).length >= MIN_PADDED;

/** Whether the character at `k` of `line` is blank (a space, or past the line's end). */
const blankAt = (line: string, k: number): boolean => k >= line.length || line[k] === ' ';

/**
 * The column of the gutter of one fixed-width page's lines, or -1 when it has none; `narrow` when the gutter is a
 * single blank column (a gutter about one character wide, as LibreOffice and WeasyPrint set two columns of CJK text:
 * a full left line ends one blank before the right column starts).
 */
function gutterOf(lines: readonly string[], fixed: boolean): { at: number; narrow: boolean } | null {
  const printed = lines.filter((l) => /\S/.test(l));
  if (printed.length < GUTTER_LINES) return null;
  const need = Math.max(GUTTER_LINES, GUTTER_SHARE * printed.length);
  // A gap of two blanks at least; failing that, in fixed-width text, one blank column at the same place on most
  // lines (a lone blank at one column over half a page's lines is no word space: CJK prose has none). Plain
  // pdftotext output is not padded: a lone blank there is no column edge (the short lines of two columns set level
  // stand alone, interleaved, and are not split).
  for (const narrow of fixed ? [false, true] : [false]) {
    const at = gutterColumn(printed, need, narrow);
    if (at >= 0) return { at, narrow };
  }
  return null;
}

/** gutterOf's column for one kind of gap (two blanks at least, or one: `narrow`), or -1. */
function gutterColumn(printed: readonly string[], need: number, narrow: boolean): number {
  const width = printed.reduce((m, l) => Math.max(m, l.length), 0);
  // For each column: the printed lines it crosses blank, with text on both sides.
  const beside = new Array<number>(width).fill(0);
  for (const l of printed) {
    const first = l.search(/\S/);
    const last = l.length - 1 - (l.length - l.trimEnd().length);
    for (let k = first + 1; k < last; k++)
      if (blankAt(l, k) && (narrow || blankAt(l, k - 1) || blankAt(l, k + 1))) beside[k]!++;
  }
  let best = -1;
  for (let k = 1; k < width; k++) if (best < 0 || beside[k]! > beside[best]!) best = k;
  if (best < 0 || beside[best]! < need) return -1;
  // The gutter's right edge (the right column starts past it), among the columns as good as the best.
  let at = best;
  while (at + 1 < width && beside[at + 1]! === beside[best]!) at++;
  // Prose on both sides: the parts beside the gutter fill their column (a table's cells would not).
  const split = printed.filter((l) => blankAt(l, at) && /\S/.test(l.slice(0, at)) && /\S/.test(l.slice(at)));
  const left = split.map((l) => l.slice(0, at).trim().length);
  const right = split.map((l) => l.slice(at).trim().length);
  const full = (xs: number[]) => {
    const max = xs.reduce((m, x) => Math.max(m, x), 0);
    return max >= MIN_MEASURE && xs.filter((x) => x >= max / 2).length >= FULL_SHARE * xs.length;
  };
  if (!full(left) || !full(right)) return -1;
  // Two columns, not a grid: no second gutter beside the first.
  for (let k = 1; k < width; k++) if (beside[k]! >= need && Math.abs(k - at) > at / 2) return -1;
  return at;
}

/** Punctuation a typesetter lets hang past a column's measure, into the gutter. */
const HANGING = /[。，、；：！？”）》,.;:!?)]/;

/**
 * Where a line of a page with a gutter at `at` splits into its left and right column: at the gutter; else (a line
 * set wider, whose right column starts early) at the last gap of two spaces in the left column's right half, or
 * at the last space after a punctuation mark there (a mark hanging into the gutter, one space left). -1 when the
 * line's text runs across the gutter (a full-width title, a centred page number).
 */
function splitAt(l: string, at: number, narrow = false): number {
  if (blankAt(l, at) && (narrow || blankAt(l, at - 1))) return at;
  for (let b = at; b > at / 2; b--)
    if (l[b] === ' ' && !blankAt(l, b + 1) && (l[b - 1] === ' ' || HANGING.test(l[b - 1]!))) return b;
  return -1;
}

/**
 * Where a line that ends before the gutter at `at` still splits: its left column's text reaches `edge` (the column
 * a full left line ends at) and a space then stands before more text, the right column's, set close to the left
 * one (…精准施治。 府, …市商务局、 治基础: a full line with a hanging mark leaves one space). -1 when none.
 */
function splitBeforeGutter(l: string, at: number, edge: number): number {
  const left = l.slice(0, at).trimEnd();
  for (let b = Math.max(1, edge - 1); b < left.length; b++)
    if (l[b] === ' ' && !blankAt(l, b + 1) && l.slice(0, b).trimEnd().length >= edge - 1) return b;
  return -1;
}

/** One page read column by column: each run of lines beside the gutter, its left parts, then its right parts. */
function pageByColumns(lines: readonly string[], { at, narrow }: { at: number; narrow: boolean }): string[] {
  // The left column's edge: where its full lines end (the measure of the left parts of lines split at the gutter).
  const edge = measureOf(
    lines
      .filter((l) => splitAt(l, at, narrow) === at && /\S/.test(l.slice(at)))
      .map((l) => l.slice(0, at).trimEnd().length),
  );
  const out: string[] = [];
  let run: { left: string; right: string; blank: boolean }[] = [];
  const flush = () => {
    if (!run.length) return;
    const margin = run.reduce(
      (m, r) => (/\S/.test(r.right) ? Math.min(m, r.right.search(/\S/)) : m),
      Infinity,
    );
    const cut = Number.isFinite(margin) ? margin : 0;
    for (const r of run) if (r.blank || /\S/.test(r.left)) out.push(r.left.trimEnd());
    for (const r of run) if (r.blank || /\S/.test(r.right)) out.push(r.right.slice(cut).trimEnd());
    run = [];
  };
  for (const l of lines) {
    let b = splitAt(l, at, narrow);
    if (b === at && !/\S/.test(l.slice(at)) && edge > 0) {
      const early = splitBeforeGutter(l, at, edge);
      if (early >= 0) b = early;
    }
    if (b < 0) {
      flush();
      out.push(l);
      continue;
    }
    // The right part as if it started at the gutter (a hanging mark's line starts it a column or two early).
    const right = b + 1 >= at ? l.slice(at) : l.slice(b + 1);
    run.push({ left: l.slice(0, b), right, blank: !/\S/.test(l) });
  }
  flush();
  return out;
}

/**
 * A fixed-width paged text (`pdftotext -layout`) in reading order: each page with two text columns (a gutter at a
 * stable column, `gutterOf`) read column by column. Null when the text is not paged or no page has columns.
 */
export function readColumns(text: string): string | null {
  if (!isPaged(text) || /\r/.test(text)) return null;
  let changed = false;
  const fixed = fixedWidth(text);
  const pages = text.split('\f').map((page) => {
    const lines = page.split('\n');
    const gutter = gutterOf(lines, fixed);
    if (!gutter) return page;
    changed = true;
    return pageByColumns(lines, gutter).join('\n');
  });
  return changed ? pages.join('\f') : null;
}
