/**
 * `archive add`: notices (any format `convert` reads) and NoticeGraph JSON files into the archive, idempotent by
 * `source.sha256` (a notice already there is skipped before any conversion), the whole run in one transaction
 * (an interrupted run leaves the database as it was), conversions in worker threads. The diffs of plan series
 * are not computed here: a series that gained an edition only loses its stale diffs (series-diffs.ts).
 */
import { createHash } from 'node:crypto';
import type { NoticeGraph } from '../graph/schema.js';
import type { Db } from './db.js';
import { peekSha256, prepare, prepareJson, type Prepared } from './prepare.js';
import type { JsonPreparer } from './prepare-pool.js';
import { finishBatch, nextNoticeId } from './derive.js';
import { dropStaleDiffs } from './series-diffs.js';
import { addGraph, hasNotice } from './store.js';

/** Rows sampled per index by ANALYZE after an add. */
const ANALYSIS_LIMIT = 1000;

/** One input read: its path and bytes. */
export interface Input {
  path: string;
  bytes: Uint8Array;
}

/** Converts a notice's bytes to a graph (in a worker thread): the graph and its JSON text, or throws with the reason. */
export type Converter = (input: Input) => Promise<{ graph: NoticeGraph; json: string }>;

/** A converter in this thread (tests, eval, small runs): `convert` from the library. */
export const convertInProcess: Converter = async ({ path, bytes }) => {
  const { convert } = await import('../index.js');
  const graph = await convert(bytes, { path });
  return { graph, json: JSON.stringify(graph) };
};

/** What an `add` run did. */
export interface AddSummary {
  added: number;
  skipped: number;
  failed: { path: string; reason: string }[];
}

/** Whether the bytes are JSON (a NoticeGraph), judged by the first character after any BOM and whitespace. */
export function looksLikeJson(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{');
}

/** Options of `addInputs`. */
export interface AddOptions {
  convert: Converter;
  /** Called after each input, for the progress bar. */
  onInput?: (input: Input, outcome: 'added' | 'skipped' | 'failed', reason?: string) => void;
  /** Prepares a graph JSON file (default: in this thread; the CLI passes a pool of threads: prepare-pool.ts). */
  prepareJson?: JsonPreparer;
  /** Inputs converted at once (the worker pool's width and a little more). */
  window?: number;
}

/**
 * Adds every input in one transaction; resolves to the summary. A failing input is recorded and skipped;
 * an exception from the database rolls the whole run back and is thrown.
 */
export async function addInputs(
  db: Db,
  inputs: AsyncIterable<Input>,
  options: AddOptions,
): Promise<AddSummary> {
  const summary: AddSummary = { added: 0, skipped: 0, failed: [] };
  const series = new Set<number>();
  const seen = new Set<string>();
  const window = options.window ?? 4;
  const pending: Promise<void>[] = [];
  const known = (sha: string): boolean => seen.has(sha) || hasNotice(db, sha);
  const prepareFile = options.prepareJson ?? prepareJson;
  const settle = async (input: Input, job: Promise<Prepared | null>) => {
    let outcome: 'added' | 'skipped' | 'failed' = 'skipped';
    let reason: string | undefined;
    try {
      const got = await job;
      if (got && !known(got.graph.source.sha256)) {
        seen.add(got.graph.source.sha256);
        for (const s of addGraph(db, got.graph, got.blobs).series) series.add(s);
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
  db.exec('BEGIN IMMEDIATE');
  const firstNotice = nextNoticeId(db);
  try {
    for await (const input of inputs) {
      let job: Promise<Prepared | null>;
      if (looksLikeJson(input.bytes)) {
        const sha = peekSha256(input.bytes);
        job =
          sha !== null && known(sha)
            ? Promise.resolve(null)
            : prepareFile(input.path, input.bytes).then(({ rows, blobs }) => ({
                graph: JSON.parse(rows) as NoticeGraph,
                // from a thread the buffers arrive as plain Uint8Arrays
                blobs: { ...blobs, graph: Buffer.from(blobs.graph), text: Buffer.from(blobs.text) },
              }));
      } else {
        const sha = createHash('sha256').update(input.bytes).digest('hex');
        job = known(sha)
          ? Promise.resolve(null)
          : options.convert(input).then(({ graph, json }) => prepare(graph, json, input.bytes));
      }
      job.catch(() => undefined); // handled in settle; this keeps an early failure from being "unhandled"
      // Results are stored in input order, so the archive's row ids do not depend on thread timing.
      const previous = pending.at(-1) ?? Promise.resolve();
      pending.push(previous.then(() => settle(input, job)));
      while (pending.length >= window) await pending.shift();
    }
    await Promise.all(pending);
    for (const id of series) dropStaleDiffs(db, id);
    finishBatch(db, firstNotice);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  // Statistics for the query planner (sampled: a fraction of a second on a large archive), so a filter on a
  // unit or a deadline window reads its index and a filter on a year or a role alone does not list every role.
  if (summary.added > 0) db.exec(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}; ANALYZE`);
  return summary;
}
