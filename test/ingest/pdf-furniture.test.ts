/**
 * Page furniture of PDFs (src/ingest/pdf/furniture.ts): page numbers read by the one grammar text uses
 * (grammars/layout/furniture.yaml), and page numbers whose marks a scan's OCR misread, taken only where their
 * number is their page's in the sequence the other pages set.
 */
import { describe, expect, it } from 'vitest';
import { dropFurniture } from '../../src/ingest/pdf/furniture.js';
import type { PdfLine } from '../../src/ingest/pdf/types.js';

const line = (page: number, y: number, text: string): PdfLine => ({
  page,
  text,
  x0: text.length < 8 ? 280 : 72,
  x1: text.length < 8 ? 300 : 520,
  y,
  size: 16,
  side: 'full',
});

/** Body lines that differ from page to page (a line repeated at one height on most pages is a running head). */
const WORDS = ['大气', '水体', '土壤', '扬尘', '秸秆', '锅炉'];
const bodyOf = (n: number): string[] => [
  `${WORDS[n % WORDS.length]}治理。严格落实各项要求`,
  `推进${WORDS[(n + 1) % WORDS.length]}监管到位`,
  `牵头单位:市${WORDS[(n + 2) % WORDS.length]}办`,
];

/** A page of body lines and, at its foot, `foot`: apart from the text, or on the text's next line (`near`). */
const page = (n: number, foot: string | null, body = bodyOf(n), near = false): PdfLine[] => [
  ...body.map((t, i) => line(n, 100 + 30 * i, t)),
  ...(foot === null ? [] : [line(n, near ? 100 + 30 * body.length : 800, foot)]),
];

const texts = (pages: PdfLine[][]) => dropFurniture(pages).map((p) => p.map((l) => l.text));

describe('PDF page furniture', () => {
  it('drops page numbers in every form the text grammar reads, tesseract’s 一3一 included', () => {
    const got = texts([page(1, '— 1 —'), page(2, '一2一'), page(3, '·3·'), page(4, '第4页')]);
    for (const p of got) expect(p).toHaveLength(3);
  });

  it('drops a number whose marks OCR misread when it is its page’s in the sequence', () => {
    // Printed numbers run one ahead of the physical pages (a cover page without one).
    const got = texts([
      page(1, null),
      page(2, '3 一'),
      page(3, '”4一'),
      page(4, '_ 5 一'),
      page(5, '一 6 一'),
    ]);
    for (const p of got) expect(p).toHaveLength(3);
  });

  it('keeps a misread-looking number out of sequence and a list marker on the text’s next line', () => {
    const got = texts([
      page(1, '1 一'),
      page(2, '2 一'),
      page(3, '”9', bodyOf(3), true),
      page(4, '4.', ['牵头单位:市财政局', '配合单位:市教育局', '责任单位:各区政府'], true),
      page(5, '5 一'),
    ]);
    expect(got[2]).toContain('”9');
    expect(got[3]).toContain('4.');
    expect(got[0]).not.toContain('1 一');
  });

  it('drops whatever OCR read in a page-number slot, and keeps a short line ending a paragraph', () => {
    const got = texts([
      page(1, '全'),
      page(2, '— 2 —'),
      page(3, '人'),
      page(4, '和问题。', bodyOf(4), true),
      page(5, '4二'),
    ]);
    expect(got.map((p) => p.length)).toEqual([3, 3, 3, 4, 3]);
  });

  it('reads no misread number without a sequence of page numbers to fit', () => {
    const got = texts([page(1, '”1一'), page(2, null), page(3, null)]);
    expect(got[0]).toContain('”1一');
  });

  it('drops the small print a browser sets in the margins of a page of its own, and keeps small print by the text', () => {
    // One page: Chromium's date and title above the text, its address and page count below, in 8 pt type apart
    // from 14 pt text; a small note on the text's next line stays.
    const small = (y: number, x0: number, text: string): PdfLine => ({ ...line(1, y, text), x0, size: 8 });
    const body = bodyOf(1).map((t, i) => ({ ...line(1, 80 + 14 * i, t), size: 14 }));
    const got = texts([
      [
        small(22, 24, '12/7/26, 7:37 PM'),
        small(22, 300, '某某市人民政府'),
        ...body,
        small(80 + 14 * 3, 72, '(此件公开发布)'),
        small(775, 24, 'http://127.0.0.1:8000/notice.html'),
        small(775, 540, '1/1'),
      ],
    ]);
    expect(got[0]).toEqual([...bodyOf(1), '(此件公开发布)']);
  });
});
