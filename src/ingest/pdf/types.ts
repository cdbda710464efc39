/**
 * The geometry the PDF reader works on: text runs as a page gives them, and the lines built from them.
 * Coordinates are PDF points with the origin at the top left of the page; `y` is a baseline.
 */

/** A piece of text drawn at one place: a pdfjs text item, or a word of an OCR pass. */
export interface TextRun {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  /** Advance width. */
  w: number;
  /** Font size (glyph height). */
  size: number;
}

import type { Rule } from './table-rules.js';

/** The text of one page. */
export interface PageText {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** The text came from OCR (tesseract's layer or our own pass): spaces between CJK glyphs are artefacts. */
  ocr: boolean;
  /** The rules the page draws (ruled tables; see table-rules.ts), when they were read. */
  rules?: Rule[];
}

/** Where a line sits in a page's layout: across the page, or in the left, a middle or the right column. */
export type ColumnSide = 'full' | 'left' | 'middle' | 'right';

/** One line of text in reading order. */
export interface PdfLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  side: ColumnSide;
  /** A paragraph of its own (a cell of a ruled grid, see grid-text.ts): not joined, not measured for margins. */
  block?: boolean;
}
