/**
 * Page furniture: running headers, running footers and page numbers are dropped. A candidate is one of the
 * top or bottom lines of a page; it goes when it reads as a page number or a header word (grammars/ingest.yaml),
 * or when the same line (digits aside) stands at the same height on most pages.
 */
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
  return pages.map((lines, i) => {
    const drop = new Set(
      candidates[i]!.filter(
        (l) => grammar.pageNumber.test(l.text) || grammar.headerWord.test(l.text) || repeated(l),
      ),
    );
    return lines.filter((l) => !drop.has(l));
  });
}
