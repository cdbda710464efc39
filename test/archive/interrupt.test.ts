import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/db.js';
import { archiveCounts } from '../../src/archive/query-series.js';

const CLI = 'dist/bundle/main.js';
const SEED = readFileSync('corpus/zhengzhou-2020-notice.txt', 'utf8');
const HAS_MKFIFO = spawnSync('mkfifo', ['--version']).status === 0;

/** Opens the FIFO for writing once a reader holds it open (never blocks: O_NONBLOCK fails with ENXIO until then). */
async function writerWhenRead(fifo: string, within: number): Promise<number> {
  const until = Date.now() + within;
  for (;;) {
    try {
      return openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENXIO' || Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe.skipIf(!existsSync(CLI) || !HAS_MKFIFO)(
  'archive add, interrupted and read meanwhile (the built CLI)',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-kill-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('a killed add leaves the database as before, and a reader sees the old state while it runs', async () => {
      const db = join(dir, 'a.db');
      const first = join(dir, 'first');
      const many = join(dir, 'many');
      mkdirSync(first);
      mkdirSync(many);
      writeFileSync(join(first, 'seed.txt'), SEED);
      for (let i = 0; i < 20; i++) writeFileSync(join(many, `n${i}.txt`), `${SEED}\n${'　'.repeat(i + 1)}\n`);
      // The last input is a FIFO nobody writes to: the add converts the twenty notices, then waits on it
      // inside its transaction for as long as the test wants, on any machine speed.
      const fifo = join(dir, 'last.txt');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      expect(spawnSync(process.execPath, [CLI, 'archive', 'add', first, '--db', db, '--quiet']).status).toBe(
        0,
      );
      const child = spawn(
        process.execPath,
        [CLI, 'archive', 'add', many, fifo, '--db', db, '--quiet', '--jobs', '1'],
        {
          stdio: 'ignore',
        },
      );
      const writer = await writerWhenRead(fifo, 60_000);
      try {
        await new Promise((r) => setTimeout(r, 500)); // the pending conversions settle into the open transaction
        const reader = await openArchive(db, { write: false });
        expect(archiveCounts(reader).notices).toBe(1);
        reader.close();
        expect(child.exitCode).toBeNull(); // still adding: the kill interrupts it
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      } finally {
        closeSync(writer);
      }
      const after = await openArchive(db, { write: false });
      expect(archiveCounts(after).notices).toBe(1);
      after.close();
    }, 120_000);
  },
);
