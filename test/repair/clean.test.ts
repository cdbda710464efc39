import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GrammarError } from '../../src/grammars.js';
import { loadRepairGrammar, repair } from '../../src/repair/index.js';
import { TEST_UNITS } from './units.js';
import { unwrapped } from '../../src/eval/repair.js';

const cleanFiles = [
  ...readdirSync('corpus/gov')
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join('corpus/gov', f)),
  ...readdirSync('corpus/ocr')
    .filter((f) => f.endsWith('.clean.txt'))
    .map((f) => join('corpus/ocr', f)),
];

describe('clean text comes out unchanged', () => {
  for (const file of cleanFiles) {
    it(file, () => {
      const raw = readFileSync(file, 'utf8');
      const result = repair(raw, { knownUnits: TEST_UNITS });
      // A hard-wrapped clean text (the OCR pairs' clean sides) is only rejoined into paragraphs.
      const edits = result.edits.filter((e) => e.ruleId !== 'layout/join');
      expect(edits).toEqual([]);
      expect(unwrapped(result.text)).toBe(unwrapped(raw));
    });
  }
});

describe('the repair grammar', () => {
  it('loads and passes its own examples', () => {
    expect(loadRepairGrammar().rules.length).toBeGreaterThan(10);
  });

  it('fails loudly, naming rule and example, when an example fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repair-grammar-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'lexicon: { orgSuffixes: [局], titleTails: [], roleLabels: [] }',
        'rules:',
        '  - { id: broken, kind: regex, description: x, pattern: "a", replace: "b", specs: [{ from: "a", to: "c" }] }',
      ].join('\n'),
    );
    expect(() => loadRepairGrammar(file)).toThrow(GrammarError);
    expect(() => loadRepairGrammar(file)).toThrow(/rule broken: example "a" gave "b", expected "c"/);
  });
});
