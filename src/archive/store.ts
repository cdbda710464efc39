/**
 * Puts notices into the archive from their rows (rows.ts, made in worker threads): one prepared statement a
 * table, run once a row. Plans and tasks get their row ids here (the next free ids, read when a batch starts inside its
 * transaction), so the rows of a notice refer to each other without a round trip. The caller wraps a batch in
 * one transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './db.js';
import type { NoticeRows, RowTable } from './rows.js';

type Statement = BetterSqlite3.Statement<unknown[]>;

/** What the archive keeps whole of a notice, deflated: its graph JSON and its exact repaired text (or nothing). */
export interface Blobs {
  graph: Uint8Array;
  /** Empty when the text is not exact: it is then laid out from the graph's leaves when read. */
  text: Uint8Array;
  exact: boolean;
}

/** A notice ready to write: its rows and blobs. */
export interface Stored extends NoticeRows {
  blobs: Blobs;
}

type Cell = string | number | null;
type Row = Cell[];

/** A plan or task id from its index in the notice (null stays null). */
const idOf = (index: Cell, base: number): Cell => (index === null ? null : base + Number(index));

/** The ids a notice's rows are written with: the notice's, and those of its first plan and first task. */
interface Ids {
  notice: number;
  plan: number;
  task: number;
}

/**
 * Each table's statements and how a row (rows.ts layouts) binds to them, one run a row: SQLite reading the rows
 * from a JSON array with json_each (one call a table) spent most of its time parsing each row's JSON again for
 * every cell it took (the tasks, with their long texts, cost 11 µs a row), more than better-sqlite3's call a row.
 */
const TABLE_SQL: Record<RowTable, { sql: string; bind: (row: Row, ids: Ids, index: number) => Cell[] }[]> = {
  plans: [
    {
      sql: 'INSERT INTO series (key, issuer, topic, title) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
      bind: (r) => [r[4]!, r[5]!, r[3]!, r[6]!],
    },
    {
      sql:
        'INSERT INTO plans (id, notice_id, key, title, year, topic, series_id, start, end) ' +
        'VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM series WHERE key = ?), ?, ?)',
      bind: (r, ids, i) => [ids.plan + i, ids.notice, r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[7]!, r[8]!],
    },
  ],
  sections: [
    {
      sql:
        'INSERT INTO sections (notice_id, plan_id, key, path, marker, level, title, start, end) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      bind: (r, ids) => [ids.notice, idOf(r[0]!, ids.plan), ...r.slice(1, 8)],
    },
  ],
  tasks: [
    {
      sql:
        'INSERT INTO tasks (id, notice_id, plan_id, key, path, number, title, text, start, end, page) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      bind: (r, ids, i) => [ids.task + i, ids.notice, idOf(r[0]!, ids.plan), ...r.slice(1, 9)],
    },
  ],
  units: [
    {
      sql: 'INSERT INTO units (name, kind) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
      bind: (r) => [r[0]!, r[1]!],
    },
    {
      sql:
        'INSERT INTO unit_names VALUES ((SELECT id FROM units WHERE name = ?), ?, 1) ' +
        'ON CONFLICT (unit_id, name) DO UPDATE SET notices = notices + 1',
      bind: (r) => [r[0]!, r[2]!],
    },
  ],
  roles: [
    {
      sql: 'INSERT INTO roles VALUES (?, ?, ?, ?, (SELECT id FROM units WHERE name = ?), ?, ?, ?, ?, ?, ?)',
      bind: (r, ids) => [ids.notice, idOf(r[0]!, ids.plan), idOf(r[1]!, ids.task), r[2]!, ...r.slice(3, 10)],
    },
  ],
  deadlines: [
    {
      sql:
        'INSERT INTO deadlines (notice_id, plan_id, task_id, holder, text, date, kind, period, start, end) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      bind: (r, ids) => [ids.notice, idOf(r[0]!, ids.plan), idOf(r[1]!, ids.task), ...r.slice(2, 9)],
    },
  ],
  targets: [
    {
      sql: 'INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      bind: (r, ids) => [ids.notice, idOf(r[0]!, ids.plan), idOf(r[1]!, ids.task), ...r.slice(2, 12)],
    },
  ],
  refs: [{ sql: 'INSERT INTO refs VALUES (?, ?, ?, ?)', bind: (r, ids) => [ids.notice, ...r.slice(0, 3)] }],
  repairs: [
    {
      sql: 'INSERT INTO repairs VALUES (?, ?, ?, ?, ?, ?)',
      bind: (r, ids) => [ids.notice, ...r.slice(0, 5)],
    },
  ],
};

/** Prepared statements, made once per database. */
interface Statements {
  notice: Statement;
  blob: Statement;
  has: Statement;
  nextPlan: Statement;
  nextTask: Statement;
  tables: [RowTable, { run: Statement; bind: (row: Row, ids: Ids, index: number) => Cell[] }[]][];
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    notice: db.prepare(
      'INSERT INTO notices (sha256, path, format, title, issuers, doc_number, date, year, added_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    blob: db.prepare('INSERT INTO notice_blobs VALUES (?, ?, ?, ?)'),
    has: db.prepare('SELECT 1 FROM notices WHERE sha256 = ?').pluck(),
    nextPlan: db.prepare('SELECT coalesce(max(id), 0) + 1 FROM plans').pluck(),
    nextTask: db.prepare('SELECT coalesce(max(id), 0) + 1 FROM tasks').pluck(),
    tables: (Object.entries(TABLE_SQL) as [RowTable, (typeof TABLE_SQL)[RowTable]][]).map(([t, list]) => [
      t,
      list.map(({ sql, bind }) => ({ run: db.prepare(sql), bind })),
    ]),
  };
  cache.set(db, s);
  return s;
}

/** Whether a notice with this input hash is in the archive. */
export function hasNotice(db: Db, sha256: string): boolean {
  return statements(db).has.get(sha256) !== undefined;
}

/** A Uint8Array as a Buffer without a copy (what arrives from a thread is a plain Uint8Array). */
const buffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Writes notices (not yet in the archive: check `hasNotice`) inside the caller's transaction. */
export interface Writer {
  /** Writes a notice's rows and blobs; returns its row id. */
  add(notice: Stored): number;
}

/** A writer for one batch; make it inside the batch's transaction (it reads the next free plan and task ids). */
export function writer(db: Db): Writer {
  const s = statements(db);
  let plan = Number(s.nextPlan.get());
  let task = Number(s.nextTask.get());
  const addedAt = new Date().toISOString();
  return {
    add: ({ notice: cells, blobs, tables, plans, tasks }) => {
      const notice = Number(s.notice.run(...cells, addedAt).lastInsertRowid);
      // A notice's plan and task rows take the next ids, in order: a row refers to them by index (rows.ts).
      const ids: Ids = { notice, plan, task };
      s.blob.run(notice, buffer(blobs.graph), buffer(blobs.text), blobs.exact ? 1 : 0);
      for (const [table, statements] of s.tables) {
        const json = tables[table];
        if (json === undefined) continue;
        const rows = JSON.parse(json) as Row[];
        for (const { run, bind } of statements)
          for (let i = 0; i < rows.length; i++) run.run(bind(rows[i]!, ids, i));
      }
      plan += plans;
      task += tasks;
      return notice;
    },
  };
}
