/**
 * Task tables without vertical rules in PDFs (src/ingest/pdf/table-free.ts), on synthetic pages (runs and rules as
 * the PDF reader gives them): a 三线表 whose columns come from where the cells' lines start, rows from the 序号
 * and title columns, a category row across the table, a merged 方案 column, rows from rules between rows, rows of
 * cells set in the middle (by the gaps between their lines; rows that touch, a row without 序号, a row cut by a page
 * break), a line cut at a column edge in a narrow gap, the
 * end of the table at a line of prose, and prose that names header words making no table.
 */
import { describe, expect, it } from 'vitest';
import { unruledGrids } from '../../src/ingest/pdf/table-free.js';
import type { Rule } from '../../src/ingest/pdf/table-rules.js';
import { takePdfTables } from '../../src/ingest/pdf/table.js';
import type { PageText, TextRun } from '../../src/ingest/pdf/types.js';

const SIZE = 10;
/** Column edges: 序号, 重点任务, 牵头单位, 完成时限; the table's right edge. */
const XS = [50, 80, 250, 350, 420];
const PITCH = 13;

const run = (text: string, x: number, y: number): TextRun => ({
  text,
  x,
  y,
  w: [...text].length * SIZE,
  size: SIZE,
});

const h = (at: number, from = XS[0]!, to = XS[XS.length - 1]!): Rule => ({ dir: 'h', at, from, to });

const page = (runs: TextRun[], rules: Rule[] = []): PageText => ({
  page: 1,
  width: 480,
  height: 700,
  runs,
  ocr: false,
  rules,
});

/** The header row at baseline 60: centred words, 序号 wrapped over two lines. */
const header = (): TextRun[] => [
  run('序', 60, 54),
  run('号', 60, 66),
  run('重点任务', 145, 60),
  run('牵头单位', 280, 60),
  run('完成时限', 365, 60),
];

/** A task row from baseline `y`: its number, title lines, lead and deadline, top-aligned. */
function row(y: number, n: string | null, title: string[], lead: string, due: string): TextRun[] {
  return [
    ...(n === null ? [] : [run(n, XS[0]! + 2, y)]),
    ...title.map((t, k) => run(t, XS[1]! + 2, y + k * PITCH)),
    run(lead, XS[2]! + 2, y),
    run(due, XS[3]! + 2, y),
  ];
}

const cellsOf = (p: PageText) =>
  unruledGrids(p).map((g) => g.cells.filter((c) => c.text !== '').map((c) => [c.r0, c.c0, c.c1, c.text]));

