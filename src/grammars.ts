/**
 * Loading of the data files in grammars/ (YAML or JSON), validated by zod, cached per process.
 * Every grammar module calls `loadGrammar` and then checks its own examples; a failure throws `GrammarError`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { z } from 'zod';

/** The package root: where package.json and grammars/ are. */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The nearest folder at or above `from` holding package.json and grammars/ (this module may be bundled). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'grammars'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

/** The grammars/ folder of the package. */
export const GRAMMARS_DIR = join(PACKAGE_ROOT, 'grammars');

/** A grammar file that is missing, malformed or whose examples fail. */
export class GrammarError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'GrammarError';
  }
}

const cache = new Map<string, unknown>();

/**
 * YAML grammars parsed at build time (`npm run build` writes it; see grammars-compile.ts): parsing YAML costs
 * tens of milliseconds a file, JSON a fraction of one. An entry is used only when the hash of the file's
 * text still matches, so an edited grammar is never read stale.
 */
export const COMPILED_GRAMMARS = join(PACKAGE_ROOT, 'dist', 'grammars.cache.json');

/** The compiled grammars, keyed by path relative to grammars/. */
export type CompiledGrammars = Record<string, { sha1: string; data: unknown }>;

let compiled: CompiledGrammars | null = null;

function compiledGrammars(): CompiledGrammars {
  if (compiled) return compiled;
  try {
    compiled = JSON.parse(readFileSync(COMPILED_GRAMMARS, 'utf8')) as CompiledGrammars;
  } catch {
    compiled = {};
  }
  return compiled;
}

/** Hash of a grammar file's text, as recorded in the compiled grammars. */
export const grammarHash = (text: string): string => createHash('sha1').update(text).digest('hex');

/** Parses the text of a grammar file (JSON or YAML), using the compiled form when it is current. */
export function parseGrammarText(path: string, text: string): unknown {
  if (path.endsWith('.json')) return JSON.parse(text);
  const hit = compiledGrammars()[relative(GRAMMARS_DIR, path)];
  if (hit && hit.sha1 === grammarHash(text)) return hit.data;
  // Loaded only here: most runs read every grammar from the compiled JSON.
  const yaml = createRequire(import.meta.url)('yaml') as { parse(text: string): unknown };
  return yaml.parse(text);
}

/**
 * Reads and validates a grammar file. `file` is relative to grammars/ (or absolute, for a user's own file
 * such as `--units FILE`). Results are cached by absolute path and schema.
 */
export function loadGrammar<T>(file: string, schema: z.ZodType<T>): T {
  const path = isAbsolute(file) ? file : join(GRAMMARS_DIR, file);
  const hit = cache.get(path);
  if (hit !== undefined) return hit as T;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new GrammarError(path, `cannot read: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseGrammarText(path, text);
  } catch (err) {
    throw new GrammarError(
      path,
      `not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`,
    );
  }
  // Each grammar is validated once per process: zod's compiled fast path would cost more to build than it saves.
  const parsed = schema.safeParse(data, { jitless: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GrammarError(path, `invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  cache.set(path, parsed.data);
  return parsed.data;
}
