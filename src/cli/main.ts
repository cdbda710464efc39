#!/usr/bin/env node
/** The `gongwen` command: a thin layer over the library (see ./options.ts for the table of options). */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../grammars.js';
import { BINARY_FORMATS, DOCUMENT_FORMATS, UNIT_FILTERED_FORMATS, isFormat } from '../render/formats.js';
import { COMMANDS, OPTIONS, helpText } from './options.js';

const USAGE_ERROR = 2;

function version(): string {
  return (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }).version;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function isFolder(path: string): boolean {
  return path !== '-' && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

function usage(message: string): number {
  process.stderr.write(`gongwen: ${message}\nTry 'gongwen --help'.\n`);
  return USAGE_ERROR;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: Object.fromEntries(
        OPTIONS.map((o) => [
          o.name,
          { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
        ]),
      ),
    });
  } catch (err) {
    return usage((err as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const [command, ...rest] = parsed.positionals;
  if (v.version) {
    process.stdout.write(version() + '\n');
    return 0;
  }
  if (v.help || !command) {
    process.stdout.write(helpText(version()));
    return command || v.help ? 0 : USAGE_ERROR;
  }
  if (!COMMANDS.some((c) => c.name === command)) return usage(`unknown command '${command}'`);
  for (const o of OPTIONS)
    if (v[o.name] !== undefined && o.commands && !o.commands.includes(command))
      return usage(`--${o.name} does not go with '${command}'`);
  if (command === 'schema') {
    if (rest.length > 0) return usage('schema takes no arguments');
    const schema = v.diff
      ? (await import('../diff/schema.js')).planDiffJsonSchema()
      : (await import('../graph/schema.js')).noticeGraphJsonSchema();
    process.stdout.write(JSON.stringify(schema, null, 2) + '\n');
    return 0;
  }
  if (command === 'diff') {
    if (rest.length < 2) return usage('diff takes two inputs (<old> <new>), or more editions, oldest first');
    const { DIFF_BINARY_FORMATS, DIFF_FORMATS, runDiff } = await import('./diff.js');
    const format = (v.format as string | undefined) ?? 'json';
    if (!(DIFF_FORMATS as readonly string[]).includes(format))
      return usage(`--format must be ${DIFF_FORMATS.join(', ')} for diff, not '${format}'`);
    if (DIFF_BINARY_FORMATS.includes(format) && v.output === undefined && process.stdout.isTTY)
      return usage(`--format ${format} writes a binary file: give -o FILE or redirect stdout`);
    if (rest.length > 2 && DIFF_BINARY_FORMATS.includes(format))
      return usage(`the history of ${rest.length} editions is written as json, md or html, not ${format}`);
    return runDiff({
      old: rest[0]!,
      new: rest[1]!,
      editions: rest,
      format: format as (typeof DIFF_FORMATS)[number],
      ...(typeof v.output === 'string' ? { output: v.output } : {}),
      units: (v.units as string[] | undefined) ?? [],
    });
  }
  if (command === 'archive') return (await import('./archive.js')).runArchive(rest, v, usage);
  if (command === 'serve') return (await import('./serve.js')).runServe(rest, v, usage);
  if (rest.length !== 1) return usage(`${command} takes exactly one input (a file, a folder or -)`);
  const input = rest[0]!;
  // The commands' modules load the grammars: import them only when needed, so --help stays instant.
  if (command === 'repair') {
    const limits = ingestLimits(v);
    if (typeof limits === 'string') return usage(limits);
    const ocrJobs = v.jobs === undefined ? undefined : Number(v.jobs);
    if (ocrJobs !== undefined && !(Number.isInteger(ocrJobs) && ocrJobs >= 1))
      return usage(`--jobs must be a whole number ≥ 1, not '${String(v.jobs)}'`);
    const { runRepair } = await import('./repair.js');
    return runRepair(input, v.diff === true, readStdin, { ...limits, ...(ocrJobs ? { ocrJobs } : {}) });
  }
  if (command === 'units') {
    const units = await import('./units.js');
    const cmd = units.unitsCommand(input, v);
    return typeof cmd === 'string' ? usage(cmd) : units.runUnits(cmd, readStdin);
  }
  const format = (v.format as string | undefined) ?? 'json';
  if (format !== 'json' && format !== 'jsonl' && !isFormat(DOCUMENT_FORMATS, format))
    return usage(`--format must be json, jsonl, ${DOCUMENT_FORMATS.join(', ')}; not '${format}'`);
  if (v.unit !== undefined && !isFormat(UNIT_FILTERED_FORMATS, format))
    return usage(`--unit goes with --format ${UNIT_FILTERED_FORMATS.join(', ')}`);
  if (v.input !== undefined && isFormat(DOCUMENT_FORMATS, format))
    return usage(`--input jsonl writes JSON Lines: --format ${format} does not go with it`);
  // Only a JSON graph records its input's sha256; other outputs would be converted again every time.
  if (v['skip-existing'] === true && format !== 'json')
    return usage(
      `--skip-existing needs --format json (a ${format} output does not record its input's sha256)`,
    );
  // "-o -" is stdout, as "-" is stdin: one notice's output on stdout; a folder's outputs are files.
  if (v.output === '-' && isFolder(input))
    return usage('-o - is stdout, which takes one notice: give a folder -o DIR');
  const output = v.output === '-' ? undefined : v.output;
  // Binary output on stdout only when it is redirected: the clerk meant a file.
  if (isFormat(BINARY_FORMATS, format) && output === undefined && process.stdout.isTTY && !isFolder(input))
    return usage(`--format ${format} writes a binary file: give -o DIR or redirect stdout`);
  const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    return usage(`--jobs must be a whole number ≥ 1, not '${String(v.jobs)}'`);
  if (v.input !== undefined && v.input !== 'jsonl')
    return usage(`--input must be jsonl, not '${String(v.input)}'`);
  const ingest = ingestLimits(v);
  if (typeof ingest === 'string') return usage(ingest);
  const { runConvert } = await import('./convert.js');
  return runConvert(
    {
      input,
      ...(typeof output === 'string' ? { output } : {}),
      format,
      ...(typeof v.unit === 'string' ? { unit: v.unit } : {}),
      units: (v.units as string[] | undefined) ?? [],
      keywords: v.keywords === true,
      quiet: v.quiet === true,
      verbose: v.verbose === true,
      ...(jobs !== undefined ? { jobs } : {}),
      ...(v.input === 'jsonl' ? { inputFormat: 'jsonl' as const } : {}),
      skipExisting: v['skip-existing'] === true,
      ingest,
    },
    readStdin,
  );
}

const BYTES_PER_MB = 1024 * 1024;

/** `--ocr`, `--max-pages N`, `--max-size MB` as ingest options, or the usage error. */
function ingestLimits(
  v: Record<string, string | boolean | string[] | undefined>,
): { ocr?: boolean; maxPages?: number; maxBytes?: number } | string {
  const pages = v['max-pages'] === undefined ? undefined : Number(v['max-pages']);
  if (pages !== undefined && !(Number.isInteger(pages) && pages >= 1))
    return `--max-pages must be a whole number ≥ 1, not '${String(v['max-pages'])}'`;
  const mb = v['max-size'] === undefined ? undefined : Number(v['max-size']);
  if (mb !== undefined && !(mb > 0))
    return `--max-size must be a number of megabytes > 0, not '${String(v['max-size'])}'`;
  return {
    ...(v.ocr === true ? { ocr: true } : {}),
    ...(pages !== undefined ? { maxPages: pages } : {}),
    ...(mb !== undefined ? { maxBytes: Math.round(mb * BYTES_PER_MB) } : {}),
  };
}

// A reader that stops early (`gongwen convert x | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`gongwen: internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
