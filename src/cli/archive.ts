/**
 * `gongwen archive add|tasks|units|series|diff`: the SQLite archive of notices (src/archive). The driver loads
 * only here and in `serve`, never for `convert`.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { ArchiveError, DEFAULT_DB, openArchive, type Db } from '../archive/db.js';
import type { Input } from '../archive/add.js';
import { ROLES } from '../graph/schema.js';
import {
  DEFAULT_LIMIT,
  isRole,
  parseDue,
  queryTaskPage,
  queryUnits,
  type TaskFilter,
} from '../archive/query.js';
import { querySeries, querySeriesDiffs } from '../archive/query-series.js';
import { looksLikeJson } from '../ingest/sniff-json.js';
import { walk } from './batch-walk.js';
import { printRows } from './archive-output.js';

type Values = Record<string, string | boolean | string[] | undefined>;
type Usage = (message: string) => number;

const SUBCOMMANDS = ['add', 'tasks', 'units', 'series', 'diff'] as const;
const FORMATS = ['table', 'json', 'csv'] as const;
/** Inputs in flight per preparing thread: enough to keep the threads busy while the writer waits on one. */
const WINDOW_PER_THREAD = 3;

/** Runs `gongwen archive …`; resolves to the exit status. */
export async function runArchive(args: string[], v: Values, usage: Usage): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub))
    return usage(`archive needs one of ${SUBCOMMANDS.join(', ')}${sub ? `, not '${sub}'` : ''}`);
  const format = (v.format as string | undefined) ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format))
    return usage(`--format must be ${FORMATS.join(', ')} for archive, not '${format}'`);
  const file = (v.db as string | undefined) ?? DEFAULT_DB;
  let db: Db | undefined;
  try {
    if (sub === 'add') {
      if (rest.length === 0) return usage('archive add takes files or folders');
      const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
        return usage(`--jobs must be a whole number ≥ 1, not '${String(v.jobs)}'`);
      for (const path of rest)
        if (!(await stat(path).catch(() => null))) {
          process.stderr.write(`gongwen: ${path}: no such file or folder\n`);
          return 1;
        }
      db = await openArchive(file, { write: true });
      return await add(db, rest, jobs, v.quiet === true);
    }
    const filter = taskFilter(v);
    if (typeof filter === 'string') return usage(filter);
    db = await openArchive(file, { write: false, cache: sub === 'diff' });
    const out = format as (typeof FORMATS)[number];
    if (sub === 'tasks') return printTasks(db, filter, out, v.quiet === true);
    if (sub === 'units') return printRows('units', queryUnits(db, filter.unit), out);
    if (sub === 'series') return printRows('series', querySeries(db), out);
    const id = Number(rest[0]);
    if (!Number.isInteger(id)) return usage('archive diff takes a series id (see gongwen archive series)');
    const year = rest[1] === undefined ? undefined : Number(rest[1]);
    if (year !== undefined && !Number.isInteger(year)) return usage(`YEAR must be a year, not '${rest[1]}'`);
    if (querySeries(db, { id }).length === 0) {
      process.stderr.write(`gongwen: no series ${id} in ${file} (see gongwen archive series)\n`);
      return 1;
    }
    return await printDiffs(db, id, year, out);
  } catch (err) {
    if (err instanceof ArchiveError) {
      process.stderr.write(`gongwen: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    db?.close();
  }
}

/** The task filter of the options, or a usage error. */
function taskFilter(v: Values): TaskFilter | string {
  const f: TaskFilter = {};
  if (typeof v.unit === 'string') f.unit = v.unit;
  if (typeof v.role === 'string') {
    if (!isRole(v.role)) return `--role must be ${ROLES.join(', ')}, not '${v.role}'`;
    f.role = v.role;
  }
  if (typeof v.due === 'string') {
    const due = parseDue(v.due);
    if (typeof due === 'string') return due;
    if (due.from) f.dueFrom = due.from;
    if (due.to) f.dueTo = due.to;
  }
  if (typeof v.q === 'string') f.q = v.q;
  if (typeof v.year === 'string') {
    const year = Number(v.year);
    if (!Number.isInteger(year)) return `--year must be a year, not '${v.year}'`;
    f.year = year;
  }
  for (const key of ['limit', 'offset'] as const) {
    const value = v[key];
    if (typeof value !== 'string') continue;
    const n = Number(value);
    if (!(/^\d+$/.test(value) && Number.isSafeInteger(n)) || (key === 'limit' && n < 1))
      return `--${key} must be a whole number${key === 'limit' ? ' ≥ 1' : ''}, not '${value}'`;
    f[key] = n;
  }
  return f;
}

/**
 * Prints a page of tasks (`--limit`, default DEFAULT_LIMIT, after `--offset`); when the query found more than the
 * page, says on stderr which rows were shown of how many and the option that shows the next ones.
 */
function printTasks(db: Db, filter: TaskFilter, format: 'table' | 'json' | 'csv', quiet: boolean): number {
  const { rows, total, more } = queryTaskPage(db, filter);
  const status = printRows('tasks', rows, format);
  const from = filter.offset ?? 0;
  const shown = from + rows.length;
  if (!quiet && (from > 0 || shown < total || more)) {
    const of = more ? `more than ${total}` : String(total);
    const range = rows.length ? `tasks ${from + 1}–${shown}` : `no task after ${from}`;
    const full = rows.length === (filter.limit ?? DEFAULT_LIMIT);
    const next = shown < total || (more && full) ? `; the next: --offset ${shown}` : '';
    process.stderr.write(`${range} of ${of}${next}\n`);
  }
  return status;
}

async function* inputs(paths: string[]): AsyncGenerator<Input> {
  for (const path of paths) {
    const info = await stat(path);
    const files = info.isDirectory() ? walkWithJson(path) : [path];
    for await (const file of files) yield readHead(file);
  }
}

/** Bytes read first from each input: enough for a graph JSON's `source.sha256` (prepare.ts: `peekSha256`). */
const HEAD_BYTES = 4096;

/**
 * An input as `archive add` takes it: a graph JSON file only by its head (the preparing thread reads the rest,
 * when the archive does not hold it yet), any other file whole (its hash is of all its bytes).
 */
function readHead(file: string): Input {
  try {
    const fd = openSync(file, 'r');
    try {
      const info = fstatSync(fd);
      // A pipe or FIFO states no size: it is read to its end, as any input that is not a graph JSON file.
      if (!info.isFile()) return { path: file, bytes: readFileSync(fd) };
      const size = info.size;
      const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
      readSync(fd, head, 0, head.length, 0);
      if (size > head.length && looksLikeJson(head)) return { path: file, bytes: head, head: true };
      return { path: file, bytes: size > head.length ? readFileSync(fd) : head };
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return { path: file, bytes: new Uint8Array(0), error: `cannot read it (${(err as Error).message})` };
  }
}

/** A folder's inputs: every notice `convert` reads, and graph JSON files. */
async function* walkWithJson(dir: string): AsyncGenerator<string> {
  yield* walk(dir, (name) => name.endsWith('.json'));
}

async function add(db: Db, paths: string[], jobs: number | undefined, quiet: boolean): Promise<number> {
  const { addInputs } = await import('../archive/add.js');
  const { preparePool } = await import('../archive/prepare-pool.js');
  const width = jobs ?? availableParallelism();
  const pool = preparePool(width, new URL('./archive-worker.js', import.meta.url));
  const progress = !quiet && process.stderr.isTTY;
  let done = 0;
  const started = Date.now();
  try {
    const summary = await addInputs(db, inputs(paths), {
      prepare: pool.prepare,
      window: width * WINDOW_PER_THREAD,
      onInput: (input, outcome, reason) => {
        done++;
        if (outcome === 'failed')
          process.stderr.write(`${input.path}:1:1 error ${reason} archive-add-failed\n`);
        if (progress)
          process.stderr.write(
            `\r\x1b[2Karchive: ${done} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s`,
          );
      },
    });
    if (progress) process.stderr.write('\r\x1b[2K');
    if (!quiet)
      process.stderr.write(
        `added ${summary.added}, skipped ${summary.skipped} (already in the archive), failed ${summary.failed.length}\n`,
      );
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await pool.close();
  }
}

async function printDiffs(db: Db, series: number, year: number | undefined, format: string): Promise<number> {
  const diffs = querySeriesDiffs(db, series, year);
  if (format === 'json' && year !== undefined) {
    const { loadSeriesDiff } = await import('../archive/series-diffs.js');
    const full = diffs.map((d) => loadSeriesDiff(db, d.oldPlan, d.newPlan));
    process.stdout.write(JSON.stringify(full.length === 1 ? full[0] : full, null, 2) + '\n');
    return 0;
  }
  return printRows('diffs', diffs, format as (typeof FORMATS)[number]);
}
