/**
 * Entry of a batch worker thread: runs the tasks the pool posts, one at a time, and posts each result back.
 * The grammars load once per worker, on its first task (the pipeline's caches live for the thread's life).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type BatchTask } from './batch-task.js';
import type { ConvertCommand } from './convert.js';

const { cmd } = workerData as { cmd: ConvertCommand };
const port = parentPort!;

port.on('message', (task: BatchTask) => {
  void runTask(task, cmd).then((result) => port.postMessage(result));
});
