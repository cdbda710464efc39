/**
 * Entry of an `archive add` worker thread: prepares the inputs the pool posts (src/archive/prepare.ts), one at a
 * time: a graph JSON file validated, or a notice converted as `gongwen convert` does; then deflated and
 * flattened into rows. The blobs go back handed over, not copied.
 */
import { parentPort } from 'node:worker_threads';
import type { PrepareReply } from '../archive/prepare-pool.js';
import { prepareInput, type Converter, type PrepareJob } from '../archive/prepare.js';
import { convertInput, type ConvertCommand } from './convert.js';

const port = parentPort!;

const CMD: ConvertCommand = {
  input: '-',
  format: 'json',
  units: [],
  keywords: false,
  quiet: true,
  verbose: false,
};

/** Converts as the batch does, keeping the decoded input for the exact repaired text. */
const convert: Converter = async ({ path, bytes }) => {
  const { graph, reason, raw } = await convertInput(path, CMD, async () => bytes);
  if (!graph) throw new Error(reason ?? 'conversion failed');
  return { graph, json: JSON.stringify(graph), ...(raw === undefined ? {} : { raw }) };
};

const owned = (b: Uint8Array): ArrayBuffer[] =>
  b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer
    ? [b.buffer]
    : [];

port.on('message', (job: PrepareJob) => {
  prepareInput(job, convert).then(
    (stored) => {
      const reply: PrepareReply = { stored };
      port.postMessage(reply, [...owned(stored.blobs.graph), ...owned(stored.blobs.text)]);
    },
    (err: unknown) => port.postMessage({ error: (err as Error).message } satisfies PrepareReply),
  );
});
