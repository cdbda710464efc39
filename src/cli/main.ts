#!/usr/bin/env node
/** The `gongwen` command: a thin layer over the library (see ./options.ts for the table of options). */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../grammars.js';
import { noticeGraphJsonSchema } from '../graph/schema.js';
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
    process.stdout.write(JSON.stringify(noticeGraphJsonSchema(), null, 2) + '\n');
    return 0;
  }
  if (rest.length !== 1) return usage(`${command} takes exactly one input (a file, a folder or -)`);
  const input = rest[0]!;
  // The commands' modules load the grammars: import them only when needed, so --help stays instant.
  if (command === 'repair') return (await import('./repair.js')).runRepair(input, v.diff === true, readStdin);
  const format = (v.format as string | undefined) ?? 'json';
  if (format !== 'json' && format !== 'jsonl')
    return usage(`--format must be json or jsonl, not '${format}'`);
  const { runConvert } = await import('./convert.js');
  return runConvert(
    {
      input,
      ...(typeof v.output === 'string' ? { output: v.output } : {}),
      format,
      units: (v.units as string[] | undefined) ?? [],
      keywords: v.keywords === true,
      quiet: v.quiet === true,
      verbose: v.verbose === true,
    },
    readStdin,
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`gongwen: internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
