/**
 * A ruled grid that is no task table (an indicator table), on a synthetic page: read cell by cell, row by row,
 * each cell a paragraph, between the prose above and below it; the rows of such a table found from the runs.
 */
import { describe, expect, it } from 'vitest';
import { dropFurniture } from '../../src/ingest/pdf/furniture.js';
import { cellParagraphs, insertGrids, tabularRows, withoutGridRuns } from '../../src/ingest/pdf/grid-text.js';
import { pageLines } from '../../src/ingest/pdf/lines.js';
import { paragraphText } from '../../src/ingest/pdf/paragraphs.js';
import type { Rule } from '../../src/ingest/pdf/table-rules.js';
import { pageGrids } from '../../src/ingest/pdf/table-grid.js';
import { takePdfTables } from '../../src/ingest/pdf/table.js';
import type { PageText, TextRun } from '../../src/ingest/pdf/types.js';

const SIZE = 10;

const run = (text: string, x: number, y: number): TextRun => ({
  text,
  x,
  y,
  w: [...text].length * SIZE,
  size: SIZE,
});

/** Columns at x 50 | 110 | 170 | 330; rows at y 100 | 120 | 160 | 200; the first column's two body rows merged. */
const XS = [50, 110, 170, 330];
const YS = [100, 120, 160, 200];
function rules(): Rule[] {
  const out: Rule[] = [];
  out.push({ dir: 'h', at: YS[0]!, from: XS[0]!, to: XS[3]! });
  out.push({ dir: 'h', at: YS[1]!, from: XS[0]!, to: XS[3]! });
  out.push({ dir: 'h', at: YS[2]!, from: XS[1]!, to: XS[3]! }); // no rule under the merged cell
  out.push({ dir: 'h', at: YS[3]!, from: XS[0]!, to: XS[3]! });
  for (const x of XS) out.push({ dir: 'v', at: x, from: YS[0]!, to: YS[3]! });
  return out;
}

function indicatorPage(): PageText {
  const runs = [
    run('附件：指标如下。', 50, 80),
    run('一级指标', 52, 114),
    run('三级指标', 112, 114),
    run('指标说明', 172, 114),
    run('一、医疗', 52, 140),
    run('质量', 52, 152),
    // Cell texts of one baseline, read across the page, would run together.
    run('1.门诊人次', 112, 134),
    run('计算方法：门诊人次数/', 172, 134),
    run('数比', 112, 146),
    run('出院人次数。', 172, 146),
    run('指标来源：医院填报。', 172, 158),
    run('2.下转患者', 112, 174),
    run('计算方法：下转人次数。', 172, 174),
    run('以上指标每年考核一次。', 50, 230),
  ];
  return { page: 1, width: 400, height: 600, runs, ocr: false, rules: rules() };
}

