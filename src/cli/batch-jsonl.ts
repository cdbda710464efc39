/**
 * `gongwen convert --input jsonl -`: a map step for engines that distribute the work themselves (GNU parallel,
 * a Spark `pipe()` stage, a job queue). Each stdin line `{"path", "text"}` or `{"path", "base64"}` gives one
 * NoticeGraph line on stdout, in input order; a bad line gives an error line on stderr and the stream goes on.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { orderedMap } from './batch-order.js';
import { jobsOf } from './batch.js';
import { EXIT_FAILED, type ConvertCommand } from './convert.js';
import { taskRunner } from './worker-pool.js';

/** Lines converted at once per worker (one running, one queued). */
const QUEUED_PER_JOB = 2;
/** Lines read ahead and held back for ordering, per worker. */
const WINDOW_PER_JOB = 8;

/** The stdin lines with their 1-based numbers, blank lines left out. */
async function* records(): AsyncGenerator<{ line: string; lineNo: number }> {
  let lineNo = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() !== '') yield { line, lineNo };
  }
}

/** Writes to stdout, waiting when its buffer is full (so a slow reader bounds memory). */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** Runs the JSON Lines stream; resolves to the exit status (1 when some line failed). */
export async function runJsonl(cmd: ConvertCommand): Promise<number> {
  if (cmd.input !== '-') {
    process.stderr.write(`gongwen: --input jsonl reads stdin: pass '-' as the input, not '${cmd.input}'\n`);
    return EXIT_FAILED;
  }
  const jobs = jobsOf(cmd);
  const runner = taskRunner(jobs, cmd);
  let failed = 0;
  try {
    await orderedMap(
      records(),
      ({ line, lineNo }) => runner.run({ kind: 'jsonl', line, lineNo }),
      async (result) => {
        for (const line of result.lines) process.stderr.write(line + '\n');
        if (result.text !== undefined) await write(result.text + '\n');
        else failed++;
      },
      { concurrency: jobs * QUEUED_PER_JOB, window: jobs * WINDOW_PER_JOB },
    );
  } finally {
    await runner.close('done');
  }
  return failed > 0 ? EXIT_FAILED : 0;
}
