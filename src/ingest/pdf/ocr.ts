/**
 * OCR of PDF pages that have no text layer: each page is rendered by pdftoppm (poppler-utils) and read by the
 * system tesseract (chi_sim) into word boxes (TSV), which become text runs like those of a text layer, so the
 * same line, column and paragraph logic applies.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { describeInput, IngestError } from '../errors.js';
import { OCR_INSTALL, runTool, type Tool } from '../tools.js';
import type { PageText, TextRun } from './types.js';

/**
 * Resolution of a rendered page: the scan's own (the largest image on the page, as `pdfimages -list` gives its
 * resolution where it is drawn), between these bounds; a page with no image at the highest. Rendering a scan above
 * its own resolution adds no detail, only pixels: tesseract reads an upsampled page no better (the seed scanned at
 * 200 dpi: 0.989 tasks F1 read at 200, as tess-seed-200.pdf) and takes about twice as long.
 */
const MAX_DPI = 300;
const MIN_DPI = 150;
const POINTS_PER_INCH = 72;
export const LANGUAGE = 'chi_sim';
/** Time limit of one tool run on one page. */
export const PAGE_TIMEOUT_MS = 180_000;
/** tesseract on one thread: pages run in parallel instead. */
export const ONE_THREAD = { ...process.env, OMP_THREAD_LIMIT: '1' };
/** The levels of a page row, a line row and a word row in tesseract's TSV. */
const PAGE_LEVEL = 1;
const LINE_LEVEL = 4;
const WORD_LEVEL = 5;

const PDFTOPPM: Tool = { command: 'pdftoppm', install: OCR_INSTALL };
const PDFIMAGES: Tool = { command: 'pdfimages', install: OCR_INSTALL };

/**
 * The resolution to render each page at: its largest image's (pixels per inch where it is drawn, the lower of the
 * two axes), rounded and kept within MIN_DPI..MAX_DPI; MAX_DPI for a page without an image. Reads `pdfimages -list`
 * (a table: page, num, type, width, height, …, x-ppi, y-ppi, …); a row it cannot read is passed over.
 */
export function pageResolutions(list: string): Map<number, number> {
  const best = new Map<number, { pixels: number; ppi: number }>();
  for (const row of list.split('\n')) {
    const cols = row.trim().split(/\s+/);
    const [page, , type, width, height] = cols.slice(0, 5);
    const [xppi, yppi] = cols.slice(12, 14).map(Number) as [number, number];
    if (type !== 'image' || !/^\d+$/.test(page ?? '') || !(xppi > 0 && yppi > 0)) continue;
    const pixels = Number(width) * Number(height);
    const prev = best.get(Number(page));
    if (!prev || pixels > prev.pixels) best.set(Number(page), { pixels, ppi: Math.min(xppi, yppi) });
  }
  return new Map(
    [...best].map(([page, { ppi }]) => [page, Math.min(MAX_DPI, Math.max(MIN_DPI, Math.round(ppi)))]),
  );
}
export const TESSERACT: Tool = { command: 'tesseract', install: OCR_INSTALL };

/** Progress of an OCR pass: page `page` of the `pages` to OCR is starting. */
export type OcrProgress = (done: { page: number; index: number; total: number }) => void;

/** A page of tesseract's TSV: its number (1-based), its size in pixels, and its words as runs in points. */
export interface TsvPage {
  page: number;
  widthPx: number;
  heightPx: number;
  runs: TextRun[];
}

/**
 * Word rows of tesseract's TSV → runs in points, page by page (a multi-page TIFF gives several). Every word of a
 * line gets the line's baseline and height (from the line's own row), so that the words of one line stay on one
 * baseline whatever their glyphs. A page's size is its level-1 row's.
 */
