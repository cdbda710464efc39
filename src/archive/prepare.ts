/**
 * The part of `archive add` that needs no database, for one input: converting a notice, or parsing and
 * validating a graph JSON file (and finding its input again for the exact repaired text); compressing the graph
 * and the text; flattening the graph into rows (rows.ts). It runs in worker threads (prepare-pool.ts), so the
 * main thread only hands rows to SQLite.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NoticeGraphSchema, type NoticeGraph } from '../graph/schema.js';
import { pack, type BlobCodec } from './codec.js';
import { looksLikeNoticeGraph } from './graph-check.js';
import { noticeRows } from './rows.js';
import type { Stored } from './store.js';
import { applyRepairs } from './text.js';

const NO_TEXT = new Uint8Array(0);

/** Converts a notice's bytes to a graph: the graph, its JSON text and (when known) the decoded input. */
export type Converter = (input: {
  path: string;
  bytes: Uint8Array;
}) => Promise<{ graph: NoticeGraph; json: string; raw?: string }>;

/** A converter in this thread (tests, eval, small runs): `convert` from the library. */
export const convertInProcess: Converter = async ({ path, bytes }) => {
  const { convert } = await import('../index.js');
  const graph = await convert(bytes, { path });
  return { graph, json: JSON.stringify(graph) };
};

/** An input to prepare: a graph JSON file, or a notice to convert first. */
export interface PrepareJob {
  path: string;
  /** The input's bytes; null: a graph JSON file to read here (in the preparing thread) from `path`. */
  bytes: Uint8Array | null;
  json: boolean;
  /** How the archive compresses its blobs (db.ts: `blobCodec`); deflate when not given. */
  codec?: BlobCodec;
}

/** The bytes of a JSON file without its UTF-8 byte order mark. */
export const withoutBom = (bytes: Uint8Array): Uint8Array =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;

/**
 * Parses and validates a NoticeGraph JSON file (graph-check.ts, then zod for what it refuses); throws a clear
 * message when it is not one. The graph returned may keep keys the contract does not know (zod would drop them).
 */
export function parseGraph(bytes: Uint8Array): NoticeGraph {
  let json: unknown;
  try {
    const text = withoutBom(bytes);
    json = JSON.parse(Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`, { cause: err });
  }
  // The fast check accepts only what the contract accepts; zod names the problem of what it refuses.
  if (looksLikeNoticeGraph(json)) return json;
  const parsed = NoticeGraphSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a NoticeGraph: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * The `source.sha256` of a graph JSON file read from its first bytes (gongwen writes `source` near the top), so a
 * file already in the archive is skipped without being parsed; null when it is not found there.
 */
export function peekSha256(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /"source"\s*:\s*\{[^{}]*?"sha256"\s*:\s*"([0-9a-f]{64})"/.exec(head)?.[1] ?? null;
}

/**
 * The exact repaired text of a graph, rebuilt from its input's bytes; null when the input is not at hand or
 * does not fit the graph's repairs (the text is then laid out from the graph's leaves when asked for: load.ts).
 */
export async function repairedText(graph: NoticeGraph, bytes: Uint8Array | null): Promise<string | null> {
  if (!bytes || graph.source.format === 'pdf') return null;
  try {
    const { ingestAsync } = await import('../ingest/index.js');
    // The input's name decides how some formats are read (a .csv or .md file is text by its bytes): give it.
    const path = graph.source.path;
    return applyRepairs((await ingestAsync(bytes, path === undefined ? {} : { path })).raw, graph.repairs);
  } catch {
    return null; // the input cannot be read again: the leaves will do
  }
}

/** An input's bytes, read in the preparing thread; a clear reason when it cannot be read. */
function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`cannot read it (${(err as Error).message})`, { cause: err });
  }
}

/** The input a graph JSON was made from, when its recorded path (from here or beside the JSON) still holds it. */
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

/** A graph with its JSON (as given) and its repaired text (null when not exact), ready to store. */
export function stored(
  graph: NoticeGraph,
  json: Uint8Array | string,
  text: string | null,
  codec: BlobCodec = 'deflate',
): Stored {
  return {
    ...noticeRows(graph),
    blobs: {
      graph: pack(json, codec),
      text: text === null ? NO_TEXT : pack(text, codec),
      exact: text !== null,
    },
  };
}

/**
 * An input prepared (in a worker thread): a graph JSON file validated, or a notice converted with `convert`;
 * its blobs deflated and its rows made. Rejects with the reason when the input is not a graph or not a notice.
 */
export async function prepareInput(job: PrepareJob, convert: Converter): Promise<Stored> {
  const bytes = job.bytes ?? readInput(job.path);
  if (job.json) {
    const graph = parseGraph(bytes);
    const text = await repairedText(graph, sourceBytes(graph, job.path));
    return stored(graph, withoutBom(bytes), text, job.codec);
  }
  const { graph, json, raw } = await convert({ path: job.path, bytes });
  const text =
    raw === undefined
      ? await repairedText(graph, bytes)
      : graph.source.format === 'pdf'
        ? null
        : applyRepairs(raw, graph.repairs);
  return stored(graph, json, text, job.codec);
}
