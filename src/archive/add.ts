/**
 * `archive add`: notices (any format `convert` reads) and NoticeGraph JSON files into the archive, idempotent by
 * `source.sha256` (a notice already there is skipped before any conversion), the whole run in one transaction
 * (an interrupted run leaves the database as it was); every input is converted or validated, deflated and made
 * into rows by a preparer (worker threads: prepare-pool.ts) while this thread writes. The diffs of plan series
 * are not computed here: a series that gained an edition only loses its stale diffs (series-diffs.ts).
 */
import { createHash } from 'node:crypto';
import { blobCodec, type Db } from './db.js';
import { finishBatch, nextNoticeId } from './derive.js';
import { convertInProcess, peekSha256, prepareInput, type Converter, type PrepareJob } from './prepare.js';
import { dropStaleDiffs } from './series-diffs.js';
import { hasNotice, writer, type Stored } from './store.js';
import { looksLikeJson } from '../ingest/sniff-json.js';

export { convertInProcess, type Converter } from './prepare.js';

/** Rows sampled per index by ANALYZE after an add. */
const ANALYSIS_LIMIT = 1000;

/** One input read: its path and bytes, or why it could not be read (then it fails alone). */
export interface Input {
  path: string;
  bytes: Uint8Array;
  /**
   * `bytes` is only the head of a graph JSON file (enough for its `source.sha256`): the preparing thread reads the
   * file, so the writing thread neither reads nor hands over the whole of it.
   */
  head?: boolean;
  error?: string;
}

/** Prepares an input (prepare.ts): its rows and blobs, or rejects with the reason it cannot be added. */
export type Preparer = (job: PrepareJob) => Promise<Stored>;

/** What an `add` run did. */
export interface AddSummary {
  added: number;
  skipped: number;
  failed: { path: string; reason: string }[];
}

/** Options of `addInputs`. */
export interface AddOptions {
  /**
   * Prepares an input: the CLI passes a pool of worker threads (prepare-pool.ts; the input's bytes are handed
   * over to the thread). Default: in this thread, converting with `convert`.
   */
  prepare?: Preparer;
  /** The converter of the default preparer (default: `convertInProcess`). */
  convert?: Converter;
  /** Called after each input, for the progress bar. */
  onInput?: (input: Input, outcome: 'added' | 'skipped' | 'failed', reason?: string) => void;
  /** Inputs prepared at once (the worker pool's width and a little more): what bounds the memory. */
  window?: number;
}

/**
 * The secondary indexes of an archive with no notice yet, dropped (inside the batch's transaction) so the load
 * writes only the tables; their CREATE statements, to run at the end of the load, when building each index in
 * one sorted pass costs less than inserting every row into it (measured: ~2 ms a notice less). An archive
 * that holds notices keeps its indexes: rebuilding them over all it holds would cost more.
 */
function dropIndexesWhenEmpty(db: Db): string[] {
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM notices)').pluck().get() === 1) return [];
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return indexes.map((i) => i.sql);
}

/**
 * Adds every input in one transaction; resolves to the summary. A failing input is recorded and skipped;
 * an exception from the database rolls the whole run back and is thrown. The main thread only checks hashes
 * and writes rows: reading a graph, converting, validating, deflating and flattening are the preparer's.
 */
export async function addInputs(
  db: Db,
  inputs: AsyncIterable<Input>,
  options: AddOptions,
): Promise<AddSummary> {
  const summary: AddSummary = { added: 0, skipped: 0, failed: [] };
  const seen = new Set<string>();
  const window = options.window ?? 4;
  const pending: Promise<void>[] = [];
  const known = (sha: string): boolean => seen.has(sha) || hasNotice(db, sha);
  const convert = options.convert ?? convertInProcess;
  const codec = blobCodec(db);
  const prepare = options.prepare ?? ((job: PrepareJob) => prepareInput(job, convert));
  // The rows of a notice refer to the notice written just before them (store.ts), so checking every row's
  // foreign keys only costs time: about half of writing the role rows. Checked again by the tests.
  let aborted = false;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    const firstNoticeId = nextNoticeId(db);
    const indexes = dropIndexesWhenEmpty(db);
    const write = writer(db);
    const settle = async (input: Input, job: Promise<Stored> | null) => {
      let outcome: 'added' | 'skipped' | 'failed' = 'skipped';
      let reason: string | undefined;
      try {
        const got = await job;
        if (aborted) return; // the batch failed and was rolled back: nothing more is written
        const sha = got?.notice[0] as string | undefined;
        if (got && sha !== undefined && !known(sha)) {
          seen.add(sha);
          write.add(got);
          outcome = 'added';
        }
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('SQLITE')) throw err;
        outcome = 'failed';
        reason = (err as Error).message;
      }
      if (outcome === 'added') summary.added++;
      else if (outcome === 'skipped') summary.skipped++;
      else summary.failed.push({ path: input.path, reason: reason ?? 'failed' });
      options.onInput?.(input, outcome, reason);
    };
    for await (const input of inputs) {
      let job: Promise<Stored> | null;
      if (input.error !== undefined) job = Promise.reject(new Error(input.error));
      else {
        const json = input.head === true || looksLikeJson(input.bytes);
        const sha = json ? peekSha256(input.bytes) : createHash('sha256').update(input.bytes).digest('hex');
        const bytes = input.head ? null : input.bytes;
        job = sha !== null && known(sha) ? null : prepare({ path: input.path, bytes, json, codec });
      }
      job?.catch(() => undefined); // handled in settle; this keeps an early failure from being "unhandled"
      // Results are stored in input order, so the archive's row ids do not depend on thread timing.
      const previous = pending.at(-1) ?? Promise.resolve();
      pending.push(previous.then(() => settle(input, job)));
      while (pending.length >= window) await pending.shift();
    }
    await Promise.all(pending);
    for (const sql of indexes) db.exec(sql);
    const series = db
      .prepare('SELECT DISTINCT series_id FROM plans WHERE notice_id >= ? AND series_id IS NOT NULL')
      .pluck()
      .all(firstNoticeId) as number[];
    for (const id of series) dropStaleDiffs(db, id);
    // The end of the batch, inside its transaction: the full-text index and the derived rows (derive.ts).
    finishBatch(db, firstNoticeId);
    db.exec('COMMIT');
  } catch (err) {
    aborted = true;
    for (const p of pending) p.catch(() => undefined); // the inputs behind the failure fail with it, unreported
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  // Statistics for the query planner (sampled: a fraction of a second on a large archive), so a filter on a
  // unit or a deadline window reads its index and a filter on a year or a role alone does not list every role.
  if (summary.added > 0) db.exec(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}; ANALYZE`);
  return summary;
}
