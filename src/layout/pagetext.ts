/**
 * Page-structured plain text: what `pdftotext` gives (plain or `-layout`), whose pages end with a form feed (\f).
 * The page breaks are explicit there, so the page's own layout can be read from the text:
 *
 * - the lines a browser or print dialog puts at the top and the bottom of every page (the date and title, the URL
 *   and "1/5") recur at the same place on most pages, their digits aside (`pageEdgeLines`);
 * - fixed-width text (`-layout`) indents every line by a margin: a margin most lines share is layout, not content,
 *   and so is the blank line set between every two printed lines of a double-spaced page (`pageLayoutProposals`);
 * - two text columns side by side on the fixed-width page (a run of spaces at a stable column, text on both sides
 *   of it, over most of a page's lines) are read column by column (`readColumns`, at ingest: the text is put into
 *   reading order, as a PDF's text is).
 *
 * A text without a form feed is no page-structured text: nothing here applies to it.
 */
import type { Proposal } from '../repair/fixer.js';

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
  const printed = lines.filter((l) => !isBlank(raw, l) && !gone(l));
  if (printed.length < MIN_LINES) return [];
  const out: Proposal[] = [];
  // The margin: the widest indent that MARGIN_SHARE of the printed lines have at least.
  const widths = printed.map((l) => indentOf(raw, l).width).sort((a, b) => b - a);
  const margin = widths[Math.ceil(MARGIN_SHARE * widths.length) - 1] ?? 0;
  if (margin > 0)
    for (const l of printed) {
      const { from, width } = indentOf(raw, l);
      if (width >= margin && !removed(from))
        out.push({ start: from, end: from + margin, text: '', ruleId: PAGE_LAYOUT_RULE });
    }
  // Double spacing: gaps between consecutive printed lines, in blank lines.
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
  const single = gaps.filter((g) => g.blanks.length === 1).length;
  if (gaps.length >= MIN_LINES && single >= DOUBLE_SHARE * gaps.length)
    for (const g of gaps)
      if (g.blanks.length === 1 && !raw.slice(g.blanks[0]!.start, g.blanks[0]!.next).includes('\f'))
        out.push({ start: g.blanks[0]!.start, end: g.blanks[0]!.next, text: '', ruleId: PAGE_LAYOUT_RULE });
  return out;
}
