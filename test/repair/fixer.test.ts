import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyProposals, OVERLAP_CODE } from '../../src/repair/fixer.js';
import { repair, unrepair } from '../../src/repair/index.js';

/** Every text fixture: the seed, the State Council notices, both sides of the OCR pairs. */
function corpusFiles(): string[] {
  const dirs = ['corpus', 'corpus/gov', 'corpus/ocr'];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(dir, f)),
  );
}

describe('applyProposals', () => {
  it('applies from the end, keeps raw offsets and the replaced text', () => {
    const out = applyProposals('ab cd ef', [
      { start: 2, end: 3, text: '', ruleId: 'a' },
      { start: 5, end: 6, text: '_', ruleId: 'b' },
    ]);
    expect(out.text).toBe('abcd_ef');
    expect(out.edits).toEqual([
      { ruleId: 'a', start: 2, end: 3, raw: ' ', fixed: '' },
      { ruleId: 'b', start: 5, end: 6, raw: ' ', fixed: '_' },
    ]);
    expect(out.toRaw(2)).toBe(3);
    expect(out.toRaw(5)).toBe(6);
  });

  it('turns overlapping proposals into diagnostics and keeps the earlier rule', () => {
    const out = applyProposals('abcdef', [
      { start: 1, end: 4, text: 'X', ruleId: 'first' },
      { start: 3, end: 5, text: 'Y', ruleId: 'second' },
      { start: 1, end: 4, text: 'X', ruleId: 'duplicate' },
    ]);
    expect(out.text).toBe('aXef');
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ code: OVERLAP_CODE, start: 3, end: 5 });
  });

  it('drops proposals that change nothing', () => {
    expect(applyProposals('abc', [{ start: 0, end: 1, text: 'a', ruleId: 'r' }]).edits).toEqual([]);
  });
});

describe('lossless repair', () => {
  for (const file of corpusFiles()) {
    it(`rebuilds ${file} from the repaired text and the edits`, () => {
      const raw = readFileSync(file, 'utf8');
      const result = repair(raw);
      expect(unrepair(result.text, result.edits)).toBe(raw);
      for (let k = 1; k < result.edits.length; k++) {
        expect(result.edits[k]!.start).toBeGreaterThanOrEqual(result.edits[k - 1]!.end);
      }
    });
  }

  const alphabet = [
    ...'中文市局厅政府 委会　 \n\r\t,，、。:：;"“”()（）〔〕[]【】J C0O1lI25PM%.年月日曰釆己\'一二三四五',
  ];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((cs) => cs.join(''));

  it('never throws and always rebuilds the input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string(), fc.string({ unit: 'grapheme' })), (raw) => {
        const result = repair(raw, { knownUnits: ['市城建局', '新密市政府'] });
        expect(unrepair(result.text, result.edits)).toBe(raw);
        expect(result.toRaw(result.text.length)).toBe(raw.length);
      }),
      { numRuns: 1500 },
    );
  });
});
