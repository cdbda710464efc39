/**
 * `gongwen convert`: one file or stdin here; a folder goes to ./batch.ts (parallel, in worker threads) and
 * JSON Lines on stdin to ./batch-jsonl.ts. The pipeline is imported lazily, so a batch's main thread, which
 * only walks, schedules and writes the summary, never loads the grammars.
 */
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { Diagnostic, NoticeGraph } from '../graph/schema.js';
import type { ConvertOptions } from '../pipeline.js';
import type { DocumentFormat } from '../render/formats.js';
import { formatDiagnostic } from './report.js';

/** Options of the convert command, parsed from argv. */
export interface ConvertCommand {
  input: string;
  output?: string;
  /** json, jsonl, or a rendered output (../render: task table, calendar, Markdown). */
  format: 'json' | 'jsonl' | DocumentFormat;
  /** `--unit NAME`: one unit's tasks (csv, xlsx, ics). */
  unit?: string;
  /** `jsonl`: stdin holds JSON Lines `{"path", "text"|"base64"}`, one notice each. */
  inputFormat?: 'jsonl';
  units: string[];
  keywords: boolean;
  quiet: boolean;
  verbose: boolean;
  /** Worker threads of a batch (default: the machine's available parallelism). */
  jobs?: number;
  /** In a batch, skip inputs whose sha256 matches the existing output's `source.sha256`. */
  skipExisting?: boolean;
  /** `--ocr`, `--max-pages N`, `--max-size MB`: passed to ingest (maxBytes also bounds the file read). */
  ingest?: { ocr?: boolean; maxPages?: number; maxBytes?: number };
}

/** Where output goes when a folder is converted without -o. */
export const DEFAULT_OUT = 'out';

/** Exit status of a run where some input failed. */
export const EXIT_FAILED = 1;

/** The outcome of converting one input: the graph, or the failure's reason; `lines` are for stderr. */
export interface Converted {
  graph: NoticeGraph | null;
  /** Diagnostics (or the error) formatted as `file:line:col severity message code`. */
  lines: string[];
  /** Why the input failed, when it did. */
  reason?: string;
  /** The decoded input, for outputs that point into it (来源: 第N行). */
  raw?: string;
}

/** Runs the command; resolves to the exit status. */
export async function runConvert(cmd: ConvertCommand, readStdin: () => Promise<Uint8Array>): Promise<number> {
  if (cmd.inputFormat === 'jsonl') return (await import('./batch-jsonl.js')).runJsonl(cmd);
  if (cmd.input === '-') return single('-', cmd, readStdin, null);
  const info = await stat(cmd.input).catch(() => null);
  if (!info) {
    process.stderr.write(`gongwen: ${cmd.input}: no such file or folder\n`);
    return EXIT_FAILED;
  }
  if (info.isDirectory()) return (await import('./batch.js')).runBatch(cmd);
  const target = cmd.output ? join(cmd.output, basename(cmd.input) + '.json') : null;
  const { readInput } = await import('../ingest/index.js');
  return single(cmd.input, cmd, () => readInput(cmd.input, { maxBytes: cmd.ingest?.maxBytes }), target);
}

/** One input: its graph on stdout (or in `target`), its diagnostics on stderr. */
async function single(
  path: string,
  cmd: ConvertCommand,
  read: () => Promise<Uint8Array>,
  target: string | null,
): Promise<number> {
  const { graph, lines, raw } = await convertInput(path, cmd, read);
  for (const line of lines) process.stderr.write(line + '\n');
  if (!graph) return EXIT_FAILED;
  await emit([graph], cmd, target, raw);
  return 0;
}

/** The library options a command asks for. */
function optionsOf(cmd: ConvertCommand, path: string | undefined): ConvertOptions {
  return { units: cmd.units, keywords: cmd.keywords, ...(path !== undefined ? { path } : {}) };
}

/** Whether a diagnostic is printed: info only with --verbose, only errors with --quiet. */
function shown(d: Diagnostic, cmd: ConvertCommand): boolean {
  if (d.severity === 'info' && !cmd.verbose) return false;
  return !(cmd.quiet && d.severity !== 'error');
}

