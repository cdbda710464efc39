/**
 * OCR speed: seconds a page of `ocrPages` on an image-only PDF, one page at a time (jobs 1, as before pages ran
 * in parallel) and with the default number of jobs (one a core). Run alone:
 * `node dist/bench/ocr.js [FILE.pdf] [PAGES]` (default: corpus/producers/scan-seed-200.pdf, its first 4 pages;
 * make it with `npm run fixtures:producers`). Skips with a message when the file or tesseract is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../grammars.js';
import { loadPdf } from '../ingest/pdf/load.js';
import { DEFAULT_OCR_JOBS, ocrPages } from '../ingest/pdf/ocr.js';

/** One row: pages OCR'd with `jobs` at once, seconds taken, seconds a page. */
export interface OcrBenchRow {
  jobs: number;
  pages: number;
  seconds: number;
  secondsPerPage: number;
}

export const DEFAULT_OCR_BENCH = join(PACKAGE_ROOT, 'corpus', 'producers', 'scan-seed-200.pdf');

/** Times the OCR of the first `count` pages of `file` with 1 job and with the default jobs. */
export async function benchOcr(file = DEFAULT_OCR_BENCH, count = 4): Promise<OcrBenchRow[] | string> {
  if (!existsSync(file)) return `${file} is absent (npm run fixtures:producers); OCR bench skipped`;
  const bytes = new Uint8Array(readFileSync(file));
  const { pages } = await loadPdf(bytes, file);
  const some = pages.slice(0, count);
  const rows: OcrBenchRow[] = [];
  for (const jobs of [...new Set([1, DEFAULT_OCR_JOBS])]) {
    const t0 = performance.now();
    try {
      await ocrPages(bytes, some, file, undefined, jobs);
    } catch (err) {
      return `OCR bench skipped: ${(err as Error).message}`;
    }
    const seconds = (performance.now() - t0) / 1000;
    rows.push({ jobs, pages: some.length, seconds, secondsPerPage: seconds / some.length });
  }
  return rows;
}

/** The rows as lines of text. */
export function ocrTable(rows: OcrBenchRow[] | string): string {
  if (typeof rows === 'string') return `pdf/ocr: ${rows}\n`;
  return (
    rows
      .map(
        (r) =>
          `pdf/ocr: jobs ${r.jobs}: ${r.pages} pages in ${r.seconds.toFixed(1)} s, ${r.secondsPerPage.toFixed(2)} s/page`,
      )
      .join('\n') + '\n'
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, pages] = process.argv.slice(2);
  benchOcr(file, pages ? Number(pages) : undefined)
    .then((rows) => process.stdout.write(ocrTable(rows)))
    .catch((err: unknown) => {
      process.stderr.write(`bench ocr: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    });
}
