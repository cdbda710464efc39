/**
 * The archive's SQLite database (better-sqlite3, loaded lazily: `gongwen convert` never loads it). The schema
 * follows the NoticeGraph: notices (with the graph JSON and the repaired text, deflated), plans, sections,
 * tasks, units by canonical name (and every spelling met), role edges, deadlines, targets, references and
 * repairs; plan series and the stored diffs between their consecutive editions; and what derive.ts fills once
 * per batch: full-text search over task text (FTS5 over overlapping bigrams: see docs/DESIGN.md, "The archive",
 * for the measurement against trigrams and jieba tokens), task sort keys, roles by year in sort order.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { BLOB_CODECS, type BlobCodec } from './codec.js';

/** A database handle. */
export type Db = BetterSqlite3.Database;

/**
 * Version of the archive's schema, kept in `meta`. 3: blobs may be brotli (codec.ts; the codec is in `meta`), which
 * a gongwen that reads only 2 would misread, so it refuses a 3 archive. A 2 archive (deflate blobs, the same
 * tables) is still read and added to, and stays 2; another version is refused.
 */
export const ARCHIVE_SCHEMA_VERSION = '3';
/** Older versions this gongwen still reads and writes as they are. */
const OLDER_READ = ['2'];

/** Page cache of a writing handle, in KB. */
const WRITE_CACHE_KB = 16 * 1024;
/** Page cache of a reading handle (serve keeps one open), in KB: a page of rows is read from scattered pages. */
const READ_CACHE_KB = 32 * 1024;

