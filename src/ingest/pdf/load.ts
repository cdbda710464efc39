/**
 * Opening a PDF with pdfjs-dist (legacy build, for Node) safely: no eval, no font loading, CMaps and standard
 * font data from the installed package; limits on size and pages; every failure an IngestError that says what
 * is wrong and what to do. The text of each page comes out as runs (see types.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describeInput, IngestError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../read.js';
import { DEFAULT_TIMEOUT_MS, withTimeout } from '../timeout.js';
import type { PageText, TextRun } from './types.js';
import { DEFAULT_MAX_PAGES } from './limits.js';
import { RuleScan } from './table-rules.js';

/** Limits on one PDF. */
export interface PdfLimits {
  /** Most pages accepted (default `DEFAULT_MAX_PAGES`). */
  maxPages?: number;
  /** Largest file accepted, in bytes (default `DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
  /** Time limit for reading the whole file, in milliseconds (default `DEFAULT_TIMEOUT_MS`). */
  timeoutMs?: number;
}

/** What a PDF holds: the text runs of each page, and the producer named in its metadata. */
export interface PdfContent {
  pages: PageText[];
  producer: string;
}

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const BYTES_PER_MB = 1024 * 1024;

function pdfError(err: unknown, path: string | undefined): IngestError {
  const name = (err as { name?: string }).name ?? '';
  const what = describeInput(path);
  if (name === 'PasswordException')
    return new IngestError(
      'encrypted-pdf',
      `${what}: the PDF is password-protected; open it with its password and save an unprotected copy (e.g. qpdf --decrypt --password=… in.pdf out.pdf), then convert that`,
      path,
      { cause: err },
    );
  const reason = err instanceof Error ? err.message : String(err);
  return new IngestError(
    'corrupt-pdf',
    `${what}: the PDF is damaged or incomplete (${reason}); download or export it again, or repair it (e.g. qpdf in.pdf out.pdf)`,
    path,
    { cause: err },
  );
}

async function pageText(doc: PDFDocumentProxy, n: number, ocr: boolean, scan: RuleScan): Promise<PageText> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [, , c, d, e, f] = item.transform as number[];
    const [x, y] = viewport.convertToViewportPoint(e!, f!) as [number, number];
    runs.push({ text: item.str, x, y, w: item.width, size: Math.hypot(c!, d!) || item.height });
  }
  const rules = await scan.rules(page, viewport.transform, runs);
  return { page: n, width: viewport.width, height: viewport.height, runs, ocr, ...(rules ? { rules } : {}) };
}

/** Producers whose text layer is OCR output (spaces between CJK glyphs). */
const OCR_PRODUCER = /tesseract|ocrmypdf|abbyy|finereader/i;

/**
 * Reads the text runs of every page. Throws IngestError: 'too-large', 'too-many-pages', 'encrypted-pdf',
 * 'corrupt-pdf' (damaged, truncated, not a PDF after all), 'timeout'.
 */
export async function loadPdf(
  bytes: Uint8Array,
  path: string | undefined,
  limits: PdfLimits = {},
): Promise<PdfContent> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const what = describeInput(path);
  if (bytes.length > maxBytes)
    throw new IngestError(
      'too-large',
      `${what}: is ${(bytes.length / BYTES_PER_MB).toFixed(1)} MB, above the ${(maxBytes / BYTES_PER_MB).toFixed(0)} MB limit; check that it is a notice, or raise the limit (--max-size)`,
      path,
    );
  const task = getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/',
    stopAtErrors: true,
  });
  const read = async (): Promise<PdfContent> => {
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (err) {
      throw pdfError(err, path);
    }
    const maxPages = limits.maxPages ?? DEFAULT_MAX_PAGES;
    if (doc.numPages > maxPages)
      throw new IngestError(
        'too-many-pages',
        `${what}: has ${doc.numPages} pages, above the ${maxPages}-page limit; split it, or raise the limit (--max-pages)`,
        path,
      );
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as { Producer?: string };
    const producer = typeof info.Producer === 'string' ? info.Producer : '';
    const ocr = OCR_PRODUCER.test(producer);
    const pages: PageText[] = [];
    const scan = new RuleScan();
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        pages.push(await pageText(doc, n, ocr, scan));
      } catch (err) {
        throw pdfError(new Error(`page ${n}: ${(err as Error).message}`), path);
      }
    }
    return { pages, producer };
  };
  try {
    return await withTimeout(read(), limits.timeoutMs ?? DEFAULT_TIMEOUT_MS, path, () => task.destroy());
  } finally {
    void task.destroy();
  }
}
