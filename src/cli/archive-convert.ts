/**
 * The converter of `archive add`: notices go through the batch's worker pool as JSON Lines tasks (bytes in,
 * the graph's JSON out, stored as it is), so conversions run on every core while the main thread writes the database.
 */
import { availableParallelism } from 'node:os';
import type { Converter } from '../archive/add.js';
import type { NoticeGraph } from '../graph/schema.js';
import type { ConvertCommand } from './convert.js';
import { taskRunner } from './worker-pool.js';

/** A converter, how many notices it converts at once, and how to end its threads. */
export interface ArchiveConverter {
  convert: Converter;
  width: number;
  close(): Promise<void>;
}

/** A converter over `jobs` worker threads (default: the cores). */
export function archiveConverter(jobs = availableParallelism()): ArchiveConverter {
  const cmd: ConvertCommand = {
    input: '-',
    format: 'json',
    inputFormat: 'jsonl',
    units: [],
    keywords: false,
    quiet: true,
    verbose: false,
  };
  // The threads start with the first notice to convert: a run over graph JSON files never starts them.
  let runner: ReturnType<typeof taskRunner> | undefined;
  let lineNo = 0;
  return {
    width: jobs,
    convert: async ({ path, bytes }) => {
      const line = JSON.stringify({ path, base64: Buffer.from(bytes).toString('base64') });
      runner ??= taskRunner(jobs, cmd);
      const result = await runner.run({ kind: 'jsonl', line, lineNo: ++lineNo });
      if (result.status !== 'converted' || result.text === undefined)
        throw new Error(result.reason ?? 'conversion failed');
      return { graph: JSON.parse(result.text) as NoticeGraph, json: result.text };
    },
    close: async () => runner?.close('done'),
  };
}
