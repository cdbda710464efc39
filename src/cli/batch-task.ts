/**
 * One unit of batch work, run in a worker thread (or in-process with --jobs 1): a file of a folder
 * (read, skip when unchanged, convert, write atomically) or a line of JSON Lines (parse, convert, serialise).
 * The result is plain data, posted back to the main thread, which prints and counts in input order.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { convertInput, emit, errorLine, type ConvertCommand } from './convert.js';

/** A task of a batch. */
export type BatchTask =
  { kind: 'file'; path: string; target: string } | { kind: 'jsonl'; line: string; lineNo: number };

/** What became of a task. */
export interface BatchResult {
  status: 'converted' | 'skipped' | 'failed';
  /** Size of the input in bytes (for the progress bar). */
  bytes: number;
  /** Lines for stderr: diagnostics, or the error. */
  lines: string[];
  /** Why the task failed. */
  reason?: string;
  /** For a JSON Lines task: the graph on one line. */
  text?: string;
}

/** The code of a JSON Lines record that is not `{"path", "text"}` or `{"path", "base64"}`. */
export const BAD_RECORD = 'bad-jsonl-record';

/** How much of an existing output is read to find its `source.sha256` (it is near the start). */
const SHA_PROBE_BYTES = 16 * 1024;
const SOURCE_SHA = /"sha256":\s*"([0-9a-f]{64})"/;

/** The `source.sha256` recorded in an existing output, or null when there is none. */
async function existingSha(target: string): Promise<string | null> {
  const handle = await open(target, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(SHA_PROBE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SHA_PROBE_BYTES, 0);
    return SOURCE_SHA.exec(buffer.toString('utf8', 0, bytesRead))?.[1] ?? null;
  } finally {
    await handle.close();
  }
}

/** Runs one task; never throws. */
export async function runTask(task: BatchTask, cmd: ConvertCommand): Promise<BatchResult> {
  return task.kind === 'file' ? runFile(task.path, task.target, cmd) : runLine(task.line, task.lineNo, cmd);
}

async function runFile(path: string, target: string, cmd: ConvertCommand): Promise<BatchResult> {
  const { readInput } = await import('../ingest/index.js');
  let data: Uint8Array;
  try {
    data = await readInput(path, { maxBytes: cmd.ingest?.maxBytes });
  } catch (err) {
    const reason = (err as Error).message;
    const code = (err as { code?: string }).code ?? 'read-failed';
    return { status: 'failed', bytes: 0, lines: [errorLine(path, reason, code)], reason };
  }
  const bytes = data.length;
  if (cmd.skipExisting && (await existingSha(target)) === createHash('sha256').update(data).digest('hex'))
    return { status: 'skipped', bytes, lines: [] };
  const { graph, lines, reason, raw } = await convertInput(path, cmd, async () => data);
  if (!graph) return { status: 'failed', bytes, lines, reason: reason ?? 'failed' };
  try {
    await emit([graph], cmd, target, raw);
  } catch (err) {
    const message = `cannot write ${target}: ${(err as Error).message}`;
    return {
      status: 'failed',
      bytes,
      lines: [...lines, errorLine(path, message, 'write-failed')],
      reason: message,
    };
  }
  return { status: 'converted', bytes, lines };
}

/** A JSON Lines record: its label in messages and its bytes, or why it is unusable. */
function parseRecord(
  line: string,
  lineNo: number,
): { label: string; path?: string; bytes?: Uint8Array; problem?: string } {
  const fallback = `line ${lineNo}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    return { label: fallback, problem: `not JSON (${(err as Error).message})` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { label: fallback, problem: 'not a JSON object' };
  const { path, text, base64 } = record as { path?: unknown; text?: unknown; base64?: unknown };
  const named = typeof path === 'string' && path !== '' ? { label: path, path } : { label: fallback };
  if (typeof text === 'string') return { ...named, bytes: Buffer.from(text, 'utf8') };
  if (typeof base64 === 'string') return { ...named, bytes: Buffer.from(base64, 'base64') };
  const label = named.label;
  return { label, problem: 'has neither "text" nor "base64" (a string)' };
}

async function runLine(line: string, lineNo: number, cmd: ConvertCommand): Promise<BatchResult> {
  const { label, path, bytes, problem } = parseRecord(line, lineNo);
  if (!bytes) {
    const reason = `${problem}; expected {"path", "text"} or {"path", "base64"}`;
    return { status: 'failed', bytes: line.length, lines: [errorLine(label, reason, BAD_RECORD)], reason };
  }
  const { graph, lines, reason } = await convertInput(label, cmd, async () => bytes, path);
  if (!graph) return { status: 'failed', bytes: bytes.length, lines, reason: reason ?? 'failed' };
  return { status: 'converted', bytes: bytes.length, lines, text: JSON.stringify(graph) };
}
