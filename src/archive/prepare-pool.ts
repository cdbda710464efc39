/**
 * Worker threads that prepare the inputs of `archive add` (prepare.ts: convert or validate, deflate, flatten
 * into rows): the main thread keeps only the writing of rows. A job goes to an idle thread (the input's bytes
 * handed over, not copied), a graph JSON file's to one of all the threads but one (the writing thread needs its
 * core); a thread that crashes or overruns the time limit fails only its job and is replaced. Threads start as
 * jobs need them.
 * Without the built worker (running from the TypeScript sources) the work runs in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Preparer } from './add.js';
import { convertInProcess, prepareInput, type PrepareJob } from './prepare.js';
import type { Stored } from './store.js';

/** A job that runs longer than this (a hang) fails, and its thread is replaced. */
const JOB_TIMEOUT_MS = 120_000;
/** Crashes in a row (no job finishing in between), per thread, after which every job fails. */
const CRASHES_PER_THREAD = 3;

/** A pool of preparing threads and how to end them. */
export interface PreparePool {
  prepare: Preparer;
  close(): Promise<void>;
}

/** What a thread posts back: the prepared input, or the reason it failed. */
export type PrepareReply = { stored?: Stored; error?: string };

interface Job {
  job: PrepareJob;
  resolve: (s: Stored) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  running: (Job & { timer: NodeJS.Timeout }) | null;
}

/** Whether a byte array owns its whole buffer (then it can be handed to a thread without a copy). */
const ownsBuffer = (b: Uint8Array): boolean =>
  b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;

/** A pool of `size` threads running `workerUrl` (started on the first input); in-process when it is missing. */
export function preparePool(size: number, workerUrl: URL): PreparePool {
  if (size < 1 || !existsSync(fileURLToPath(workerUrl)))
    return { prepare: (job) => prepareInput(job, convertInProcess), close: async () => {} };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let crashes = 0;
  let broken: string | null = null;
  const finish = (slot: Slot): Job | null => {
    const job = slot.running;
    if (job) clearTimeout(job.timer);
    slot.running = null;
    return job;
  };
  // Adding graph JSON files, the writing (main) thread is busy the whole time (writing a notice takes about as long
  // as preparing it), so those jobs leave it a core: on 2 cores, one preparing thread instead of two took ~12% less
  // CPU and ~25% less time (docs/DESIGN.md). Conversions (the writing thread mostly waits) use every thread.
  const jsonWidth = Math.max(1, size - 1);
  const dispatch = (): void => {
    if (broken !== null) for (const j of queue.splice(0)) j.reject(new Error(broken));
    while (queue.length > 0) {
      const next = queue[0]!;
      if (next.job.json && slots.filter((s) => s.running?.job.json).length >= jsonWidth) break;
      let slot = slots.find((s) => !s.running);
      if (!slot) {
        if (slots.length >= size) break;
        slot = spawn();
        slots.push(slot);
      }
      queue.shift();
      const timer = setTimeout(
        () => replace(slot, `no result after ${JOB_TIMEOUT_MS / 1000} s (a hang?)`),
        JOB_TIMEOUT_MS,
      );
      slot.running = { ...next, timer };
      const { bytes } = next.job;
      slot.worker.postMessage(next.job, bytes && ownsBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : []);
    }
  };
  const replace = (slot: Slot, reason: string): void => {
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    finish(slot)?.reject(new Error(`the preparing thread failed: ${reason}`));
    void slot.worker.terminate();
    if (++crashes > CRASHES_PER_THREAD * size) broken = `the preparing threads keep failing: ${reason}`;
    dispatch();
  };
  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl), running: null };
    slot.worker.on('message', (reply: PrepareReply) => {
      crashes = 0;
      const job = finish(slot);
      if (reply.stored) job?.resolve(reply.stored);
      else job?.reject(new Error(reply.error ?? 'failed'));
      dispatch();
    });
    slot.worker.on('error', (err) => replace(slot, err.message));
    slot.worker.on('exit', (code) => replace(slot, `exit ${code}`));
    return slot;
  };
  return {
    prepare: (job) =>
      new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      }),
    close: async () => {
      const all = slots.splice(0);
      for (const slot of all) finish(slot)?.reject(new Error('closed'));
      for (const j of queue.splice(0)) j.reject(new Error('closed'));
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
