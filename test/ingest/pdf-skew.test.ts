/** A scan fed askew: the OCR layer's words drift across each line; the page is turned back before lines are built. */
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../src/ingest/pdf/lines.js';
import { deskew, skewOf } from '../../src/ingest/pdf/skew.js';
import type { PageText, TextRun } from '../../src/ingest/pdf/types.js';

const SIZE = 12;
const TEXT = [
  '为加快推进农业机械化和农机装备产业转型升级现提出以下意见',
  '一、总体要求',
  '以习近平新时代中国特色社会主义思想为指导全面贯彻党的精神',
  '认真落实党中央国务院决策部署紧紧围绕统筹推进总体布局协调',
];

/** The lines above, one run a glyph, 2 cm apart, the page turned by `degrees` (clockwise) about its corner. */
function page(degrees: number): PageText {
  const t = (degrees * Math.PI) / 180;
  const runs: TextRun[] = [];
  TEXT.forEach((line, row) =>
    [...line].forEach((ch, col) => {
      const [x, y] = [80 + (row === 1 ? 2 * SIZE : 0) + col * (SIZE + 2), 120 + row * 2 * SIZE];
      runs.push({
        text: ch,
        x: x * Math.cos(t) - y * Math.sin(t),
        y: x * Math.sin(t) + y * Math.cos(t),
        w: SIZE,
        size: SIZE,
      });
    }),
  );
  return { page: 1, width: 595, height: 842, runs, ocr: true };
}

describe('a page scanned askew', () => {
  it('measures its skew from the runs', () => {
    expect(Math.atan(skewOf(page(1.5))) * (180 / Math.PI)).toBeCloseTo(1.5, 1);
    expect(Math.atan(skewOf(page(-0.8))) * (180 / Math.PI)).toBeCloseTo(-0.8, 1);
    expect(skewOf(page(0))).toBe(0);
  });

  it('keeps its lines whole and its indents against a straight margin once turned back', () => {
    for (const degrees of [1.5, -1.5, 0.7]) {
      const lines = pageLines(deskew(page(degrees)));
      expect(lines.map((l) => l.text)).toEqual(TEXT);
      const lefts = lines.map((l) => l.x0);
      expect(Math.abs(lefts[0]! - lefts[3]!)).toBeLessThan(1);
      expect(lefts[1]! - lefts[0]!).toBeCloseTo(2 * SIZE, 0);
    }
  });

  it('leaves a straight page as it is', () => {
    const straight = page(0);
    expect(deskew(straight)).toBe(straight);
  });
});
