/** The rows of a notice (rows.ts, made in worker threads) and how the writer (store.ts) links them by row id. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInputs, convertInProcess, type Input } from '../../src/archive/add.js';
import { prepareInput, type PrepareJob } from '../../src/archive/prepare.js';
import { openArchive, type Db } from '../../src/archive/db.js';
import { noticeRows } from '../../src/archive/rows.js';
import { convertSync } from '../../src/index.js';

const SEED = 'corpus/zhengzhou-2020-notice.txt';
const NEXT = 'corpus/diff/zhengzhou-2021-notice.txt';

async function* one(path: string): AsyncGenerator<Input> {
  yield { path, bytes: readFileSync(path) };
}

/** Runs `f` on a fresh archive in a temporary folder, removed afterwards. */
async function withArchive(f: (db: Db) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-rows-'));
  const db = await openArchive(join(dir, 'a.db'), { write: true });
  try {
    await f(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('archive rows', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-rows-'));
    db = await openArchive(join(dir, 'a.db'), { write: true });
    // Two batches: the second's plan and task ids start after the first's.
    await addInputs(db, one(SEED), {});
    await addInputs(db, one(NEXT), {});
  }, 120_000);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flattens a graph into rows that refer to their plan and task by index', () => {
    const graph = convertSync(readFileSync(SEED, 'utf8'), { path: SEED });
    const rows = noticeRows(graph);
    const table = (t: keyof typeof rows.tables): unknown[][] =>
      JSON.parse(rows.tables[t] ?? '[]') as unknown[][];
    const plans = graph.nodes.filter((n) => n.type === 'plan');
    expect(rows.plans).toBe(plans.length);
    expect(rows.tasks).toBe(table('tasks').length);
    expect(table('plans').map((r) => r[0])).toEqual(plans.map((p) => p.id));
    for (const r of table('tasks')) expect(plans[r[0] as number]!.id).toBe(String(r[1]).split('/')[0]);
    const roles = table('roles');
    expect(roles.length).toBeGreaterThan(0);
    for (const r of roles) if (r[1] !== null) expect(table('tasks')[r[1] as number]![1]).toBe(r[2]); // the task's key is the holder
    expect(rows.notice[0]).toBe(graph.source.sha256);
  });

  it('links every row to its own notice, plan and task across batches; the foreign keys hold', () => {
    const q = (sql: string): unknown => db.prepare(sql).pluck().get();
    expect(q('SELECT count(*) FROM notices')).toBe(2);
    expect(
      q('SELECT count(*) FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.notice_id <> t.notice_id'),
    ).toBe(0);
    expect(q('SELECT count(*) FROM tasks t LEFT JOIN plans p ON p.id = t.plan_id WHERE p.id IS NULL')).toBe(
      0,
    );
    for (const table of ['roles', 'deadlines', 'targets'])
      expect(
        q(
          `SELECT count(*) FROM ${table} r LEFT JOIN tasks t ON t.id = r.task_id ` +
            'WHERE r.task_id IS NOT NULL AND (t.id IS NULL OR t.notice_id <> r.notice_id OR t.key <> r.holder ' +
            'OR t.plan_id <> r.plan_id)',
        ),
      ).toBe(0);
    expect(q('SELECT count(*) FROM roles r LEFT JOIN units u ON u.id = r.unit_id WHERE u.id IS NULL')).toBe(
      0,
    );
    expect(q('SELECT count(*) FROM plans WHERE series_id IS NULL')).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1); // back on after the add
  });

  it('counts each spelling of a unit in every notice it is met in, across batches', () => {
    const expected = new Map<string, number>();
    for (const path of [SEED, NEXT])
      for (const n of convertSync(readFileSync(path, 'utf8'), { path }).nodes)
        if (n.type === 'unit') {
          const key = `${n.canonical ?? n.name}|${n.name}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
    const got = db
      .prepare('SELECT u.name AS unit, n.name, n.notices FROM unit_names n JOIN units u ON u.id = n.unit_id')
      .all() as { unit: string; name: string; notices: number }[];
    expect(new Map(got.map((r) => [`${r.unit}|${r.name}`, r.notices]))).toEqual(expected);
    expect(Math.max(...expected.values())).toBe(2);
  });
});

describe('archive add into an empty archive', () => {
  const indexes = (db: Db): string[] =>
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").pluck().all() as string[];

  it('drops the indexes for the load and builds them again; a failed batch leaves them as they were', async () => {
    await withArchive(async (db) => {
      const before = indexes(db);
      expect(before).toContain('roles_unit');
      async function* failing(): AsyncGenerator<Input> {
        yield* one(SEED);
        throw Object.assign(new Error('disk gone'), { code: 'SQLITE_IOERR' });
      }
      await expect(addInputs(db, failing(), {})).rejects.toThrow('disk gone');
      expect(db.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(0);
      expect(indexes(db)).toEqual(before);
      expect(await addInputs(db, one(SEED), {})).toMatchObject({ added: 1 });
      expect(indexes(db)).toEqual(before);
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM roles WHERE unit_id = 1').all();
      expect(JSON.stringify(plan)).toContain('roles_unit');
    });
  });

  it('fails an unreadable file and a bad graph JSON alone, in the middle of a batch, naming each', async () => {
    await withArchive(async (db) => {
      async function* batch(): AsyncGenerator<Input> {
        yield* one(SEED);
        yield { path: 'gone.txt', bytes: new Uint8Array(0), error: 'cannot read it (ENOENT)' };
        yield { path: 'bad.json', bytes: Buffer.from('{"source": {"sha256": 3}, "nodes": []}') };
        yield* one(NEXT);
      }
      const summary = await addInputs(db, batch(), {});
      expect(summary.added).toBe(2);
      expect(summary.failed).toEqual([
        { path: 'gone.txt', reason: 'cannot read it (ENOENT)' },
        { path: 'bad.json', reason: expect.stringMatching(/^not a NoticeGraph: /) as unknown },
      ]);
      expect(db.prepare('SELECT path FROM notices ORDER BY id').pluck().all()).toEqual([SEED, NEXT]);
    });
  });

  it('a database error ends the batch cleanly: rolled back, the inputs behind it dropped', async () => {
    await withArchive(async (db) => {
      async function* three(): AsyncGenerator<Input> {
        yield* one(SEED);
        yield* one(NEXT);
        yield { path: 'x.json', bytes: Buffer.from('{}') };
      }
      let n = 0;
      const broken = async (job: PrepareJob) => {
        const stored = await prepareInput(job, convertInProcess);
        // the first notice without its format: the NOT NULL constraint fails inside the transaction
        return n++ === 0 ? { ...stored, notice: stored.notice.map((c, i) => (i === 2 ? null : c)) } : stored;
      };
      await expect(addInputs(db, three(), { prepare: broken, window: 2 })).rejects.toThrow(/NOT NULL/);
      expect(db.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(0);
      expect(db.inTransaction).toBe(false);
    });
  });
});
