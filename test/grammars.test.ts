import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkAllGrammars,
  COMPILED_GRAMMARS,
  grammarFiles,
  grammarHash,
  GRAMMARS_DIR,
  type CompiledGrammars,
} from '../src/grammars.js';
import '../src/grammar-modules.js';

describe('grammar registry', () => {
  it('checks every grammar file of grammars/ through a registered loader', () => {
    const checked = checkAllGrammars();
    expect([...checked.keys()].sort()).toEqual(grammarFiles().sort());
  });
});

describe('the build cache (npm test builds first)', () => {
  it('holds every grammar file checked, with the hash of its current text', () => {
    const cache = JSON.parse(readFileSync(COMPILED_GRAMMARS, 'utf8')) as CompiledGrammars;
    for (const file of grammarFiles()) {
      const entry = cache[relative(GRAMMARS_DIR, file)];
      expect(entry?.checked, file).toBe(true);
      expect(entry?.sha1, file).toBe(grammarHash(readFileSync(file, 'utf8')));
    }
  });
});
