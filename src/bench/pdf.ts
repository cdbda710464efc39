/**
 * PDF ingest speed: pages per second of our ingest (`ingestAsync`), of pdfjs-dist's bare text extraction
 * (getTextContent on every page, nothing else) and of poppler's `pdftotext`, on the same files in the same run,
 * with the ratios the bar is stated in (ours ≤ 1.5× the time of bare pdfjs; aim within 5× of pdftotext).
 * Run alone: `node dist/bench/pdf.js [FILE.pdf…]` (default: the text PDFs of corpus/pdf/).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PACKAGE_ROOT } from '../grammars.js';
import { ingestAsync } from '../ingest/index.js';

/** One line of the bench: a tool, pages read, seconds taken, pages per second, time relative to ours. */
export interface PdfBenchRow {
  tool: 'gongwen' | 'pdfjs-bare' | 'pdftotext';
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  /** Our time divided by this tool's time (1 for our own row). */
  oursOverThis: number;
}

/** The PDFs measured by default. */
export const DEFAULT_BENCH_PDFS = ['seed-export.pdf', 'two-column.pdf', 'seed-scan.pdf'].map((f) =>
  join(PACKAGE_ROOT, 'corpus', 'pdf', f),
);
/** Each tool reads every file this many times (after one warm-up round). */
const ROUNDS = 3;

const run = promisify(execFile);

async function bare(bytes: Uint8Array): Promise<number> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

async function ours(bytes: Uint8Array, path: string): Promise<number> {
  return (await ingestAsync(bytes, { path })).pages ?? 0;
}

async function pdftotext(path: string): Promise<number> {
  await run('pdftotext', ['-q', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const info = await run('pdfinfo', [path]);
  return Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0);
}

async function time(read: () => Promise<number>): Promise<{ pages: number; seconds: number }> {
  await read();
  const start = process.hrtime.bigint();
  let pages = 0;
  for (let i = 0; i < ROUNDS; i++) pages += await read();
  return { pages, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Measures the three readers on `files`; pdftotext is left out when poppler-utils is not installed. */
export async function benchPdf(files: string[] = DEFAULT_BENCH_PDFS): Promise<PdfBenchRow[]> {
  const inputs = files.map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  const all = (one: (i: { path: string; bytes: Uint8Array }) => Promise<number>) => async () => {
    let pages = 0;
    for (const i of inputs) pages += await one(i);
    return pages;
  };
  const results: [PdfBenchRow['tool'], { pages: number; seconds: number }][] = [
    ['gongwen', await time(all((i) => ours(i.bytes, i.path)))],
    ['pdfjs-bare', await time(all((i) => bare(i.bytes)))],
  ];
  const poppler = await time(all((i) => pdftotext(i.path))).catch(() => null);
  if (poppler) results.push(['pdftotext', poppler]);
  const mine = results[0]![1].seconds;
  return results.map(([tool, r]) => ({
    tool,
    pages: r.pages,
    seconds: r.seconds,
    pagesPerSecond: r.pages / r.seconds,
    oursOverThis: mine / r.seconds,
  }));
}

/** The rows as a table. */
export function formatPdfBench(rows: PdfBenchRow[]): string {
  const head = 'tool          pages  seconds  pages/s  ours÷this';
  return [
    head,
    ...rows.map(
      (r) =>
        `${r.tool.padEnd(12)} ${String(r.pages).padStart(6)} ${r.seconds.toFixed(2).padStart(8)} ${r.pagesPerSecond.toFixed(1).padStart(8)} ${r.oursOverThis.toFixed(2).padStart(10)}`,
    ),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  const rows = await benchPdf(files.length > 0 ? files : DEFAULT_BENCH_PDFS);
  process.stdout.write(`PDF ingest (${ROUNDS} rounds after a warm-up):\n${formatPdfBench(rows)}\n`);
}
