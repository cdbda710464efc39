/** The preparing threads of `archive add`: a thread that dies fails only its own input and is replaced. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { preparePool } from '../../src/archive/prepare-pool.js';

// A stand-in worker: dies on an input named `crash`, fails one named `bad`, else echoes the byte count.
const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  if (job.path === 'crash') process.exit(3);
  if (job.path === 'bad') parentPort.postMessage({ error: 'not a NoticeGraph: (root): bad' });
  else parentPort.postMessage({ stored: { notice: [job.path, job.bytes.length], tables: {}, plans: 0, tasks: 0,
    blobs: { graph: new Uint8Array(0), text: new Uint8Array(0), exact: false } } });
});
`;

describe('preparePool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands the bytes over, fails a crashed or bad input alone, and goes on with a new thread', async () => {
    const file = join(dir, 'worker.mjs');
    writeFileSync(file, WORKER);
    const pool = preparePool(2, pathToFileURL(file));
    try {
      const job = (path: string) => ({
        path,
        bytes: new Uint8Array(Buffer.from(`{"x": "${path}"}`)),
        json: true,
      });
      const handed = job('a');
      const results = await Promise.allSettled(
        ['a', 'crash', 'bad', 'b', 'c'].map((p) => pool.prepare(p === 'a' ? handed : job(p))),
      );
      expect(handed.bytes.byteLength).toBe(0); // transferred, not copied
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        'rejected',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/preparing thread failed: exit 3/);
      expect((results[2] as PromiseRejectedResult).reason.message).toBe('not a NoticeGraph: (root): bad');
      expect((results[4] as PromiseFulfilledResult<{ notice: unknown[] }>).value.notice).toEqual(['c', 10]);
    } finally {
      await pool.close();
    }
  });

  it('prepares graph JSON files on all the threads but one (the writer needs its core), conversions on all', async () => {
    const file = join(dir, 'threads.mjs');
    writeFileSync(
      file,
      `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (job) => setTimeout(() => parentPort.postMessage({ stored: { notice: [threadId],
  tables: {}, plans: 0, tasks: 0, blobs: { graph: new Uint8Array(0), text: new Uint8Array(0), exact: false } } }), 20));`,
    );
    const threads = async (json: boolean): Promise<number> => {
      const pool = preparePool(2, pathToFileURL(file));
      try {
        const jobs = [1, 2, 3, 4].map(() => pool.prepare({ path: 'x', bytes: null, json }));
        return new Set((await Promise.all(jobs)).map((s) => s.notice[0])).size;
      } finally {
        await pool.close();
      }
    };
    expect(await threads(true)).toBe(1);
    expect(await threads(false)).toBe(2);
  });
});
