/**
 * Page furniture: running headers, running footers and page numbers are dropped. A candidate is one of the
 * top or bottom lines of a page; it goes when it reads as a page number (grammars/layout/furniture.yaml, the
 * patterns text uses too) or a header word (grammars/ingest.yaml), or when the same line (digits aside) stands at
 * the same height on most pages. A page number whose marks a scan's OCR misread (”10一 for — 10 —) goes when its
 * number is its page's in the sequence the other pages' numbers set; so does any short line apart from the text
 * at the height where most pages hold one (a page-number slot, whatever OCR read there). An edge line set in type
 * much smaller than the page's text and standing apart from it, outside the text block (a browser's date, title,
 * address and page count), goes too, on a page of its own as well: its size and place say what it is.
 */
import { readPagedNumber, readPageNumber } from '../../layout/furniture.js';
import { furnitureGrammar } from './furniture-grammar.js';
import type { PdfLine } from './types.js';

/** How many lines at the top and at the foot of a page may be furniture. */
const EDGE_LINES = 2;
/** Two lines are "at the same place" on different pages when their baselines differ by at most this (points). */
const SAME_PLACE = 4;
/** A line repeated on at least this share of the pages (and on two pages at least) is a running header/footer. */
const REPEATED_SHARE = 0.5;

const DIGITS = /[0-9０-９一二三四五六七八九十〇]+/g;
const key = (l: PdfLine): string => l.text.replace(/\s+/g, '').replace(DIGITS, '#');

function edges(lines: PdfLine[]): PdfLine[] {
  const byY = [...lines].sort((a, b) => a.y - b.y);
  return byY.length <= 2 * EDGE_LINES ? byY : [...byY.slice(0, EDGE_LINES), ...byY.slice(-EDGE_LINES)];
}

/** The lines of every page without their furniture; `pages` holds each page's lines in reading order. */
export function dropFurniture(pages: PdfLine[][]): PdfLine[][] {
  const grammar = furnitureGrammar();
  const candidates = pages.map(edges);
  const seen = new Map<string, { y: number; page: number }[]>();
  for (const c of candidates)
    for (const l of c) {
      const list = seen.get(key(l)) ?? [];
      list.push({ y: l.y, page: l.page });
      seen.set(key(l), list);
    }
  const needed = Math.max(2, Math.ceil(REPEATED_SHARE * pages.length));
  const repeated = (l: PdfLine): boolean => {
    const places = seen.get(key(l)) ?? [];
    return new Set(places.filter((p) => Math.abs(p.y - l.y) <= SAME_PLACE).map((p) => p.page)).size >= needed;
  };
  const offset = pageNumberOffset(candidates);
  const slots = slotLines(pages, needed);
  const margins = pages.map(marginLines);
  return pages.map((lines, i) => {
    const drop = new Set(
      candidates[i]!.filter(
        (l) =>
          slots.has(l) ||
          margins[i]!.has(l) ||
          readPageNumber(l.text) !== null ||
          grammar.headerWord.test(l.text) ||
          repeated(l) ||
          (offset !== null && readPagedNumber(l.text) === l.page + offset),
      ),
    );
    return lines.filter((l) => !drop.has(l));
  });
}

/** Longest text (spaces aside) of a page-number slot: a number and its marks, or what OCR made of them. */
const SLOT_CHARS = 4;
/** An edge line stands apart from the text when its gap to the next line is this many times the page's pitch. */
const APART = 2;

/** The first and the last line of a page when short and apart from the rest by more than the line pitch. */
function apartEdges(lines: PdfLine[]): PdfLine[] {
  const byY = [...lines].sort((a, b) => a.y - b.y);
  if (byY.length < 3) return [];
  const pitch = pitchOf(byY);
  if (pitch === undefined) return [];
  const short = (l: PdfLine) => l.text.replace(/\s+/g, '').length <= SLOT_CHARS;
  const out: PdfLine[] = [];
  const [first, second] = [byY[0]!, byY[1]!];
  const [last, before] = [byY[byY.length - 1]!, byY[byY.length - 2]!];
  if (short(first) && second.y - first.y >= APART * pitch) out.push(first);
  if (short(last) && last.y - before.y >= APART * pitch) out.push(last);
  return out;
}

