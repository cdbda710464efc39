/** Entry of an `archive add` worker thread: prepares the graph JSON files the pool posts (src/archive/prepare.ts). */
import { parentPort } from 'node:worker_threads';
import { prepareJson } from '../archive/prepare.js';

const port = parentPort!;

port.on('message', (job: { id: number; path: string; bytes: Uint8Array }) => {
  prepareJson(job.path, job.bytes).then(
    (prepared) => port.postMessage({ id: job.id, prepared }),
    (err: unknown) => port.postMessage({ id: job.id, error: (err as Error).message }),
  );
});
