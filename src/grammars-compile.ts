/**
 * Build step: checks every grammar of the package (its schema and its examples, by the loaders its modules
 * register) and writes dist/grammars.cache.json: each file's validated data with the hash of its text, so a
 * cold start reads JSON instead of parsing YAML and skips checks this build already made. A YAML file no
 * loader reads is cached parsed only. A grammar that fails its checks fails the build. Run by `npm run build`
 * after tsc.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
  checkAllGrammars,
  COMPILED_GRAMMARS,
  grammarFiles,
  GRAMMARS_DIR,
  grammarHash,
  type CompiledGrammars,
} from './grammars.js';
// The modules that own a grammar register its loader when they load.
import './grammar-modules.js';

const checked = checkAllGrammars();
const out: CompiledGrammars = {};
for (const file of grammarFiles().sort()) {
  const text = readFileSync(file, 'utf8');
  const name = relative(GRAMMARS_DIR, file);
  const sha1 = grammarHash(text);
  if (checked.has(file)) {
    const data = checked.get(file);
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data))
      throw new Error(`${name}: its validated form does not survive JSON; it cannot be cached checked`);
    out[name] = { sha1, data, checked: true };
  } else if (!file.endsWith('.json')) out[name] = { sha1, data: parseYaml(text) as unknown };
}
writeFileSync(`${COMPILED_GRAMMARS}.tmp`, JSON.stringify(out));
renameSync(`${COMPILED_GRAMMARS}.tmp`, COMPILED_GRAMMARS);