/** The default database file, in the working directory. */
export const DEFAULT_DB = 'gongwen.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notices (
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT, format TEXT NOT NULL,
  title TEXT NOT NULL, issuers TEXT NOT NULL, doc_number TEXT, date TEXT, year INTEGER,
  added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notice_blobs (
  notice_id INTEGER PRIMARY KEY REFERENCES notices(id) ON DELETE CASCADE,
  graph BLOB NOT NULL, text BLOB NOT NULL, text_exact INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS series (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, issuer TEXT NOT NULL, topic TEXT, title TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS plans (
  id INTEGER PRIMARY KEY, notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  key TEXT NOT NULL, title TEXT NOT NULL, year INTEGER, topic TEXT,
  series_id INTEGER REFERENCES series(id), start INTEGER, end INTEGER);
CREATE INDEX IF NOT EXISTS plans_series ON plans(series_id, year);
CREATE INDEX IF NOT EXISTS plans_year ON plans(year);
CREATE TABLE IF NOT EXISTS sections (
  id INTEGER PRIMARY KEY, notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  plan_id INTEGER NOT NULL, key TEXT NOT NULL, path TEXT NOT NULL, marker TEXT NOT NULL, level INTEGER NOT NULL,
  title TEXT NOT NULL, start INTEGER, end INTEGER);
CREATE TABLE IF NOT EXISTS tasks (
  id INTEGER PRIMARY KEY, notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  plan_id INTEGER NOT NULL, key TEXT NOT NULL, path TEXT NOT NULL, number TEXT, title TEXT NOT NULL,
  text TEXT NOT NULL, start INTEGER, end INTEGER, page INTEGER);
CREATE INDEX IF NOT EXISTS tasks_notice ON tasks(notice_id);
CREATE INDEX IF NOT EXISTS tasks_plan ON tasks(plan_id);
CREATE TABLE IF NOT EXISTS units (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unit_names (
  unit_id INTEGER NOT NULL REFERENCES units(id), name TEXT NOT NULL, notices INTEGER NOT NULL,
  PRIMARY KEY (unit_id, name)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unit_names_name ON unit_names(name);
CREATE TABLE IF NOT EXISTS roles (
  notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE, plan_id INTEGER,
  task_id INTEGER, holder TEXT NOT NULL, unit_id INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
  inherited INTEGER NOT NULL, note TEXT, start INTEGER, end INTEGER);
CREATE INDEX IF NOT EXISTS roles_unit ON roles(unit_id, role, task_id, notice_id);
CREATE INDEX IF NOT EXISTS roles_task ON roles(task_id, role, unit_id, name);
CREATE TABLE IF NOT EXISTS deadlines (
  id INTEGER PRIMARY KEY, notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  plan_id INTEGER, task_id INTEGER, holder TEXT NOT NULL, text TEXT NOT NULL, date TEXT, kind TEXT NOT NULL,
  period TEXT, start INTEGER, end INTEGER);
CREATE INDEX IF NOT EXISTS deadlines_date ON deadlines(date, task_id);
CREATE INDEX IF NOT EXISTS deadlines_task ON deadlines(task_id, date);
CREATE TABLE IF NOT EXISTS targets (
  notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE, plan_id INTEGER, task_id INTEGER,
  holder TEXT NOT NULL, text TEXT NOT NULL, indicator TEXT NOT NULL, comparator TEXT NOT NULL,
  value TEXT NOT NULL, unit TEXT, baseline INTEGER, kind TEXT NOT NULL, start INTEGER, end INTEGER);
CREATE INDEX IF NOT EXISTS targets_task ON targets(task_id);
CREATE TABLE IF NOT EXISTS refs (
  notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE, holder TEXT NOT NULL,
  title TEXT NOT NULL, doc_number TEXT);
CREATE TABLE IF NOT EXISTS repairs (
  notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE, rule_id TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw TEXT NOT NULL, fixed TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS series_diffs (
  series_id INTEGER NOT NULL REFERENCES series(id), old_plan INTEGER NOT NULL, new_plan INTEGER NOT NULL,
  old_year INTEGER, new_year INTEGER, summary TEXT NOT NULL, diff BLOB NOT NULL,
  PRIMARY KEY (old_plan, new_plan));
CREATE TABLE IF NOT EXISTS task_keys (
  task_id INTEGER PRIMARY KEY, sort INTEGER NOT NULL, year INTEGER, series_id INTEGER, notice_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS task_keys_sort ON task_keys(sort);
CREATE INDEX IF NOT EXISTS task_keys_year ON task_keys(year, sort);
CREATE INDEX IF NOT EXISTS task_keys_series ON task_keys(series_id, sort);
CREATE INDEX IF NOT EXISTS task_keys_notice ON task_keys(notice_id, sort);
CREATE TABLE IF NOT EXISTS task_roles (
  role TEXT NOT NULL, year INTEGER, sort INTEGER NOT NULL, task_id INTEGER NOT NULL,
  PRIMARY KEY (role, year, sort)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS task_roles_sort ON task_roles(role, sort);
CREATE TABLE IF NOT EXISTS unit_tasks (
  unit_id INTEGER NOT NULL, role TEXT NOT NULL, sort INTEGER NOT NULL, year INTEGER, task_id INTEGER NOT NULL,
  PRIMARY KEY (unit_id, role, sort)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS tasks_fts USING fts5(grams, content='', tokenize='ascii', detail=none);
`;

/** The `meta` key of the codec of the archive's blobs (codec.ts); absent: deflate (archives made before it). */
const BLOBS_KEY = 'blobs';
/** The codec of a new archive's blobs. */
const NEW_CODEC: BlobCodec = 'brotli';
const codecs = new WeakMap<Db, BlobCodec>();

/** The codec of an archive's blobs, as recorded when it was created (deflate when there is no record). */
export function blobCodec(db: Db): BlobCodec {
  let codec = codecs.get(db);
  if (codec === undefined) {
    const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(BLOBS_KEY);
    codec = (BLOB_CODECS as readonly unknown[]).includes(value) ? (value as BlobCodec) : 'deflate';
    codecs.set(db, codec);
  }
  return codec;
}

/** Why a database cannot be used: a clear message naming the file and what to do. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/**
 * Throws when this gongwen cannot read the archive's schema version: an older one it no longer reads (build a new
 * archive), or a newer one (upgrade gongwen). No `meta` table: the SQLite error.
 */
function checkVersion(db: Db, file: string): void {
  const version = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('schema');
  if (version === ARCHIVE_SCHEMA_VERSION || OLDER_READ.includes(version as string)) return;
  const n = Number(version);
  if (Number.isInteger(n) && n > Number(ARCHIVE_SCHEMA_VERSION))
    throw new ArchiveError(
      `${file}: archive schema ${n}, made by a newer gongwen; this gongwen reads schemas ` +
        `${[...OLDER_READ, ARCHIVE_SCHEMA_VERSION].join(', ')}: upgrade gongwen to read it`,
    );
  throw new ArchiveError(
    `${file}: archive schema ${String(version)}, this gongwen reads ${ARCHIVE_SCHEMA_VERSION}; ` +
      `build a new archive from the same notices or graph JSON: gongwen archive add <files> --db NEW.db`,
  );
}

/** Loads better-sqlite3 (a native addon) only when an archive command runs. */
async function driver(): Promise<typeof BetterSqlite3> {
  try {
    return (await import('better-sqlite3')).default;
  } catch (err) {
    throw new ArchiveError(
      `the SQLite driver (better-sqlite3) cannot be loaded: ${(err as Error).message}; run 'npm ci' to build it`,
    );
  }
}

/**
 * Opens (and with `write`, creates) an archive. WAL mode, so `serve` reads while `archive add` writes.
 * A read-only open of a missing file, or a file that is not a gongwen archive, is an ArchiveError. With `cache`, a
 * reading open may still write the series diffs it computes (a write-protected file, or another writer holding
 * the lock for more than a moment, keeps them in memory instead).
 */
export async function openArchive(file: string, options: { write: boolean; cache?: boolean }): Promise<Db> {
  const Database = await driver();
  let db: Db;
  try {
    db = new Database(file, {
      readonly: !options.write && !options.cache,
      fileMustExist: !options.write,
      ...(options.write ? {} : { timeout: 200 }),
    });
  } catch (err) {
    throw new ArchiveError(
      `${file}: cannot open the archive (${(err as Error).message})` +
        (options.write ? '' : `; create it with 'gongwen archive add <files> --db ${file}'`),
    );
  }
  try {
    if (options.write) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // A 16 MB page cache (the default is 2 MB): fewer rereads while the indexes of a large archive are updated.
      db.pragma(`cache_size = -${WRITE_CACHE_KB}`);
      // An archive of another version is refused before the schema touches it.
      const fresh = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() === undefined;
      if (!fresh) checkVersion(db, file);
      db.exec(SCHEMA);
      if (fresh) {
        db.prepare('INSERT INTO meta VALUES (?, ?)').run('schema', ARCHIVE_SCHEMA_VERSION);
        db.prepare('INSERT INTO meta VALUES (?, ?)').run(BLOBS_KEY, NEW_CODEC);
      } else if (blobCodec(db) !== 'deflate')
        // A 2 archive with brotli blobs (made before the version said so) is a 3 archive: say so.
        db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(ARCHIVE_SCHEMA_VERSION);
    }
    checkVersion(db, file);
    if (!options.write) db.pragma(`cache_size = -${READ_CACHE_KB}`);
  } catch (err) {
    db.close();
    if (err instanceof ArchiveError) throw err;
    throw new ArchiveError(`${file}: not a gongwen archive (${(err as Error).message})`);
  }
  return db;
}