describe('PDF task tables without vertical rules', () => {
  it('reads a 三线表: columns from the cells, rows from 序号 and title entries, a category row across', () => {
    const runs = [
      ...header(),
      run('一、产业发展', XS[0]! + 2, 95),
      ...row(112, '1', ['推进传统产业', '转型升级'], '市工信局', '6月底前'),
      ...row(146, '2', ['建设产业园区', '提质增效'], '市发展改革委', '年底前'),
      // No 序号: a new entry in the title column after a gap wider than a cell's lines.
      ...row(180, null, ['完善园区配套'], '市商务局', '9月底前'),
    ];
    expect(cellsOf(page(runs, [h(40), h(76), h(200)]))).toEqual([
      [
        [0, 0, 0, '序\n号'],
        [0, 1, 1, '重点任务'],
        [0, 2, 2, '牵头单位'],
        [0, 3, 3, '完成时限'],
        [1, 0, 3, '一、产业发展'],
        [2, 0, 0, '1'],
        [2, 1, 1, '推进传统产业\n转型升级'],
        [2, 2, 2, '市工信局'],
        [2, 3, 3, '6月底前'],
        [3, 0, 0, '2'],
        [3, 1, 1, '建设产业园区\n提质增效'],
        [3, 2, 2, '市发展改革委'],
        [3, 3, 3, '年底前'],
        [4, 1, 1, '完善园区配套'],
        [4, 2, 2, '市商务局'],
        [4, 3, 3, '9月底前'],
      ],
    ]);
  });

  it('takes rows from the rules between rows when the table draws them', () => {
    const runs = [
      ...header(),
      ...row(95, '1', ['推进传统产业', '转型升级'], '市工信局', '6月底前'),
      // Cell text that starts lower than the row's top (a centred 牵头单位) stays in its row.
      ...row(125, '2', ['建设产业园区', '提质增效'], '市发展改革委', '年底前'),
    ];
    const rules = [h(40), h(76), h(118), h(150)];
    const [grid] = unruledGrids(page(runs, rules));
    expect(grid!.ys.length - 1).toBe(3);
    expect(grid!.cells.filter((c) => c.r0 === 2 && c.c0 === 1)[0]!.text).toBe('建设产业园区\n提质增效');
  });

  it('keeps the lines of a merged 方案 column in the cell they go on, across rows', () => {
    const xs = [0, ...XS];
    const runs = [
      run('方案', 5, 60),
      ...header(),
      run('大气污染', 2, 95),
      run('防治方案', 2, 95 + PITCH),
      run('一、产业发展', XS[0]! + 2, 95),
      ...row(112, '1', ['推进转型'], '市工信局', '6月底前'),
      ...row(130, '2', ['建设园区'], '市商务局', '年底前'),
    ];
    const [grid] = unruledGrids(page(runs, [h(40, xs[0]), h(76, xs[0])]));
    expect(grid!.xs.length).toBe(6);
    expect(grid!.cells.find((c) => c.c0 === 0 && c.text !== '' && c.r0 > 0)).toMatchObject({
      r0: 1,
      text: '大气污染\n防治方案',
    });
  });

  it('reads rows whose cells are set in the middle of the row: by the gaps between their blocks of lines', () => {
    const runs = [
      ...header(),
      run('1', XS[0]! + 2, 108),
      ...['推进传统产业', '转型升级', '提质增效'].map((t, k) => run(t, XS[1]! + 2, 95 + k * PITCH)),
      run('市工信局', XS[2]! + 2, 108),
      run('2', XS[0]! + 2, 145.5),
      ...['建设产业园区', '完善配套'].map((t, k) => run(t, XS[1]! + 2, 139 + k * PITCH)),
      run('市商务局', XS[2]! + 2, 145.5),
      run('年底前', XS[3]! + 2, 145.5),
    ];
    expect(cellsOf(page(runs, [h(40), h(76)]))[0]!.filter((c) => c[0] !== 0)).toEqual([
      [1, 0, 0, '1'],
      [1, 1, 1, '推进传统产业\n转型升级\n提质增效'],
      [1, 2, 2, '市工信局'],
      [2, 0, 0, '2'],
      [2, 1, 1, '建设产业园区\n完善配套'],
      [2, 2, 2, '市商务局'],
      [2, 3, 3, '年底前'],
    ]);
  });

  it('reads rows whose cells touch, set in the middle of tall rows, a row without 序号, a row cut by a page break', () => {
    // Cells in the middle of their rows (Word's "centre vertically", WeasyPrint), 1.5 pt padding: the rows touch.
    const mid = (x: number, texts: string[], centre: number) =>
      texts.map((t, k) => run(t, x, centre + (k - (texts.length - 1) / 2) * PITCH));
    const taskRow = (centre: number, n: string | null, title: string[], lead: string[], due: string[]) => [
      ...(n === null ? [] : mid(XS[0]! + 2, [n], centre)),
      ...mid(XS[1]! + 2, title, centre),
      ...mid(XS[2]! + 2, lead, centre),
      ...mid(XS[3]! + 2, due, centre),
    ];
    const page1 = page([
      ...header(),
      ...taskRow(104.5, '1', ['推进传统产业转型', '升级，提高产业', '集中度'], ['市工信局'], ['6月底前']),
      ...taskRow(140, null, ['完善配套'], ['市商务局、', '市发展改革委'], []),
      ...taskRow(169, '2', ['建设产业园区', '提质增效'], ['市科技局'], ['年底前']),
      // Cut by the page break: the title goes on to the next page, filling this page's part of the row from its
      // top; the other cells are set in the middle of that part, which reaches the page's bottom.
      ...mid(XS[1]! + 2, ['加快推进重点', '项目建设，确保', '按期开工，形成', '实物工作量'], 224),
      ...mid(XS[0]! + 2, ['3'], 230),
      ...mid(XS[2]! + 2, ['市住建局'], 230),
      ...mid(XS[3]! + 2, ['9月底前'], 230),
    ]);
    const page2 = {
      ...page([
        ...header(),
        run('并按月报送', XS[1]! + 2, 91.5),
        run('进展情况', XS[1]! + 2, 104.5),
        ...taskRow(126, '4', ['强化监督考核'], ['市督查局'], ['每月']),
      ]),
      page: 2,
    };
    const [table] = takePdfTables([page1, page2]).tables;
    const rows = table!.table.grid.map((r) => r.map((c) => c?.text ?? ''));
    expect(rows).toEqual([
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '推进传统产业转型升级，提高产业集中度', '市工信局', '6月底前'],
      ['', '完善配套', '市商务局、市发展改革委', ''],
      ['2', '建设产业园区提质增效', '市科技局', '年底前'],
      ['3', '加快推进重点项目建设，确保按期开工，形成实物工作量并按月报送进展情况', '市住建局', '9月底前'],
      ['4', '强化监督考核', '市督查局', '每月'],
    ]);
  });

  it('reads the rows of a page that does not repeat the header under the columns of the page before', () => {
    const page1 = page([
      ...header(),
      ...row(95, '1', ['推进传统产业', '转型升级'], '市工信局', '6月底前'),
      ...row(129, '2', ['建设产业园区'], '市发展改革委', '年底前'),
    ]);
    // The next page starts with rows under the same column edges, its 序号 going on, and no header line.
    const page2 = {
      ...page([
        ...row(40, '3', ['完善园区配套', '设施'], '市商务局', '9月底前'),
        ...row(74, '4', ['强化监督考核'], '市督查局', '每月'),
      ]),
      page: 2,
    };
    const found = takePdfTables([page1, page2]);
    expect(found.tables).toHaveLength(1);
    expect(found.tables[0]!.table.grid.map((r) => r.map((c) => c?.text ?? ''))).toEqual([
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '推进传统产业转型升级', '市工信局', '6月底前'],
      ['2', '建设产业园区', '市发展改革委', '年底前'],
      ['3', '完善园区配套设施', '市商务局', '9月底前'],
      ['4', '强化监督考核', '市督查局', '每月'],
    ]);
    expect(found.pages[1]!.runs).toEqual([]);
  });

  it('joins a row cut by the page break when the next page does not repeat the header', () => {
    const page1 = page([
      ...header(),
      ...row(95, '1', ['推进传统产业'], '市工信局', '6月底前'),
      ...row(115, '2', ['建设产业园区', '提质增效'], '市发展改革委', '年底前'),
    ]);
    const page2 = {
      ...page([
        run('并完善配套', XS[1]! + 2, 40),
        ...row(60, '3', ['强化监督考核', '通报进展'], '市督查局', '每月'),
        ...row(94, '4', ['开展评估', '形成报告'], '市统计局', '年底前'),
      ]),
      page: 2,
    };
    const rows = takePdfTables([page1, page2]).tables[0]!.table.grid.map((r) => r.map((c) => c?.text ?? ''));
    expect(rows.slice(2)).toEqual([
      ['2', '建设产业园区提质增效并完善配套', '市发展改革委', '年底前'],
      ['3', '强化监督考核通报进展', '市督查局', '每月'],
      ['4', '开展评估形成报告', '市统计局', '年底前'],
    ]);
  });

  it('joins a merged 方案 cell whose text stops one line above the page end and goes on at the next page top', () => {
    // The page ends with a new plan: its name's first line beside its category row, its next line held over (a
    // producer keeping a cell's last lines together) though a task row's line is the page's last.
    const page1 = page([
      run('方案', 5, 60),
      ...header(),
      run('大气方案', 2, 95),
      ...row(95, '1', ['推进转型'], '市工信局', '6月底前'),
      ...row(113, '2', ['建设园区'], '市商务局', '年底前'),
      run('水污染', 2, 140),
      run('三、重点工作', XS[0]! + 2, 140),
      ...row(155, '1', ['加强监测'], '市生态环境局', '年底前'),
    ]);
    const page2 = {
      ...page([
        run('防治方案', 2, 40),
        ...row(40, '2', ['贾鲁河断面', '水质达标'], '市生态环境局', '年底前'),
        ...row(74, '3', ['双洎河断面', '整治排污口'], '市水利局', '6月底前'),
      ]),
      page: 2,
    };
    const rows = takePdfTables([page1, page2]).tables[0]!.table.grid.map((r) => r.map((c) => c?.text ?? ''));
    expect(rows.map((r) => r[0])).toEqual(['方案', '大气方案', '', '水污染防治方案', '', '', '']);
    expect(rows[5]).toEqual(['', '2', '贾鲁河断面水质达标', '市生态环境局', '年底前']);
  });

  it('joins a row without 序号 cut by the page break whose 方案 cell opens on it and goes on at the next page top', () => {
    const page1 = page([
      run('方案', 5, 60),
      ...header(),
      run('大气方案', 2, 95),
      ...row(95, '1', ['推进转型'], '市工信局', '6月底前'),
      ...row(113, '2', ['建设园区'], '市商务局', '年底前'),
      run('水污染', 2, 140),
      ...row(140, null, ['完成调查'], '市生态环境局', '年底前'),
    ]);
    const page2 = {
      ...page([
        run('防治方案', 2, 40),
        run('企业用地', XS[1]! + 2, 40),
        ...row(60, '1', ['贾鲁河断面', '水质达标'], '市水利局', '6月底前'),
      ]),
      page: 2,
    };
    const rows = takePdfTables([page1, page2]).tables[0]!.table.grid.map((r) => r.map((c) => c?.text ?? ''));
    expect(rows.slice(3)).toEqual([
      ['水污染防治方案', '', '完成调查企业用地', '市生态环境局', '年底前'],
      ['', '1', '贾鲁河断面水质达标', '市水利局', '6月底前'],
    ]);
  });

  it('leaves the next page as text when its lines do not go on under the columns or its 序号 does not follow', () => {
    const page1 = page([
      ...header(),
      ...row(95, '1', ['推进传统产业'], '市工信局', '6月底前'),
      ...row(115, '2', ['建设产业园区'], '市发展改革委', '年底前'),
    ]);
    const prose = [
      run('各单位要按照上述分工抓好落实，确保各项任务按时完成。', XS[0]! + 24, 40),
      run('请于每月5日前报送进展情况。', XS[0]! + 24, 60),
    ];
    expect(takePdfTables([page1, { ...page(prose), page: 2 }]).pages[1]!.runs).toEqual(prose);
    // Rows under the same edges whose 序号 does not follow (another table's 7, 8 after 2).
    const other = [
      ...row(40, '7', ['推进转型'], '市工信局', '6月底前'),
      ...row(60, '8', ['建设园区'], '市商务局', '年底前'),
    ];
    const found = takePdfTables([page1, { ...page(other), page: 2 }]);
    expect(found.tables[0]!.table.grid).toHaveLength(3);
    expect(found.pages[1]!.runs).toEqual(other);
    // A table that stops before its page's end goes on nowhere: the page after it starts afresh.
    const ended = page([
      ...page1.runs,
      run('各单位要按照上述分工抓好落实，确保各项任务按时完成。', XS[0]!, 300),
      run('附件2', XS[0]!, 330),
    ]);
    const rows3 = [
      ...row(40, '3', ['推进转型'], '市工信局', '6月底前'),
      ...row(60, '4', ['建设园区'], '市商务局', '年底前'),
    ];
    expect(takePdfTables([ended, { ...page(rows3), page: 2 }]).pages[1]!.runs).toEqual(rows3);
  });

  it('cuts a line where a column edge stands in a narrow gap between two runs (a full cell, then the next)', () => {
    const runs = [
      ...header(),
      ...row(95, '1', ['推进传统产业'], '市工信局', '6月底前'),
      // The title fills its column up to 1.5 pt before the next column's text: two runs, one piece to the eye.
      run('1', XS[0]! + 2, 120),
      { ...run('建设产业园区提质增效工作方案', XS[1]! + 2, 120), w: XS[2]! - XS[1]! - 3.5 },
      run('市商务局', XS[2]! + 0, 120),
      run('年底前', XS[3]! + 2, 120),
    ];
    const [grid] = unruledGrids(page(runs));
    const row2 = grid!.cells.filter((c) => c.r0 === 2).map((c) => c.text);
    expect(row2).toEqual(['1', '建设产业园区提质增效工作方案', '市商务局', '年底前']);
  });

  it('cuts a line where a run ends in a space up to the next cell (WeasyPrint writes a line of a cell so)', () => {
    const lead = '市商务局、市工信局 ';
    const runs = [
      ...header(),
      ...row(95, '1', ['推进传统产业'], '市工信局', '6月底前'),
      run('2', XS[0]! + 2, 120),
      run('建设产业园区', XS[1]! + 2, 120),
      // The trailing space reaches the next column's edge, where its text starts.
      { ...run(lead, XS[2]! + 2, 120), w: XS[3]! - XS[2]! - 2 },
      run('年底前', XS[3]!, 120),
    ];
    const [grid] = unruledGrids(page(runs));
    const row2 = grid!.cells.filter((c) => c.r0 === 2).map((c) => c.text);
    expect(row2).toEqual(['2', '建设产业园区', '市商务局、市工信局', '年底前']);
  });

  it('ends the table at a line of prose across it, which stays text', () => {
    const prose = run('各单位要按照上述分工抓好落实，确保各项任务按时完成并及时报送进展情况。', XS[0]!, 200);
    const runs = [
      ...header(),
      ...row(95, '1', ['推进传统产业'], '市工信局', '6月底前'),
      ...row(115, '2', ['建设产业园区'], '市发展改革委', '年底前'),
      prose,
    ];
    const found = takePdfTables([page(runs)]);
    expect(found.tables).toHaveLength(1);
    expect(found.pages[0]!.runs).toEqual([prose]);
  });

  it('makes no table of prose that names header words, nor of a header line with too few kinds', () => {
    const prose = [
      run('各地要明确序号、重点任务、牵头单位和完成时限，', XS[0]!, 60),
      run('逐项抓好落实。', XS[0]!, 80),
    ];
    expect(unruledGrids(page(prose))).toEqual([]);
    const two = [
      run('重点任务', 60, 60),
      run('牵头单位', 280, 60),
      ...row(95, '1', ['推进传统产业'], '市工信局', '6月底前'),
      ...row(115, '2', ['建设产业园区'], '市发展改革委', '年底前'),
    ];
    expect(unruledGrids(page(two))).toEqual([]);
  });
});
