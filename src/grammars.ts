/**
 * Loading of the data files in grammars/ (YAML or JSON), validated by zod, cached per process.
 * Every grammar module calls `loadGrammar` and then checks its own examples; a failure throws `GrammarError`.
 *
 * The build (grammars-compile.ts) runs every registered grammar loader once, with its schema and its examples,
 * and records each file's validated form with the hash of its text in dist/grammars.cache.json. At run time a
 * file whose text still has that hash is taken from there as is: neither zod nor the examples run again, which
 * saves most of a cold start's grammar cost. A file edited after the build, or a user's own file, is fully
 * checked when loaded, as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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
/** Files taken from the build's checked cache in this process (their examples need not run again). */
const checkedAtBuild = new Set<string>();

/** Set by the build: every grammar is read from its file and fully checked, and its validated form kept. */
let building = false;
const validated = new Map<string, unknown>();

/**
 * Grammars parsed (and, when `checked`, validated with their examples) at build time: `npm run build` writes
 * it, see grammars-compile.ts. Parsing YAML costs tens of milliseconds a file, JSON a fraction of one. An
 * entry is used only when the hash of the file's text still matches, so an edited grammar is never read stale.
 */
export const COMPILED_GRAMMARS = join(PACKAGE_ROOT, 'dist', 'grammars.cache.json');

/**
 * One compiled grammar file: the hash of its text and its data. With `checked`, the data is the schema's
 * output and the build ran the file's examples against this very text.
 */
export interface CompiledGrammar {
  sha1: string;
  data: unknown;
  checked?: true;
}

/** The compiled grammars, keyed by path relative to grammars/. */
export type CompiledGrammars = Record<string, CompiledGrammar>;

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

/**
 * True when this module is the built code (under dist/): the build's checks hold for the code the build made
 * only, so source run directly (as by the tests) always runs the checks itself.
 */
const BUILT_CODE = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist') + sep);

/** The grammar files (YAML and JSON) under `dir`, recursively. */
export function grammarFiles(dir: string = GRAMMARS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? grammarFiles(join(dir, e.name))
      : /\.(ya?ml|json)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

let asBuilt: boolean | undefined;

/**
 * True when the build's checks hold: this is the built code and grammars/ holds exactly the files the build
 * checked, with the same texts. Grammars check one another (the role specs use the gazetteer), so one edited
 * file means every grammar is checked again. Hashing them all costs well under a millisecond.
 */
function checksHold(): boolean {
  if (asBuilt !== undefined) return asBuilt;
  const entries = compiledGrammars();
  const files = BUILT_CODE ? grammarFiles() : [];
  asBuilt =
    files.length > 0 &&
    files.length === Object.keys(entries).length &&
    files.every((file) => {
      const entry = entries[relative(GRAMMARS_DIR, file)];
      return entry?.checked === true && entry.sha1 === grammarHash(readFileSync(file, 'utf8'));
    });
  return asBuilt;
}

/** The compiled entry of the grammar file at `path` when it was made from `text`, else undefined. */
function currentEntry(path: string, text: string): CompiledGrammar | undefined {
  if (building) return undefined;
  const hit = compiledGrammars()[relative(GRAMMARS_DIR, path)];
  if (!hit || hit.sha1 !== grammarHash(text)) return undefined;
  return hit.checked && !checksHold() ? { sha1: hit.sha1, data: hit.data } : hit;
}

/** Parses the text of a grammar file (JSON or YAML). */
function parseGrammarText(path: string, text: string): unknown {
  if (path.endsWith('.json')) return JSON.parse(text);
  // Loaded only here: most runs read every grammar from the compiled JSON.
  const yaml = createRequire(import.meta.url)('yaml') as { parse(text: string): unknown };
  return yaml.parse(text);
}

/**
 * Reads and validates a grammar file. `file` is relative to grammars/ (or absolute, for a user's own file
 * such as `--units FILE`). Results are cached by absolute path. A file the build checked, whose text is
 * unchanged since, is taken from the build's cache without validating it again.
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
  const built = currentEntry(path, text);
  if (built?.checked) {
    checkedAtBuild.add(path);
    cache.set(path, built.data);
    return built.data as T;
  }
  let data: unknown = built?.data;
  try {
    data ??= parseGrammarText(path, text);
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
  if (building) validated.set(path, parsed.data);
  return parsed.data;
}

/**
 * True when `file` (as given to `loadGrammar`, after it) was loaded from the build's cache, i.e. the build
 * already ran its examples on this exact text: the grammar module may skip its example checks.
 */
export function examplesChecked(file: string): boolean {
  return checkedAtBuild.has(isAbsolute(file) ? file : join(GRAMMARS_DIR, file));
}

/** Loaders of the package's grammars, registered by the modules that own them (see `registerGrammar`). */
const loaders = new Map<string, () => unknown>();

/**
 * Registers the function that loads, compiles and checks one grammar of the package, so that the build can
 * check them all (and cache them checked). Called once by each grammar module at its top level.
 */
export function registerGrammar(name: string, load: () => unknown): void {
  loaders.set(name, load);
}

/**
 * For the build: runs every registered loader with full checks (schemas and examples, no cache) and returns
 * the validated data of each grammar file they read, keyed by absolute path. Throws the first GrammarError.
 */
export function checkAllGrammars(): Map<string, unknown> {
  building = true;
  cache.clear();
  try {
    for (const load of loaders.values()) load();
    return new Map(validated);
  } finally {
    building = false;
  }
}
