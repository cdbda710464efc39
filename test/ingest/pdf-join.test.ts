/** Lines of one PDF paragraph joined: no space in Chinese, one between Latin words, a number cut by the line end whole. */
import { describe, expect, it } from 'vitest';
import { joinSeparator } from '../../src/ingest/pdf/cjk.js';
import { pageLines } from '../../src/ingest/pdf/lines.js';
import type { TextRun } from '../../src/ingest/pdf/types.js';

const SIZE = 16;
/** Runs of one baseline, each `gap` font sizes after the one before. */
function baseline(texts: string[], gap: number): TextRun[] {
  let x = 80;
  return texts.map((text) => {
    const run = { text, x, y: 200, w: [...text].length * SIZE, size: SIZE };
    x += run.w + gap * SIZE;
    return run;
  });
}
const lineOf = (runs: TextRun[]): string =>
  pageLines({ page: 1, width: 595, height: 842, runs, ocr: false })
    .map((l) => l.text)
    .join('|');

describe('joining the lines of a paragraph', () => {
  it('joins Chinese without a space and Latin words with one', () => {
    expect(joinSeparator('全面落实', '工作要求')).toBe('');
    expect(joinSeparator('Windows and', 'Linux')).toBe(' ');
  });

  it('keeps a number of Chinese text that the line end cuts whole', () => {
    expect(joinSeparator('全市煤炭消费量控制在 208', '5 万吨以内')).toBe('');
    expect(joinSeparator('电厂关停到位;3', '0万千瓦以下')).toBe('');
    expect(joinSeparator('in 2020', '5 projects')).toBe(' ');
  });

  it('sets two words apart where CJK glyphs stand a wide gap apart, not at a justified line’s spacing', () => {
    expect(lineOf(baseline(['中共郑州市委办公厅', '郑州市人民政府办公厅'], 2))).toBe(
      '中共郑州市委办公厅 郑州市人民政府办公厅',
    );
    expect(lineOf(baseline(['推进', '工业', '企业', '治理'], 0.3))).toBe('推进工业企业治理');
    expect(lineOf(baseline(['不高于', '97', '微克'], 0.25))).toBe('不高于 97 微克');
  });

  it('sets apart two names a full-width space apart (a GB/T 9704 title: 中共…办公厅　郑州市…办公厅)', () => {
    expect(lineOf(baseline(['中共郑州市委办公厅', '郑州市人民政府办公厅'], 1))).toBe(
      '中共郑州市委办公厅 郑州市人民政府办公厅',
    );
  });

  it('takes out the spaces pdfjs writes into letter-spaced text (a 公文 set to 22 characters a line)', () => {
    expect(lineOf(baseline(['国 办 发 〔 2 0 1 9 〕 3 号'], 0))).toBe('国办发〔2019〕3号');
    expect(lineOf(baseline(['要 途 径 。 2 0 1 8 年'], 0))).toBe('要途径。2018年');
    // Word spaces of ordinary text stay: a run is letter-spaced only when every glyph is followed by one space.
    expect(lineOf(baseline(['PM 2.5 浓度'], 0))).toBe('PM 2.5 浓度');
    expect(lineOf(baseline(['I I 类'], 0))).toBe('I I 类');
  });
});

describe('a labelled grid row whose value cells sit a little higher than their labels', () => {
  // WeasyPrint sets a metadata table's value cells half a point above the label cells (State Council pages):
  // the row is one line, read left to right, each label before its value.
  const row = (y: number, cells: [string, number, number][]): TextRun[] =>
    cells.map(([text, x, dy]) => {
      const w = [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 7 : 12), 0);
      return { text, x, y: y + dy, w, size: 12 };
    });
  const page = (runs: TextRun[]) =>
    pageLines({ page: 1, width: 595, height: 842, runs, ocr: false }).map((l) => l.text);

  it('puts each label before its value', () => {
    const runs = [
      ...row(90, [
        ['索引号：', 67, 0],
        ['000014349/2019-00005', 197, -0.54],
        ['主题分类：', 413, 0],
        ['科技、教育', 543, 0],
      ]),
      ...row(108, [
        ['发文机关：', 67, 0],
        ['国务院', 197, 0],
        ['成文日期：', 413, 0],
        ['2019年01', 543, -0.27],
      ]),
    ];
    expect(page(runs)).toEqual([
      '索引号： 000014349/2019-00005 主题分类： 科技、教育',
      '发文机关： 国务院 成文日期： 2019年01',
    ]);
  });
});
