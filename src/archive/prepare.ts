/**
 * The part of `archive add` that needs no database, for one graph: parsing and validating a graph JSON file,
 * finding its input again for the exact repaired text, deflating the graph and the text, and trimming the graph
 * to the nodes the rows are made of. Graph JSON files are prepared in worker threads (prepare-pool.ts), so the
 * main thread only parses the trimmed graph and writes rows.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { NoticeGraphSchema, type NoticeGraph } from '../graph/schema.js';
import type { Blobs } from './store.js';
import { applyRepairs } from './text.js';

/**
 * Deflate in libuv's thread pool, so compressing a notice's graph and text runs beside the parsing and the
 * writing of rows. Level 1: level 6 took a sixth of the add, for blobs ~17% smaller.
 */
const deflateAsync = promisify(deflate);
/** Output chunk of the deflate: one round trip to the thread pool for most notices (16 KB made a dozen). */
const PACK_CHUNK = 256 * 1024;
const pack = (data: Uint8Array | string): Promise<Buffer> =>
  deflateAsync(data, { level: 1, chunkSize: PACK_CHUNK });
const NO_TEXT = Buffer.alloc(0);

/** The node types the archive's rows are made of (store.ts); the others stay only in the stored graph JSON. */
const ROW_TYPES = new Set(['plan', 'section', 'task', 'unit', 'deadline', 'target', 'reference']);

/** A graph ready to store: the graph (trimmed to the node types of the rows) and its blobs. */
export interface Prepared {
  graph: NoticeGraph;
  blobs: Blobs;
}

/** A prepared graph JSON file as a worker sends it: the trimmed graph as JSON text (parsed faster than cloned). */
export interface PreparedJson {
  sha256: string;
  rows: string;
  blobs: Blobs;
}

/** The bytes of a JSON file without its UTF-8 byte order mark. */
export const withoutBom = (bytes: Uint8Array): Uint8Array =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;

/** Parses and validates a NoticeGraph JSON file; throws a clear message when it is not one. */
export function parseGraph(bytes: Uint8Array): NoticeGraph {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(withoutBom(bytes)).toString('utf8'));
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
    return applyRepairs((await ingestAsync(bytes, {})).raw, graph.repairs);
  } catch {
    return null; // the input cannot be read again: the leaves will do
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

/** A graph with its JSON (as given) and its input's bytes (when at hand), ready to store. */
export async function prepare(
  graph: NoticeGraph,
  json: Uint8Array | string,
  input: Uint8Array | null,
): Promise<Prepared> {
  const text = await repairedText(graph, input);
  const [packedGraph, packedText] = await Promise.all([pack(json), text === null ? NO_TEXT : pack(text)]);
  const trimmed = { ...graph, nodes: graph.nodes.filter((n) => ROW_TYPES.has(n.type)), diagnostics: [] };
  return { graph: trimmed, blobs: { graph: packedGraph, text: packedText, exact: text !== null } };
}

/** A graph JSON file prepared (in a worker thread): validated, its blobs made, the trimmed graph as JSON text. */
export async function prepareJson(path: string, bytes: Uint8Array): Promise<PreparedJson> {
  const graph = parseGraph(bytes);
  const { graph: trimmed, blobs } = await prepare(graph, withoutBom(bytes), sourceBytes(graph, path));
  return { sha256: graph.source.sha256, rows: JSON.stringify(trimmed), blobs };
}
