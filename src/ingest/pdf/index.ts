/**
 * PDF ingest: text layer (or OCR) → lines in reading order → page furniture dropped → paragraphs, with the
 * page and box of every line in `layout`. See DESIGN.md, the "ingest" row.
 */
import { describeInput, IngestError } from '../errors.js';
import type { Source } from '../types.js';
import { cjkSpacing } from './cjk.js';
import { dropFurniture } from './furniture.js';
import { insertGrids, withoutGridRuns } from './grid-text.js';
import { pageLines } from './lines.js';
import { deskew } from './skew.js';
import { loadPdf, type PdfLimits } from './load.js';
import { ocrPages, type OcrProgress } from './ocr.js';
import { paragraphText } from './paragraphs.js';
import { takePdfTables, withPdfTables } from './table.js';
import type { PageText } from './types.js';

export { DEFAULT_MAX_PAGES } from './limits.js';
export type { OcrProgress } from './ocr.js';

/** Options of PDF ingest. */
export interface PdfOptions extends PdfLimits {
  /** OCR the pages that have no text layer (needs tesseract with chi_sim, and pdftoppm). */
  ocr?: boolean;
  /** Called before each page is OCR'd. */
  onProgress?: OcrProgress;
  /** Pages OCR'd at once (default: one a core). */
  ocrJobs?: number;
}

/** A page with fewer visible characters than this has no usable text layer. */
const MIN_PAGE_CHARS = 5;
/** A document whose CJK glyphs are mostly space-separated has an OCR layer (even when its producer is not named). */
const SPACED_SHARE = 0.5;
const MIN_PAIRS = 20;

const visibleChars = (p: PageText): number =>
  p.runs.reduce((n, r) => n + r.text.replace(/\s/g, '').length, 0);

/** Marks the pages as OCR output when the text is spaced glyph by glyph, as OCR layers are. */
function markSpacedLayer(pages: PageText[]): PageText[] {
  let spaced = 0;
  let pairs = 0;
  for (const p of pages)
    for (const r of p.runs) {
      const s = cjkSpacing(r.text);
      spaced += s.spaced;
      pairs += s.pairs;
    }
  if (pairs < MIN_PAIRS || spaced / pairs < SPACED_SHARE) return pages;
  return pages.map((p) => ({ ...p, ocr: true }));
}

/**
 * Reads a PDF into a Source (format 'pdf'; encoding 'pdf-text' for a text layer, 'ocr' when any page was
 * OCR'd here). Throws IngestError: 'needs-ocr' for an image-only PDF without `ocr`, 'missing-tool' when OCR
 * needs a program that is not installed, and those of `loadPdf` ('encrypted-pdf', 'corrupt-pdf',
 * 'too-many-pages', 'too-large', 'timeout').
 */
export async function ingestPdf(
  bytes: Uint8Array,
  path: string | undefined,
  options: PdfOptions = {},
): Promise<Source> {
  const { pages: loaded } = await loadPdf(bytes, path, options);
  let pages = markSpacedLayer(loaded);
  const blank = pages.filter((p) => visibleChars(p) < MIN_PAGE_CHARS);
  const total = pages.reduce((n, p) => n + visibleChars(p), 0);
  if (total < MIN_PAGE_CHARS * pages.length && !options.ocr)
    throw new IngestError(
      'needs-ocr',
      `${describeInput(path)}: the PDF has no text layer (a scanned image); run it again with --ocr (option ocr: true) to OCR it with tesseract, or pass a searchable PDF`,
      path,
    );
  if (options.ocr && blank.length > 0) {
    const done = new Map(
      (await ocrPages(bytes, blank, path, options.onProgress, options.ocrJobs)).map((p) => [p.page, p]),
    );
    pages = pages.map((p) => done.get(p.page) ?? p);
  }
  return {
    ...readPages(pages, path),
    format: 'pdf',
    encoding: options.ocr && blank.length > 0 ? 'ocr' : 'pdf-text',
  };
}

/**
 * Pages of runs (a PDF's text layer or OCR output, an image's OCR output) → the text and layout of a Source: pages
 * scanned askew turned back, tables taken out, page furniture dropped, lines joined into paragraphs. Throws
 * IngestError 'empty-input' when no text is left.
 */
export function readPages(
  pages: PageText[],
  path: string | undefined,
  /** What the pages are, for the message: 'PDF' or 'image'. */
  what = 'PDF',
): Pick<Source, 'raw' | 'pages' | 'lineEndings' | 'layout' | 'tables'> {
  // A page scanned askew has its words turned back before lines are built (see skew.ts).
  const straight = pages.map(deskew);
  const found = takePdfTables(straight);
  const prose = withoutGridRuns(found.pages, found.plain);
  const lines = insertGrids(dropFurniture(prose.map(pageLines)), found.plain).flat();
  if (lines.length === 0 && found.tables.length === 0)
    throw new IngestError(
      'empty-input',
      `${describeInput(path)}: the ${what} holds no text; pass a file with the notice's text`,
      path,
    );
  const { raw, layout, tables } =
    found.tables.length > 0
      ? withPdfTables(lines, found.tables)
      : { ...paragraphText(lines), tables: undefined };
  return { raw, pages: pages.length, lineEndings: 'lf', layout, ...(tables ? { tables } : {}) };
}
