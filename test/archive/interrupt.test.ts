import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/db.js';
import { archiveCounts } from '../../src/archive/query-series.js';

const CLI = 'dist/bundle/main.js';
const SEED = readFileSync('corpus/zhengzhou-2020-notice.txt', 'utf8');

describe.skipIf(!existsSync(CLI))('archive add, interrupted and read meanwhile (the built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a killed add leaves the database as before, and a reader sees the old state while it runs', async () => {
    const db = join(dir, 'a.db');
    const first = join(dir, 'first');
    const many = join(dir, 'many');
    mkdirSync(first);
    mkdirSync(many);
    writeFileSync(join(first, 'seed.txt'), SEED);
    // Distinct notices (distinct bytes), enough to be still converting when killed.
    for (let i = 0; i < 60; i++) writeFileSync(join(many, `n${i}.txt`), `${SEED}\n${'　'.repeat(i + 1)}\n`);
    expect(spawnSync(process.execPath, [CLI, 'archive', 'add', first, '--db', db, '--quiet']).status).toBe(0);
    const child = spawn(
      process.execPath,
      [CLI, 'archive', 'add', many, '--db', db, '--quiet', '--jobs', '1'],
      {
        stdio: 'ignore',
      },
    );
    await new Promise((r) => setTimeout(r, 2500));
    const reader = await openArchive(db, { write: false });
    expect(archiveCounts(reader).notices).toBe(1);
    reader.close();
    expect(child.exitCode).toBeNull(); // still adding: the kill interrupts it
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const after = await openArchive(db, { write: false });
    expect(archiveCounts(after).notices).toBe(1);
    after.close();
  }, 120_000);
});
