/** `gongwen convert`: one file, a folder (mirrored under the output folder) or stdin. */
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { NoticeGraph } from '../graph/schema.js';
import { ingestAsync, readInput } from '../ingest/index.js';
import { convertSource, type ConvertOptions } from '../pipeline.js';
import { formatDiagnostic } from './report.js';

/** Options of the convert command, parsed from argv. */
export interface ConvertCommand {
  input: string;
  output?: string;
  format: 'json' | 'jsonl';
  units: string[];
  keywords: boolean;
  quiet: boolean;
  verbose: boolean;
}

/** Where output goes when a folder is converted without -o. */
export const DEFAULT_OUT = 'out';

/** Extensions a folder walk picks up (content decides the format; these only select files). */
const INPUT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

interface Outcome {
  path: string;
  ok: boolean;
  reason?: string;
}

/** Runs the command; resolves to the exit status. */
export async function runConvert(cmd: ConvertCommand, readStdin: () => Promise<Uint8Array>): Promise<number> {
  const options: ConvertOptions = { units: cmd.units, keywords: cmd.keywords };
  if (cmd.input === '-') {
    const { graph } = await convertOne('-', options, cmd, readStdin);
    if (!graph) return 1;
    await emit([graph], cmd, null);
    return 0;
  }
  const info = await stat(cmd.input).catch(() => null);
  if (!info) {
    process.stderr.write(`gongwen: ${cmd.input}: no such file or folder\n`);
    return 1;
  }
  if (!info.isDirectory()) {
    const { graph } = await convertOne(cmd.input, options, cmd);
    if (!graph) return 1;
    await emit([graph], cmd, cmd.output ? join(cmd.output, basename(cmd.input) + '.json') : null);
    return 0;
  }
  const outDir = cmd.output ?? DEFAULT_OUT;
  const outcomes: Outcome[] = [];
  for await (const file of walk(cmd.input)) {
    const { graph, error } = await convertOne(file, options, cmd);
    outcomes.push({ path: file, ok: graph !== null, ...(error ? { reason: error } : {}) });
    if (graph) await emit([graph], cmd, join(outDir, relative(cmd.input, file) + '.json'));
  }
  const failed = outcomes.filter((o) => !o.ok);
  if (!cmd.quiet) {
    process.stderr.write(
      `gongwen: converted ${outcomes.length - failed.length}, failed ${failed.length} → ${outDir}\n`,
    );
    for (const f of failed) process.stderr.write(`  failed: ${f.path}: ${f.reason}\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

async function convertOne(
  path: string,
  options: ConvertOptions,
  cmd: ConvertCommand,
  readStdin?: () => Promise<Uint8Array>,
): Promise<{ graph: NoticeGraph | null; error?: string }> {
  try {
    const bytes = readStdin ? await readStdin() : await readInput(path);
    const source = await ingestAsync(bytes, { path });
    const graph = convertSource(source, bytes, { ...options, path });
    for (const d of graph.diagnostics) {
      if (d.severity === 'info' && !cmd.verbose) continue;
      if (cmd.quiet && d.severity !== 'error') continue;
      process.stderr.write(formatDiagnostic(path, source.raw, d) + '\n');
    }
    return { graph };
  } catch (err) {
    const error = (err as Error).message;
    process.stderr.write(
      `${path}:1:1 error ${error} ${(err as { code?: string }).code ?? 'convert-failed'}\n`,
    );
    return { graph: null, error };
  }
}

/** Writes graphs to stdout, or atomically (temporary file + rename) to `target`. */
async function emit(graphs: NoticeGraph[], cmd: ConvertCommand, target: string | null): Promise<void> {
  const text =
    graphs.map((g) => (cmd.format === 'jsonl' ? JSON.stringify(g) : JSON.stringify(g, null, 2))).join('\n') +
    '\n';
  if (target === null) {
    process.stdout.write(text);
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, target);
}

/** Files of a folder, depth first in name order (deterministic), hidden entries skipped. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() && INPUT_EXTENSIONS.has(path.slice(path.lastIndexOf('.')).toLowerCase())) yield path;
  }
}
