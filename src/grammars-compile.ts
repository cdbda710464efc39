/**
 * Build step: parses every YAML file of grammars/ once and writes dist/grammars.cache.json, so that a cold
 * start reads JSON instead of parsing YAML. Run by `npm run build` after tsc.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { COMPILED_GRAMMARS, GRAMMARS_DIR, grammarHash, type CompiledGrammars } from './grammars.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const out: CompiledGrammars = {};
for (const file of yamlFiles(GRAMMARS_DIR).sort()) {
  const text = readFileSync(file, 'utf8');
  out[relative(GRAMMARS_DIR, file)] = { sha1: grammarHash(text), data: parseYaml(text) as unknown };
}
writeFileSync(`${COMPILED_GRAMMARS}.tmp`, JSON.stringify(out));
renameSync(`${COMPILED_GRAMMARS}.tmp`, COMPILED_GRAMMARS);
