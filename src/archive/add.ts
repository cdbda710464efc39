/**
 * `archive add`: notices (any format `convert` reads) and NoticeGraph JSON files into the archive, idempotent by
 * `source.sha256` (a notice already there is skipped before any conversion), the whole run in one transaction
 * (an interrupted run leaves the database as it was), conversions in worker threads. The diffs of plan series
 * are not computed here: a series that gained an edition only loses its stale diffs (series-diffs.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NoticeGraphSchema, type NoticeGraph } from '../graph/schema.js';
import type { Db } from './db.js';
import { dropStaleDiffs } from './series-diffs.js';
import { addGraph, hasNotice } from './store.js';
import { applyRepairs, textFromLeaves } from './text.js';

/** One input read: its path and bytes. */
export interface Input {
  path: string;
  bytes: Uint8Array;
}

/** Converts a notice's bytes to a graph (in a worker thread), or throws with the reason. */
export type Converter = (input: Input) => Promise<NoticeGraph>;

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

/** Parses and validates a NoticeGraph JSON file; throws a clear message when it is not one. */
export function parseGraph(bytes: Uint8Array): NoticeGraph {
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.from(bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`, { cause: err });
  }
  const parsed = NoticeGraphSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a NoticeGraph: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The repaired text of a graph: from its input's bytes when at hand, else laid out from its leaves. */
export async function repairedText(
  graph: NoticeGraph,
  bytes: Uint8Array | null,
): Promise<{ text: string; exact: boolean }> {
  if (bytes && graph.source.format !== 'pdf') {
    try {
      const { ingestAsync } = await import('../ingest/index.js');
      const raw = (await ingestAsync(bytes, {})).raw;
      const text = applyRepairs(raw, graph.repairs);
      if (text !== null) return { text, exact: true };
    } catch {
      // The input cannot be read again: the leaves will do.
    }
  }
  return { text: textFromLeaves(graph), exact: false };
}

/** The input a graph JSON was made from, when its recorded path (beside the JSON or from here) still holds it. */
function sourceBytes(graph: NoticeGraph, jsonPath: string): Uint8Array | null {
  const path = graph.source.path;
  if (!path) return null;
  for (const candidate of [resolve(path), resolve(dirname(jsonPath), path)]) {
    if (!statSync(candidate, { throwIfNoEntry: false })?.isFile()) continue;
    const bytes = readFileSync(candidate);
    if (createHash('sha256').update(bytes).digest('hex') === graph.source.sha256) return bytes;
  }
  return null;
}

/** Options of `addInputs`. */
export interface AddOptions {
  convert: Converter;
  /** Called after each input, for the progress bar. */
  onInput?: (input: Input, outcome: 'added' | 'skipped' | 'failed', reason?: string) => void;
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
  const settle = async (
    input: Input,
    job: Promise<{ graph: NoticeGraph; bytes: Uint8Array | null } | null>,
  ) => {
    let outcome: 'added' | 'skipped' | 'failed' = 'skipped';
    let reason: string | undefined;
    try {
      const got = await job;
      if (got && !seen.has(got.graph.source.sha256) && !hasNotice(db, got.graph.source.sha256)) {
        seen.add(got.graph.source.sha256);
        const { text, exact } = await repairedText(got.graph, got.bytes);
        for (const s of addGraph(db, got.graph, text, exact).series) series.add(s);
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
  try {
    for await (const input of inputs) {
      let job: Promise<{ graph: NoticeGraph; bytes: Uint8Array | null } | null>;
      if (looksLikeJson(input.bytes)) {
        job = (async () => {
          const graph = parseGraph(input.bytes);
          return { graph, bytes: sourceBytes(graph, input.path) };
        })();
      } else {
        const sha = createHash('sha256').update(input.bytes).digest('hex');
        job =
          seen.has(sha) || hasNotice(db, sha)
            ? Promise.resolve(null)
            : options.convert(input).then((graph) => ({ graph, bytes: input.bytes }));
      }
      job.catch(() => undefined); // handled in settle; this keeps an early failure from being "unhandled"
      // Results are stored in input order, so the archive's row ids do not depend on thread timing.
      const previous = pending.at(-1) ?? Promise.resolve();
      pending.push(previous.then(() => settle(input, job)));
      while (pending.length >= window) await pending.shift();
    }
    await Promise.all(pending);
    for (const id of series) dropStaleDiffs(db, id);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  return summary;
}
