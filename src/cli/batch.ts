/**
 * `gongwen convert DIR -o OUT`: a folder converted in parallel by a pool of worker threads. Files are streamed
 * from the walk through a bounded window; results are printed and counted in input order, so stderr and the
 * summary do not depend on scheduling; each output is written atomically by its worker. One bad file fails
 * alone. On SIGINT no new file starts, the files being converted finish, and no temporary file is left.
 */
import { readdir, unlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { orderedMap } from './batch-order.js';
import type { BatchResult } from './batch-task.js';
import { countInputs, isImageName, walk } from './batch-walk.js';
import { DEFAULT_OUT, EXIT_FAILED, tempPathFor, type ConvertCommand } from './convert.js';
import { Progress } from './progress.js';
import { taskRunner } from './worker-pool.js';

/** Files handed to the pool per worker (one running, one queued), so no worker waits for the main thread. */
const QUEUED_PER_JOB = 2;
/** Files started but not yet reported, per worker: bounds what is held back to keep the output in order. */
const WINDOW_PER_JOB = 8;
/** Exit status after an interruption (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** The number of workers of a batch: --jobs, or the machine's available parallelism. */
export function jobsOf(cmd: ConvertCommand): number {
  return Math.max(1, cmd.jobs ?? availableParallelism());
}

/** With --ocr a folder's scanned images are inputs too. */
const imagesOf = (cmd: ConvertCommand): ((name: string) => boolean) | undefined =>
  cmd.ingest?.ocr ? isImageName : undefined;

/** A failure's reason for the summary, which names the file already. */
const withoutPath = (reason: string | undefined, path: string): string =>
  (reason ?? 'failed').replace(`${path}: `, '');

/** Runs a folder batch; resolves to the exit status. */
export async function runBatch(cmd: ConvertCommand): Promise<number> {
  const outDir = cmd.output ?? DEFAULT_OUT;
  const jobs = jobsOf(cmd);
  const runner = taskRunner(jobs, cmd);
  const progress = new Progress(process.stderr, !cmd.quiet && process.stderr.isTTY === true);
  if (progress.enabled)
    void countInputs(cmd.input, imagesOf(cmd)).then(
      (total) => progress.setTotal(total),
      () => undefined,
    );
  const counts = { converted: 0, failed: 0, skipped: 0 };
  const failures: { path: string; reason: string }[] = [];
  const running = new Map<Promise<BatchResult>, string>();
  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
    void runner.close('interrupted');
  };
  process.once('SIGINT', onInterrupt);
  try {
    await orderedMap(
      walk(cmd.input, imagesOf(cmd)),
      (path) => {
        const target = join(outDir, relative(cmd.input, path) + '.json');
        const job = runner.run({ kind: 'file', path, target });
        running.set(job, target);
        return job.finally(() => running.delete(job));
      },
      (result, path) => {
        counts[result.status]++;
        if (result.status === 'failed') failures.push({ path, reason: withoutPath(result.reason, path) });
        if (!interrupted) for (const line of result.lines) progress.log(line);
        progress.tick(result.bytes);
      },
      { concurrency: jobs * QUEUED_PER_JOB, window: jobs * WINDOW_PER_JOB, stopped: () => interrupted },
    );
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    await runner.close('done');
    progress.finish();
  }
  if (interrupted) return cleanUp(running);
  if (!cmd.quiet) {
    process.stderr.write(
      `gongwen: converted ${counts.converted}, failed ${counts.failed}, skipped ${counts.skipped} → ${outDir}\n`,
    );
    for (const f of failures) process.stderr.write(`  failed: ${f.path}: ${f.reason}\n`);
  }
  return counts.failed > 0 ? EXIT_FAILED : 0;
}

/**
 * Removes what `emit` may have left of `target`: its temporary file, also under the extension of a rendered
 * format (`a.txt.csv.<pid>.tmp` for the target `a.txt.json`).
 */
async function removeTemporary(target: string): Promise<void> {
  const stem = basename(target).replace(/\.json$/, '');
  const suffix = tempPathFor('');
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  const ours = names.filter((n) => n.startsWith(stem + '.') && n.endsWith(suffix));
  await Promise.all(ours.map((n) => unlink(join(dirname(target), n)).catch(() => undefined)));
}

/** After SIGINT: waits for the tasks still running, removes their temporary files, reports. */
async function cleanUp(running: Map<Promise<BatchResult>, string>): Promise<number> {
  const targets = [...running.values()];
  await Promise.allSettled([...running.keys()]);
  await Promise.all(targets.map(removeTemporary));
  process.stderr.write(
    'gongwen: interrupted; outputs written so far are complete, no partial file is left\n',
  );
  return EXIT_INTERRUPTED;
}
