/**
 * Worker threads that prepare graph JSON files for `archive add` (prepare.ts): the main thread keeps only the
 * writing of rows. Without the built worker (running from the TypeScript sources) the work runs in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prepareJson, type PreparedJson } from './prepare.js';

/** Prepares a graph JSON file; rejects with the reason it is not one. */
export type JsonPreparer = (path: string, bytes: Uint8Array) => Promise<PreparedJson>;

/** A pool of preparing threads and how to end them. */
export interface PreparePool {
  prepare: JsonPreparer;
  close(): Promise<void>;
}

type Reply = { id: number; prepared?: PreparedJson; error?: string };
interface Pending {
  resolve: (p: PreparedJson) => void;
  reject: (e: Error) => void;
}

/** A pool of `size` threads running `workerUrl` (started on the first file); in-process when it is missing. */
export function preparePool(size: number, workerUrl: URL): PreparePool {
  if (size < 1 || !existsSync(fileURLToPath(workerUrl)))
    return { prepare: prepareJson, close: async () => {} };
  const workers: Worker[] = [];
  const pending = new Map<number, Pending>();
  const owner = new Map<number, Worker>();
  let next = 0;
  const fail = (worker: Worker, err: Error) => {
    for (const [id, w] of owner)
      if (w === worker) {
        pending.get(id)?.reject(new Error(`the preparing thread failed: ${err.message}`));
        pending.delete(id);
        owner.delete(id);
      }
    const at = workers.indexOf(worker);
    if (at >= 0) workers.splice(at, 1);
  };
  const spawn = (): Worker => {
    const w = new Worker(workerUrl);
    w.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      owner.delete(reply.id);
      if (reply.prepared) job?.resolve(reply.prepared);
      else job?.reject(new Error(reply.error ?? 'failed'));
    });
    w.on('error', (err) => fail(w, err));
    w.on('exit', (code) => fail(w, new Error(`exit ${code}`)));
    return w;
  };
  return {
    prepare: (path, bytes) =>
      new Promise((resolve, reject) => {
        while (workers.length < size) workers.push(spawn());
        const id = next++;
        const worker = workers[id % workers.length]!;
        pending.set(id, { resolve, reject });
        owner.set(id, worker);
        worker.postMessage({ id, path, bytes });
      }),
    close: async () => {
      const all = workers.splice(0);
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
