/**
 * Loading of the data files in grammars/ (YAML or JSON), validated by zod, cached per process.
 * Every grammar module calls `loadGrammar` and then checks its own examples; a failure throws `GrammarError`.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** The package root: this module sits in src/ (or dist/), one level below it. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new GrammarError(path, `not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GrammarError(path, `invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  cache.set(path, parsed.data);
  return parsed.data;
}
