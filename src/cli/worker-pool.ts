/**
 * A pool of worker threads that run batch tasks (./worker.ts), one task per worker at a time. A worker that
 * crashes or overruns the time limit fails only its own task and is replaced; `close()` ends them all.
 * With one job the tasks run in-process instead, without the cost of a thread.
 */
import { Worker } from 'node:worker_threads';
import type { BatchResult, BatchTask } from './batch-task.js';
import type { ConvertCommand } from './convert.js';

/** A task that runs longer than this (a hang) fails, and its worker is replaced. */
export const TASK_TIMEOUT_MS = 120_000;
/** Crashes in a row (no task finishing in between), per worker, after which the pool gives up. */
const CRASHES_PER_WORKER = 3;

/** Runs tasks; `close` ends every worker, failing the tasks still running with `reason`. */
export interface TaskRunner {
  run(task: BatchTask): Promise<BatchResult>;
  close(reason?: string): Promise<void>;
}

interface Slot {
  worker: Worker;
  job: { task: BatchTask; resolve: (r: BatchResult) => void; timer: NodeJS.Timeout } | null;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

const failed = (task: BatchTask, reason: string): BatchResult => ({
  status: 'failed',
  bytes: 0,
  lines: [`${task.kind === 'file' ? task.path : `line ${task.lineNo}`}:1:1 error ${reason} worker-failed`],
  reason,
});

class WorkerPool implements TaskRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: { task: BatchTask; resolve: (r: BatchResult) => void }[] = [];
  private closed = false;
  private closedReason = 'interrupted';
  /** Crashes since a task last finished: a worker that cannot even start must not respawn forever. */
  private crashes = 0;

  constructor(
    size: number,
    private readonly cmd: ConvertCommand,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(task: BatchTask): Promise<BatchResult> {
    if (this.closed) return Promise.resolve(failed(task, this.closedReason));
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  async close(reason = 'interrupted'): Promise<void> {
    if (!this.closed) this.closedReason = reason;
    this.closed = true;
    for (const { task, resolve } of this.queue.splice(0)) resolve(failed(task, reason));
    // A task already running finishes first (or fails by its time limit): a worker stopped in the middle of
    // writing its output could still create the temporary file after the batch has cleaned up.
    await Promise.all(this.slots.map((slot) => this.settled(slot)));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** Resolves when the slot has no task running. */
  private settled(slot: Slot): Promise<void> {
    const job = slot.job;
    if (!job) return Promise.resolve();
    return new Promise((done) => {
      const resolve = job.resolve;
      job.resolve = (result) => {
        resolve(result);
        done();
      };
    });
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: { cmd: this.cmd } });
    const slot: Slot = { worker, job: null };
    worker.on('message', (result: BatchResult) => {
      this.crashes = 0;
      this.finish(slot, result);
      this.dispatch();
    });
    worker.on('error', (err) => this.replace(slot, `worker crashed: ${err.message}`));
    worker.on('exit', (code) => this.replace(slot, `worker exited with code ${code}`));
    return slot;
  }

  /** Fails the slot's task, ends its worker and puts a fresh one in its place. */
  private replace(slot: Slot, reason: string): void {
    if (!this.slots.includes(slot)) return;
    if (slot.job) this.finish(slot, failed(slot.job.task, reason));
    if (this.closed) return;
    if (++this.crashes > CRASHES_PER_WORKER * this.slots.length) {
      void this.close(reason);
      return;
    }
    this.slots.splice(this.slots.indexOf(slot), 1, this.spawn());
    void slot.worker.terminate();
    this.dispatch();
  }

  private finish(slot: Slot, result: BatchResult): void {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    clearTimeout(job.timer);
    job.resolve(result);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const { task, resolve } = this.queue.shift()!;
      const timer = setTimeout(
        () => this.replace(slot, `no result after ${TASK_TIMEOUT_MS / 1000} s (a hang?)`),
        TASK_TIMEOUT_MS,
      );
      slot.job = { task, resolve, timer };
      slot.worker.postMessage(task);
    }
  }
}

class InProcess implements TaskRunner {
  constructor(private readonly cmd: ConvertCommand) {}

  async run(task: BatchTask): Promise<BatchResult> {
    const { runTask } = await import('./batch-task.js');
    return runTask(task, this.cmd);
  }

  async close(): Promise<void> {}
}

/** A runner of `jobs` worker threads, or an in-process one for a single job. */
export function taskRunner(jobs: number, cmd: ConvertCommand): TaskRunner {
  return jobs > 1 ? new WorkerPool(jobs, cmd) : new InProcess(cmd);
}
