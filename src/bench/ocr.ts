/**
 * OCR speed: seconds a page of `ocrPages` on an image-only PDF, one page at a time (jobs 1) and with the default
 * number of jobs (one a core), each page rendered at its own resolution (a 200 dpi scan at 200 dpi); then, for
 * comparison, every page rendered at 300 dpi (what --ocr did before). Wall time and CPU time (this process and the
 * pdftoppm/tesseract children it waited for), with the load average, since the machine may be shared. Run alone:
 * `node dist/bench/ocr.js [FILE.pdf] [PAGES]` (default: corpus/producers/scan-seed-200.pdf, its first 4 pages;
 * make it with `npm run fixtures:producers`). Skips with a message when the file or tesseract is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../grammars.js';
import { loadPdf } from '../ingest/pdf/load.js';
import { DEFAULT_OCR_JOBS, ocrPages } from '../ingest/pdf/ocr.js';

/** One row: pages OCR'd with `jobs` at once at `dpi` (or their own), seconds taken, seconds a page, CPU seconds. */
export interface OcrBenchRow {
  jobs: number;
  dpi: number | 'own';
  pages: number;
  seconds: number;
  secondsPerPage: number;
  /** User + system CPU seconds of this process and its waited-for children (null where /proc is absent). */
  cpuSeconds: number | null;
  /** The 1-minute load average when the row finished. */
  load: number;
}

/** CPU seconds (user + system) of this process and of the children it has waited for, from /proc/self/stat. */
function cpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3; utime, stime, cutime, cstime are fields 14–17 (clock ticks, 100 a second).
    const ticks = fields.slice(11, 15).reduce((n, f) => n + Number(f), 0);
    return ticks / CLOCK_TICKS;
  } catch {
    return null;
  }
}

const CLOCK_TICKS = 100;

/** The resolution --ocr rendered every page at before it took each page's own. */
const OLD_DPI = 300;

export const DEFAULT_OCR_BENCH = join(PACKAGE_ROOT, 'corpus', 'producers', 'scan-seed-200.pdf');

/** Times the OCR of the first `count` pages of `file` with 1 job and with the default jobs. */
export async function benchOcr(file = DEFAULT_OCR_BENCH, count = 4): Promise<OcrBenchRow[] | string> {
  if (!existsSync(file)) return `${file} is absent (npm run fixtures:producers); OCR bench skipped`;
  const bytes = new Uint8Array(readFileSync(file));
  const { pages } = await loadPdf(bytes, file);
  const some = pages.slice(0, count);
  const rows: OcrBenchRow[] = [];
  const runs: { jobs: number; dpi: number | 'own' }[] = [
    ...[...new Set([1, DEFAULT_OCR_JOBS])].map((jobs) => ({ jobs, dpi: 'own' as const })),
    { jobs: DEFAULT_OCR_JOBS, dpi: OLD_DPI },
  ];
  for (const { jobs, dpi } of runs) {
    const t0 = performance.now();
    const c0 = cpuSeconds();
    try {
      await ocrPages(bytes, some, file, undefined, jobs, dpi === 'own' ? undefined : dpi);
    } catch (err) {
      return `OCR bench skipped: ${(err as Error).message}`;
    }
    const seconds = (performance.now() - t0) / 1000;
    const c1 = cpuSeconds();
    rows.push({
      jobs,
      dpi,
      pages: some.length,
      seconds,
      secondsPerPage: seconds / some.length,
      cpuSeconds: c0 === null || c1 === null ? null : c1 - c0,
      load: loadavg()[0]!,
    });
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
          `pdf/ocr: jobs ${r.jobs}, ${r.dpi === 'own' ? "the scan's own dpi" : `${r.dpi} dpi`}: ${r.pages} pages in ${r.seconds.toFixed(1)} s wall, ${r.secondsPerPage.toFixed(2)} s/page, CPU ${r.cpuSeconds === null ? '?' : `${r.cpuSeconds.toFixed(1)} s`} (load ${r.load.toFixed(1)})`,
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
