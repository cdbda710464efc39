/**
 * `npm run bench`: generates a corpus of 1,000 notices into .bench/ (git-ignored), then reports figures (not
 * pass/fail) against the goals of issue 7, side by side with a baseline that only reads the same bytes and
 * runs one regex scan over them. Then runs the PDF and diff benches when they exist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../grammars.js';
import { generateCorpus } from './corpus.js';
import { baseline, corpusFiles, median, runNode, timeRuns } from './measure.js';

const BENCH_DIR = join(PACKAGE_ROOT, '.bench');
const CORPUS_DIR = join(BENCH_DIR, 'corpus');
const OUT_DIR = join(BENCH_DIR, 'out');
const CLI = join(PACKAGE_ROOT, 'dist/bundle/main.js');
const SEED_NOTICE = join(PACKAGE_ROOT, 'corpus/zhengzhou-2020-notice.txt');

/** Notices in the corpus, and the random seed that makes them (GONGWEN_BENCH_SEED overrides it). */
const NOTICES = 1000;
const CORPUS_SEED = Number(process.env.GONGWEN_BENCH_SEED ?? 2020);
/** Runs whose median is reported: the seed warm, and the cold start of the CLI. */
const WARM_RUNS = 30;
/**
 * Conversions before the warm runs: V8 optimises the pipeline only after some 40 conversions of the seed, so
 * fewer would time the tier-up, not the warm code. The first conversions are reported on their own line.
 */
const WARMUP_RUNS = 60;
/** The first conversions of a fresh process, reported as the warm-up (the very first pays for loading). */
const FIRST_RUNS = 10;
const COLD_RUNS = 5;
/** Notices converted in-process for the library's throughput (a sample keeps the bench short). */
const LIBRARY_SAMPLE = 200;
/** Workers of the CLI batch (the goal is stated for 2 cores). */
const BATCH_JOBS = 2;
/** The other benches, run after this one when they exist (written by other issues). */
const OTHER_BENCHES = ['pdf', 'ocr', 'diff', 'tables', 'archive'];

const BYTES_PER_MB = 1024 * 1024;
const mbps = (bytes: number, ms: number): string => `${(bytes / BYTES_PER_MB / (ms / 1000)).toFixed(1)} MB/s`;
const perSecond = (n: number, ms: number): string => `${(n / (ms / 1000)).toFixed(0)} notices/s`;
const ratio = (slow: number, fast: number): string => `${(slow / fast).toFixed(0)}×`;

type Row = [measure: string, value: string, goal: string, baseline: string, ratio: string];

function table(rows: Row[]): string {
  const head: Row = ['measure', 'gongwen', 'goal', 'baseline (read + 1 regex scan)', 'ratio'];
  const line = (r: string[]): string => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Runs each other bench as its own script (`node dist/bench/<name>.js`), or notes that it is absent. */
function otherBenches(): void {
  for (const name of OTHER_BENCHES) {
    const script = join(PACKAGE_ROOT, 'dist/bench', `${name}.js`);
    if (!existsSync(script)) {
      process.stdout.write(`\n(src/bench/${name}.ts is absent: skipped)\n`);
      continue;
    }
    process.stdout.write(`\n## ${name}\n\n`);
    const r = spawnSync(process.execPath, [script], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.stdout.write(`(the ${name} bench exited with ${r.status})\n`);
  }
}

async function main(): Promise<void> {
  process.stdout.write(`Generating ${NOTICES} notices (seed ${CORPUS_SEED}) into ${CORPUS_DIR}…\n`);
  const totalBytes = generateCorpus(PACKAGE_ROOT, CORPUS_DIR, NOTICES, CORPUS_SEED);
  const files = corpusFiles(CORPUS_DIR);
  const { convertSync } = await import('../index.js');

  const seed = readFileSync(SEED_NOTICE);
  const first = timeRuns(() => convertSync(seed, { path: SEED_NOTICE }), FIRST_RUNS);
  const warm = median(timeRuns(() => convertSync(seed, { path: SEED_NOTICE }), WARM_RUNS, WARMUP_RUNS));
  const seedBaseline = median(timeRuns(() => baseline([SEED_NOTICE]), WARM_RUNS, WARMUP_RUNS));

  const sample = files.slice(0, LIBRARY_SAMPLE);
  let sampleBytes = 0;
  const t0 = performance.now();
  for (const f of sample) {
    const bytes = readFileSync(f);
    sampleBytes += bytes.length;
    convertSync(bytes, { path: f });
  }
  const libraryMs = performance.now() - t0;
  const sampleBaseline = baseline(sample).ms;

  rmSync(OUT_DIR, { recursive: true, force: true });
  const batch = runNode(
    [CLI, 'convert', CORPUS_DIR, '-o', OUT_DIR, '--jobs', String(BATCH_JOBS), '--quiet'],
    PACKAGE_ROOT,
  );
  if (batch.status !== 0) process.stderr.write(`the batch exited with ${batch.status}:\n${batch.stderr}\n`);
  const batchBaseline = baseline(files).ms;

  const cold = [...Array(COLD_RUNS)].map(() => runNode([CLI, 'convert', SEED_NOTICE], PACKAGE_ROOT).ms);
  const nodeStart = [...Array(COLD_RUNS)].map(() => runNode(['-e', '0'], PACKAGE_ROOT).ms);

  const mb = (totalBytes / BYTES_PER_MB).toFixed(1);
  const rows: Row[] = [
    [
      `seed (44 KB) warm, in-process, median of ${WARM_RUNS} after ${WARMUP_RUNS}`,
      `${warm.toFixed(1)} ms`,
      '≤ 10 ms',
      `${seedBaseline.toFixed(2)} ms`,
      ratio(warm, seedBaseline),
    ],
    [
      `seed, the first ${FIRST_RUNS} in-process conversions (warm-up): first, median of the rest`,
      `${first[0]!.toFixed(0)} ms, ${median(first.slice(1)).toFixed(1)} ms`,
      '',
      '',
      '',
    ],
    [
      `library in-process, 1 thread (${LIBRARY_SAMPLE} notices)`,
      `${mbps(sampleBytes, libraryMs)}, ${perSecond(sample.length, libraryMs)}`,
      '',
      mbps(sampleBytes, sampleBaseline),
      ratio(libraryMs, sampleBaseline),
    ],
    [
      `CLI batch, ${files.length} notices (${mb} MB), --jobs ${BATCH_JOBS}`,
      `${(batch.ms / 1000).toFixed(1)} s, ${mbps(totalBytes, batch.ms)}, ${perSecond(files.length, batch.ms)}`,
      '≤ 20 s',
      `${(batchBaseline / 1000).toFixed(2)} s, ${mbps(totalBytes, batchBaseline)}`,
      ratio(batch.ms, batchBaseline),
    ],
    [
      `cold one-file convert of the seed, median of ${COLD_RUNS}`,
      `${median(cold).toFixed(0)} ms`,
      '≤ 500 ms',
      `${median(nodeStart).toFixed(0)} ms (node -e 0)`,
      ratio(median(cold), median(nodeStart)),
    ],
    [
      'peak memory of the batch (RSS, main + workers)',
      batch.peakMB === null ? 'n/a (no /usr/bin/time)' : `${batch.peakMB.toFixed(0)} MB`,
      '≤ 300 MB',
      '',
      '',
    ],
  ];
  process.stdout.write(`\n${table(rows)}\n`);
  otherBenches();
}

await main();