describe('ruled grids without a task header', () => {
  it('reads the cells row by row, each a paragraph, where the grid stood', () => {
    const found = takePdfTables([indicatorPage()]);
    expect(found.tables).toEqual([]);
    expect(found.plain).toHaveLength(1);
    const prose = withoutGridRuns(found.pages, found.plain);
    const lines = insertGrids(dropFurniture(prose.map(pageLines)), found.plain).flat();
    const { raw, layout } = paragraphText(lines);
    expect(raw.trim().split('\n\n')).toEqual([
      '附件：指标如下。',
      '一级指标',
      '三级指标',
      '指标说明',
      '一、医疗质量',
      '1.门诊人次数比',
      '计算方法：门诊人次数/出院人次数。',
      '指标来源：医院填报。',
      '2.下转患者',
      '计算方法：下转人次数。',
      '以上指标每年考核一次。',
    ]);
    // Each cell's paragraphs carry the cell's box.
    const at = raw.indexOf('一、医疗质量');
    expect(layout.find((l) => l.start === at)).toMatchObject({
      page: 1,
      box: { x: 50, y: 120, w: 60, h: 80 },
    });
  });

  it('keeps a frame far below the grid out of it though its side is collinear with a column line', () => {
    // A footer's boxes under the table (a page's QR-code frame) share an x with the grid's second column line:
    // the grid must not grow down to them and swallow the note between (which starts left of the grid).
    const page = rules();
    for (const [a, b] of [
      [110, 150],
      [160, 200],
    ] as const) {
      page.push({ dir: 'v', at: a, from: 400, to: 410 }, { dir: 'v', at: b, from: 400, to: 410 });
      page.push({ dir: 'h', at: 400, from: a, to: b }, { dir: 'h', at: 410, from: a, to: b });
    }
    const note = run('注：1.指标每年考核一次，数据由医院填报。', 30, 230);
    const grids = pageGrids(1, page, [note, run('2.下转患者', 112, 174)]);
    expect(grids).toHaveLength(1);
    expect(grids[0]!.ys).toEqual(YS);
    expect(grids[0]!.runs.map((r) => r.text)).toEqual(['2.下转患者']);
  });

  it('tells table rows from prose and from two columns', () => {
    const row = (y: number) => [run('一级', 50, y), run('二级', 120, y), run('说明', 200, y)];
    expect(tabularRows([...row(100), ...row(130)])).toBe(true);
    expect(tabularRows(row(100))).toBe(false);
    const twoColumns = [100, 120, 140].flatMap((y) => [
      run('左栏正文左栏正文', 50, y),
      run('右栏正文', 220, y),
    ]);
    expect(tabularRows(twoColumns)).toBe(false);
    // Runs cut at look-alike glyphs (Chromium) touch: one piece.
    const cut = [100, 120].flatMap((y) => [run('运营效率', 50, y), run('⽔', 90, y), run('平', 100, y)]);
    expect(tabularRows(cut)).toBe(false);
  });

  it('splits a cell into paragraphs after a line that ends a sentence', () => {
    expect(cellParagraphs('计算方法：门诊人次数/\n出院人次数（急诊不计入）。\n指标来源：医院填报。')).toEqual(
      ['计算方法：门诊人次数/出院人次数（急诊不计入）。', '指标来源：医院填报。'],
    );
    expect(cellParagraphs('Annual\nreport')).toEqual(['Annual report']);
    expect(cellParagraphs('\n')).toEqual([]);
  });
});

describe('a grid going on over a page break', () => {
  /** Page `n`'s grid: rules at `ys` across XS, column lines from `top` to `bottom` (past a rule: that side open). */
  function gridPage(
    n: number,
    ys: number[],
    top: number,
    bottom: number,
    cells: [string, number, number][],
  ): PageText {
    const rules: Rule[] = ys.map((y) => ({ dir: 'h', at: y, from: XS[0]!, to: XS[3]! }));
    for (const x of XS) rules.push({ dir: 'v', at: x, from: top, to: bottom });
    const runs = cells.map(([text, x, y]) => run(text, x, y));
    return { page: n, width: 400, height: 600, runs, ocr: false, rules };
  }
  const first = (bottom: number) =>
    gridPage(1, [100, 120, 160], 100, bottom, [
      ['一级指标', 52, 114],
      ['三级指标', 112, 114],
      ['指标说明', 172, 114],
      ['（十一）', 52, 134],
      ['学科建设', 52, 146],
      ['50.经费', 112, 134],
      ['计算方法：经费/人数。', 172, 134],
    ]);
  const texts = (pages: PageText[]) => takePdfTables(pages).plain.flatMap((g) => g.cells.map((c) => c.text));

  it('starts a row on the next page when the last row was ruled at its bottom and the next page opens unruled', () => {
    // Chromium draws no rule at the top of a grid's next page: the rule at the bottom closed the row above.
    const next = gridPage(2, [120, 160], 80, 160, [
      ['51.转化', 112, 100],
      ['计算方法：金额/人数。', 172, 100],
      ['（十二）', 52, 134],
      ['52.信用', 112, 134],
    ]);
    const cells = texts([first(160), next]);
    expect(cells).toContain('50.经费');
    expect(cells).toContain('51.转化');
    expect(cells).toContain('计算方法：经费/人数。');
  });

  it('joins a row cut by the page again when neither side of the break is ruled', () => {
    const cut = first(180);
    cut.runs.push(run('51.转化', 112, 174), run('计算方法：金额/', 172, 174));
    const next = gridPage(2, [120, 160], 80, 160, [
      ['人数。', 172, 100],
      ['（十二）', 52, 134],
      ['52.信用', 112, 134],
    ]);
    expect(texts([cut, next])).toContain('计算方法：金额/\n人数。');
  });
});
