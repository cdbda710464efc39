import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { convertSync } from '../../src/index.js';
import { rewrap } from '../../src/layout/rewrap.js';

const SEED = readFileSync('corpus/zhengzhou-2020-notice.txt', 'utf8');
const ORIGINAL = convertSync(SEED, { path: 'seed.txt' });

describe('diff stability under layout', () => {
  it('the seed against its own re-laid text (paragraphs marked by indent or blank lines) reports no change', () => {
    const layouts = fc.record({
      width: fc.integer({ min: 20, max: 60 }),
      indent: fc.constantFrom('  ', '\u3000\u3000', '\u3000'),
      blankLines: fc.boolean(),
      eol: fc.constantFrom('\n' as const, '\r\n' as const),
      trailing: fc.constantFrom('', ' ', '\u3000'),
    });
    fc.assert(
      fc.property(layouts, (layout) => {
        const result = diff(ORIGINAL, convertSync(rewrap(SEED, layout), { path: 'seed-wrap.txt' }));
        expect(result.changes, JSON.stringify(layout)).toEqual([]);
        // nor is anything set aside: a re-laid born-digital text is no OCR reading
        expect(result.ocrVariants, JSON.stringify(layout)).toBeUndefined();
      }),
      { numRuns: 8, seed: 3 },
    );
  }, 120_000);

  // Before: 24 and 47–50 lost the unnumbered paragraph after a full role line (9 changes), 30 the value of a
  // role label ending a line (2); with trailing blanks 20, 23, 29 and 59 read II类 as I I (1).
  it('the seed against its own re-laid text without marks reports no change at every width 20–60', () => {
    for (let width = 20; width <= 60; width++) {
      const eol = width % 3 ? ('\n' as const) : ('\r\n' as const);
      // Every other width pads its lines with a blank (I↵I of II类 read as "I I" before).
      const trailing = width % 2 ? ' ' : '';
      const text = rewrap(SEED, { width, eol, trailing });
      const changes = diff(ORIGINAL, convertSync(text, { path: 'seed-wrap.txt' })).changes;
      expect(changes, `width ${width}`).toEqual([]);
    }
  }, 180_000);

  // 9 before misread characters were repaired (src/repair/misreads.ts). The bar is 5: it was met (4) only with
  // misread pairs learned from this very reading; with pairs learned from training sheets alone
  // (scripts/ocr/misread-training.py) it was 8 (筛/得, 焚烧厂/三, 畜/冀, 粪/凑, 汜/泥, 颍/颖, 千吨/干吨 left);
  // 7 with the water class read 达到|类 set aside as an OCR variant (src/diff/ocr.ts); 9 once the confusions seen
  // only in the seed's own scans were taken out of grammars/repair/confusions.yaml; 5 with the wider training sheets
  // (GB 2312's rare ideographs, clean pages, 小四 type: 筛/得 and 罐/缸 learned) and a glyph read as two set aside
  // (千吨万人 read 和干吨万人: misread-pairs.yaml `splits`). Left: 厂 read 三, 颍, 粪, 汜.
  it('the seed against its tesseract text: at most 5 changes, its OCR variants apart (the bar)', () => {
    const ocr = readFileSync('corpus/layout/seed.tesseract.txt', 'utf8');
    const result = diff(ORIGINAL, convertSync(ocr, { path: 'seed.tesseract.txt' }));
    const changes = result.changes;
    expect(changes.length).toBeLessThanOrEqual(5);
    expect(result.ocrVariants?.map((v) => v.of).sort()).toEqual(['target_removed', 'wording_changed']);
    // What the confusions of grammars/repair/confusions.yaml repair: no task or deadline change is left of 1L1月,
    // 每季度未月; no target of 干瓦时 or 川类; one unit read with its note 依职责率头.
    const kinds = changes.map((c) => c.kind);
    expect(kinds.filter((k) => k.startsWith('task_'))).toEqual([]);
    expect(kinds.filter((k) => k.startsWith('unit_')).length).toBeLessThanOrEqual(2);
    expect(kinds.filter((k) => k === 'deadline_changed')).toEqual([]);
  }, 60_000);
});