/** The stderr line of an input that failed, in the diagnostics' format. */
export function errorLine(label: string, message: string, code: string): string {
  return `${label}:1:1 error ${message} ${code}`;
}

/**
 * Reads and converts one input. Never throws: a failure comes back as `graph: null` with its reason and
 * its error line. Nothing is printed here, so a worker thread can run it and the caller prints in order.
 * `path` names the input in messages; `sourcePath` is recorded in `source.path` (default: `path`).
 */
export async function convertInput(
  path: string,
  cmd: ConvertCommand,
  read: () => Promise<Uint8Array>,
  sourcePath: string | undefined = path,
): Promise<Converted> {
  try {
    const bytes = await read();
    const [{ ingestAsync }, { convertSource }] = await Promise.all([
      import('../ingest/index.js'),
      import('../pipeline.js'),
    ]);
    const source = await ingestAsync(bytes, {
      path: sourcePath,
      ...cmd.ingest,
      // One input: its scanned pages are OCR'd --jobs at a time; in a folder the inputs run in parallel instead.
      ocrJobs: isMainThread ? cmd.jobs : 1,
      onProgress: (p) => {
        if (!cmd.quiet) process.stderr.write(`${path}: OCR page ${p.page} (${p.index}/${p.total})\n`);
      },
    });
    const graph = convertSource(source, bytes, optionsOf(cmd, sourcePath));
    const lines = graph.diagnostics
      .filter((d) => shown(d, cmd))
      .map((d) => formatDiagnostic(path, source.raw, d));
    return { graph, lines, raw: source.raw };
  } catch (err) {
    const reason = (err as Error).message;
    const code = (err as { code?: string }).code ?? 'convert-failed';
    return { graph: null, lines: [errorLine(path, reason, code)], reason };
  }
}

/** The temporary file `emit` writes before renaming it onto `target` (removed by a batch interrupted). */
export function tempPathFor(target: string): string {
  return `${target}.${process.pid}.tmp`;
}

/**
 * Writes graphs to stdout, or atomically (temporary file + rename) to `target`. A rendered format writes each
 * graph as ../render makes it, into `target` with its own extension instead of `.json`, its notes on stderr;
 * `raw` (the decoded input) lets it give line numbers.
 */
export async function emit(
  graphs: NoticeGraph[],
  cmd: ConvertCommand,
  target: string | null,
  raw?: string,
): Promise<void> {
  let text: string | Buffer;
  if (cmd.format === 'json' || cmd.format === 'jsonl') {
    text =
      graphs
        .map((g) => (cmd.format === 'jsonl' ? JSON.stringify(g) : JSON.stringify(g, null, 2)))
        .join('\n') + '\n';
  } else {
    const { renderForConvert, FORMAT_EXTENSIONS } = await import('../render/convert-output.js');
    // One graph per call here: the callers write one document per input.
    const rendered = await renderForConvert(
      graphs[0]!,
      { ...cmd, format: cmd.format as DocumentFormat },
      raw,
    );
    for (const note of rendered.notes) if (!cmd.quiet) process.stderr.write(note + '\n');
    text = rendered.content;
    if (target !== null) target = target.replace(/\.json$/, FORMAT_EXTENSIONS[cmd.format as DocumentFormat]);
  }
  if (target === null) {
    process.stdout.write(text);
    return;
  }
  await writeAtomically(target, text);
}

/** Folders known to exist: a batch writes many files into each, and one mkdir per file costs. */
const madeFolders = new Set<string>();

/** Writes `content` to a temporary file beside `target`, then renames it onto `target`. */
async function writeAtomically(target: string, content: string | Buffer): Promise<void> {
  const folder = dirname(target);
  if (!madeFolders.has(folder)) {
    await mkdir(folder, { recursive: true });
    madeFolders.add(folder);
  }
  const tmp = tempPathFor(target);
  await writeFile(tmp, content);
  await rename(tmp, target);
}