export function tsvPages(tsv: string, dpi: number): TsvPage[] {
  const scale = POINTS_PER_INCH / dpi;
  const pages = new Map<number, TsvPage>();
  const lines = new Map<string, { bottom: number; height: number }>();
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12) continue;
    const [level, pageNum, block, par, line] = cols.slice(0, 5);
    const [left, top, width, height] = cols.slice(6, 10).map(Number) as [number, number, number, number];
    const n = Number(pageNum);
    if (!Number.isInteger(n) || n < 1) continue;
    let page = pages.get(n);
    if (!page) pages.set(n, (page = { page: n, widthPx: 0, heightPx: 0, runs: [] }));
    if (Number(level) === PAGE_LEVEL) {
      page.widthPx = width;
      page.heightPx = height;
    }
    const id = `${n}/${block}/${par}/${line}`;
    if (Number(level) === LINE_LEVEL) lines.set(id, { bottom: top + height, height });
    const text = cols.slice(11).join('\t').trim();
    const at = lines.get(id);
    if (Number(level) !== WORD_LEVEL || text === '' || !at) continue;
    page.runs.push({
      text,
      x: left * scale,
      y: at.bottom * scale,
      w: width * scale,
      size: at.height * scale,
    });
  }
  return [...pages.values()].sort((a, b) => a.page - b.page);
}

/** Word rows of a one-page TSV → runs in points. */
const wordsToRuns = (tsv: string, dpi: number): TextRun[] => tsvPages(tsv, dpi)[0]?.runs ?? [];

/** Refuses when tesseract has no Chinese model. */
export async function checkLanguage(path: string | undefined): Promise<void> {
  const langs = await runTool(TESSERACT, ['--list-langs'], path, PAGE_TIMEOUT_MS);
  if (!langs.split(/\s+/).includes(LANGUAGE))
    throw new IngestError(
      'missing-tool',
      `${describeInput(path)}: tesseract has no Chinese (${LANGUAGE}) model; install it (apt-get install tesseract-ocr-chi-sim) and try again`,
      path,
    );
}

/** Pages OCR'd at once by default: one a core (tesseract is run single-threaded on each). */
export const DEFAULT_OCR_JOBS = Math.max(1, availableParallelism());

/**
 * OCRs the given pages of the PDF (numbers and sizes in points), `jobs` pages at a time (each tesseract run is
 * single-threaded, so pages in parallel use the cores better than one page on many threads), calling
 * `onProgress` as each page starts. The pages come back in the order given.
 */
export async function ocrPages(
  bytes: Uint8Array,
  pages: { page: number; width: number; height: number }[],
  path: string | undefined,
  onProgress?: OcrProgress,
  jobs = DEFAULT_OCR_JOBS,
  /** Render every page at this resolution instead of its own (the bench's comparison). */
  forceDpi?: number,
): Promise<PageText[]> {
  await checkLanguage(path);
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    const dpis = pageResolutions(await runTool(PDFIMAGES, ['-list', pdf], path, PAGE_TIMEOUT_MS));
    const limit = pLimit(Math.max(1, jobs));
    let started = 0;
    const one = async (p: (typeof pages)[number]): Promise<PageText> => {
      onProgress?.({ page: p.page, index: ++started, total: pages.length });
      const prefix = join(dir, `p${p.page}`);
      const n = String(p.page);
      const dpi = forceDpi ?? dpis.get(p.page) ?? MAX_DPI;
      const args = ['-r', String(dpi), '-gray', '-singlefile', '-f', n, '-l', n, pdf, prefix];
      await runTool(PDFTOPPM, args, path, PAGE_TIMEOUT_MS);
      const tsv = await runTool(
        TESSERACT,
        [`${prefix}.pgm`, '-', '-l', LANGUAGE, '--dpi', String(dpi), 'tsv'],
        path,
        PAGE_TIMEOUT_MS,
        ONE_THREAD,
      );
      return { ...p, runs: wordsToRuns(tsv, dpi), ocr: true };
    };
    return await Promise.all(pages.map((p) => limit(() => one(p))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
