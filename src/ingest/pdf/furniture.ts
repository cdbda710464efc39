/**
 * Page furniture: running headers, running footers and page numbers are dropped. A candidate is one of the
 * top or bottom lines of a page; it goes when it reads as a page number (grammars/layout/furniture.yaml, the
 * patterns text uses too) or a header word (grammars/ingest.yaml), or when the same line (digits aside) stands at
 * the same height on most pages. A page number whose marks a scan's OCR misread (”10一 for — 10 —) goes when its
 * number is its page's in the sequence the other pages' numbers set.
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
  return pages.map((lines, i) => {
    const drop = new Set(
      candidates[i]!.filter(
        (l) =>
          readPageNumber(l.text) !== null ||
          grammar.headerWord.test(l.text) ||
          repeated(l) ||
          (offset !== null && readPagedNumber(l.text) === l.page + offset),
      ),
    );
    return lines.filter((l) => !drop.has(l));
  });
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
    const found = new Set(c.flatMap((l) => {
      const n = readPageNumber(l.text) ?? readPagedNumber(l.text);
      return n === null ? [] : [n - l.page];
    }));
    if (found.size !== 1) continue;
    numbered++;
    const [d] = found;
    counts.set(d!, (counts.get(d!) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= MIN_NUMBERED_PAGES && 2 * best[1] > numbered ? best[0] : null;
}