/** An edge line in type at most this share of the page's usual size is small print. */
const SMALL = 0.75;

/** The usual step between the baselines of a page's lines (lines on one baseline aside), if it has any. */
function pitchOf(byY: PdfLine[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < byY.length; i++) {
    const d = byY[i]!.y - byY[i - 1]!.y;
    if (d > SAME_PLACE) gaps.push(d);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)];
}

/**
 * The small print in a page's margins: the top and foot lines (`EDGE_LINES` at most at either end) set in type
 * `SMALL` of the text's usual size or less, above (below) every other line and apart from the nearest of them by
 * `APART` pitches: what a browser or a typesetter prints around the page (date, title, address,
 * page count), not a line of the notice.
 */
function marginLines(lines: PdfLine[]): Set<PdfLine> {
  const byY = [...lines].sort((a, b) => a.y - b.y);
  // The text's size: the usual one of the lines between the edge lines (the small print may be most of a last page).
  const sizes = byY
    .slice(EDGE_LINES, -EDGE_LINES)
    .map((l) => l.size)
    .sort((a, b) => a - b);
  const usual = sizes[Math.floor(sizes.length / 2)];
  if (usual === undefined) return new Set();
  const small = (l: PdfLine) => l.size <= SMALL * usual;
  const top = byY.slice(0, EDGE_LINES).filter(small);
  const foot = byY.slice(-EDGE_LINES).filter(small);
  const rest = byY.filter((l) => !top.includes(l) && !foot.includes(l));
  const pitch = pitchOf(rest);
  if (rest.length < 2 || pitch === undefined) return new Set();
  // Apart: the gap between the small print and the nearest other line (of any size: an OCR pass reads sizes
  // unevenly) is `APART` pitches at least.
  const [first, last] = [rest[0]!.y, rest[rest.length - 1]!.y];
  const out = new Set<PdfLine>();
  if (top.length > 0 && first - Math.max(...top.map((l) => l.y)) >= APART * pitch)
    top.forEach((l) => out.add(l));
  if (foot.length > 0 && Math.min(...foot.map((l) => l.y)) - last >= APART * pitch)
    foot.forEach((l) => out.add(l));
  return out;
}

/**
 * Lines in a page-number slot: short edge lines, apart from the text, at one height on `needed` pages or more.
 * A scan's OCR may read the number there as anything (全, 人, 4二 for — 8 —, — 9 —, — 4 —); where it stands, on
 * page after page, says what it is.
 */
function slotLines(pages: PdfLine[][], needed: number): Set<PdfLine> {
  const all = pages.flatMap(apartEdges);
  const out = new Set<PdfLine>();
  for (const l of all) {
    const at = new Set(all.filter((o) => Math.abs(o.y - l.y) <= SAME_PLACE).map((o) => o.page));
    if (at.size >= needed) out.add(l);
  }
  return out;
}

/** Pages whose numbers must agree on the offset between printed and physical page before misread ones are read. */
const MIN_NUMBERED_PAGES = 2;

/**
 * The offset of the printed page numbers from the physical pages (printed − physical), when most pages whose
 * edge lines read as a page number, misread marks and all, agree on it (and two at least), else null.
 */
function pageNumberOffset(candidates: PdfLine[][]): number | null {
  const counts = new Map<number, number>();
  let numbered = 0;
  for (const c of candidates) {
    const found = new Set(
      c.flatMap((l) => {
        const n = readPageNumber(l.text) ?? readPagedNumber(l.text);
        return n === null ? [] : [n - l.page];
      }),
    );
    if (found.size !== 1) continue;
    numbered++;
    const [d] = found;
    counts.set(d!, (counts.get(d!) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= MIN_NUMBERED_PAGES && 2 * best[1] > numbered ? best[0] : null;
}
