/** `gongwen archive add` over graph JSON files through the built CLI: the preparing threads, their errors, the skip. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/db.js';
import { loadText } from '../../src/archive/load.js';
import { archiveCounts } from '../../src/archive/query-series.js';
import { convertSync } from '../../src/index.js';

const CLI = 'dist/bundle/main.js';
const SEED = resolve('corpus/zhengzhou-2020-notice.txt');
const NEXT = resolve('corpus/diff/zhengzhou-2021-notice.txt');

describe.skipIf(!existsSync(CLI))('archive add of graph JSON files (the built CLI, two threads)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the graphs with their exact text, names each bad file (the batch goes on past it), and skips what is there on the next run', async () => {
    const graphs = join(dir, 'graphs');
    mkdirSync(graphs);
    const graph = convertSync(readFileSync(SEED, 'utf8'), { path: SEED });
    // In name order: a good graph, the three bad files in the middle of the batch, another good graph.
    writeFileSync(join(graphs, 'a-seed.json'), JSON.stringify(graph, null, 2));
    writeFileSync(join(graphs, 'not-a-graph.json'), '{"nodes": 1}');
    writeFileSync(join(graphs, 'broken.json'), '{"source": ');
    const next = convertSync(readFileSync(NEXT, 'utf8'), { path: NEXT });
    writeFileSync(join(graphs, 'z-next.json'), JSON.stringify(next));
    // Cut off past its head (the preparing thread reads it whole): named as not JSON; on the next run, skipped
    // by the hash its head gives, as z-next.json is in the archive by then.
    const cut = JSON.stringify(next, null, 2);
    expect(cut.length).toBeGreaterThan(3 * 4096);
    writeFileSync(join(graphs, 'cut.json'), cut.slice(0, 3 * 4096));
    const db = join(dir, 'a.db');
    const add = () =>
      spawnSync(process.execPath, [CLI, 'archive', 'add', graphs, '--db', db, '--jobs', '2'], {
        encoding: 'utf8',
      });
    const first = add();
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/not-a-graph\.json:1:1 error not a NoticeGraph: .+ archive-add-failed/);
    expect(first.stderr).toMatch(/broken\.json:1:1 error not JSON \(.+\) archive-add-failed/);
    expect(first.stderr).toMatch(/cut\.json:1:1 error not JSON \(.+\) archive-add-failed/);
    expect(first.stderr).toContain('added 2, skipped 0 (already in the archive), failed 3');
    const second = add();
    expect(second.stderr).toContain('added 0, skipped 3 (already in the archive), failed 2');
    // A page of tasks: the rows asked for, and on stderr which rows of how many, and the next page's option.
    const tasks = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'archive', 'tasks', '--db', db, ...args], { encoding: 'utf8' });
    const page = tasks('--limit', '3', '--offset', '2', '--format', 'json');
    expect(page.status).toBe(0);
    expect((JSON.parse(page.stdout) as unknown[]).length).toBe(3);
    const all = (JSON.parse(tasks('--format', 'json').stdout) as unknown[]).length;
    expect(page.stderr).toBe(`tasks 3–5 of ${all}; the next: --offset 5\n`);
    expect(tasks('--offset', String(all - 1), '--format', 'csv').stderr).toBe(
      `tasks ${all}–${all} of ${all}\n`,
    );
    expect(tasks('--format', 'json').stderr).toBe(''); // all of them shown: nothing to say
    expect(tasks('--limit', '0').stderr).toMatch(/--limit must be a whole number ≥ 1, not '0'/);
    const ro = await openArchive(db, { write: false });
    try {
      expect(archiveCounts(ro).notices).toBe(2);
      expect(ro.pragma('foreign_key_check')).toEqual([]);
      const { text, exact } = loadText(ro, 1);
      expect(exact).toBe(true);
      for (const n of graph.nodes)
        if (n.type === 'task') expect(text.slice(n.span!.start, n.span!.end).endsWith(n.text)).toBe(true);
    } finally {
      ro.close();
    }
  }, 120_000);
});
