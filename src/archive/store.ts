/**
 * Puts notices into the archive from their rows (rows.ts, made in worker threads): one statement a table, which
 * reads that table's rows from one JSON array with json_each, so the writer spends its time in SQLite and not in
 * one call a row. Plans and tasks get their row ids here (the next free ids, read when a batch starts inside its
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

/** A JSON row's cell `i`. */
const at = (i: number): string => `value->>${i}`;
/** A plan or task id from a row's index (`base` is the statement's parameter of the first id). */
const idOf = (i: number, base: string): string => `${base} + (${at(i)})`;

/**
 * The statements of each table: `@rows` the JSON rows, `@notice` the notice id, `@plan` and `@task` the ids of
 * its first plan and task (row layouts in rows.ts).
 */
const TABLE_SQL: Record<RowTable, string[]> = {
  plans: [
    `INSERT INTO series (key, issuer, topic, title) SELECT ${at(4)}, ${at(5)}, ${at(3)}, ${at(6)} ` +
      'FROM json_each(@rows) WHERE true ON CONFLICT (key) DO NOTHING',
    `INSERT INTO plans (id, notice_id, key, title, year, topic, series_id, start, end) SELECT @plan + key, @notice, ` +
      `${at(0)}, ${at(1)}, ${at(2)}, ${at(3)}, (SELECT id FROM series WHERE key = ${at(4)}), ${at(7)}, ${at(8)} ` +
      'FROM json_each(@rows)',
  ],
  sections: [
    'INSERT INTO sections (notice_id, plan_id, key, path, marker, level, title, start, end) ' +
      `SELECT @notice, ${idOf(0, '@plan')}, ${[1, 2, 3, 4, 5, 6, 7].map(at).join(', ')} FROM json_each(@rows)`,
  ],
  tasks: [
    'INSERT INTO tasks (id, notice_id, plan_id, key, path, number, title, text, start, end, page) ' +
      `SELECT @task + key, @notice, ${idOf(0, '@plan')}, ${[1, 2, 3, 4, 5, 6, 7, 8].map(at).join(', ')} FROM json_each(@rows)`,
  ],
  units: [
    `INSERT INTO units (name, kind) SELECT ${at(0)}, ${at(1)} FROM json_each(@rows) WHERE true ` +
      'ON CONFLICT (name) DO NOTHING',
    `INSERT INTO unit_names SELECT (SELECT id FROM units WHERE name = ${at(0)}), ${at(2)}, 1 ` +
      'FROM json_each(@rows) WHERE true ON CONFLICT (unit_id, name) DO UPDATE SET notices = notices + 1',
  ],
  roles: [
    `INSERT INTO roles SELECT @notice, ${idOf(0, '@plan')}, ${idOf(1, '@task')}, ${at(2)}, ` +
      `(SELECT id FROM units WHERE name = ${at(3)}), ${[4, 5, 6, 7, 8, 9].map(at).join(', ')} FROM json_each(@rows)`,
  ],
  deadlines: [
    'INSERT INTO deadlines (notice_id, plan_id, task_id, holder, text, date, kind, period, start, end) ' +
      `SELECT @notice, ${idOf(0, '@plan')}, ${idOf(1, '@task')}, ${[2, 3, 4, 5, 6, 7, 8].map(at).join(', ')} ` +
      'FROM json_each(@rows)',
  ],
  targets: [
    `INSERT INTO targets SELECT @notice, ${idOf(0, '@plan')}, ${idOf(1, '@task')}, ` +
      `${[2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(at).join(', ')} FROM json_each(@rows)`,
  ],
  refs: [`INSERT INTO refs SELECT @notice, ${at(0)}, ${at(1)}, ${at(2)} FROM json_each(@rows)`],
  repairs: [
    `INSERT INTO repairs SELECT @notice, ${[0, 1, 2, 3, 4].map(at).join(', ')} FROM json_each(@rows)`,
  ],
};

/** Prepared statements, made once per database. */
interface Statements {
  notice: Statement;
  blob: Statement;
  has: Statement;
  nextPlan: Statement;
  nextTask: Statement;
  tables: [RowTable, Statement[]][];
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
    tables: (Object.entries(TABLE_SQL) as [RowTable, string[]][]).map(([t, sql]) => [
      t,
      sql.map((q) => db.prepare(q)),
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
      s.blob.run(notice, buffer(blobs.graph), buffer(blobs.text), blobs.exact ? 1 : 0);
      for (const [table, statements] of s.tables) {
        const rows = tables[table];
        if (rows !== undefined) for (const st of statements) st.run({ rows, notice, plan, task });
      }
      plan += plans;
      task += tasks;
      return notice;
    },
  };
}
