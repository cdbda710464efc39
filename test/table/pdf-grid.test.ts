/**
 * Ruled tables in PDFs, on synthetic pages (rules and runs as the PDF reader gives them): the grid and its merged
 * cells, a table going on over a page break with its header repeated and a row cut by the break, a grid without
 * a task header left as text, and the table put back among the page's lines.
 */
import { describe, expect, it } from 'vitest';
import { pageGrids, runsText, splitAt } from '../../src/ingest/pdf/table-grid.js';
import type { Rule } from '../../src/ingest/pdf/table-rules.js';
import { mayHoldTable } from '../../src/ingest/pdf/table-rules.js';
import { takePdfTables, withPdfTables } from '../../src/ingest/pdf/table.js';
import type { PageText, PdfLine, TextRun } from '../../src/ingest/pdf/types.js';

const SIZE = 10;
const XS = [50, 100, 250, 350];

/** A run in the slot whose top-left corner is (x, top). */
const run = (text: string, x: number, top: number): TextRun => ({
  text,
  x: x + 2,
  y: top + 14,
  w: [...text].length * SIZE,
  size: SIZE,
});

/** The rules of a full grid, except the vertical ones listed in `gaps` ([x, yFrom, yTo]). */
function gridRules(xs: number[], ys: number[], gaps: [number, number, number][] = []): Rule[] {
  const rules: Rule[] = ys.map((y) => ({ dir: 'h', at: y, from: xs[0]!, to: xs[xs.length - 1]! }));
  for (const x of xs) {
    const cut = gaps.filter((g) => g[0] === x);
    let from = ys[0]!;
    for (const [, a, b] of cut) {
      rules.push({ dir: 'v', at: x, from, to: a });
      from = b;
    }
    rules.push({ dir: 'v', at: x, from, to: ys[ys.length - 1]! });
  }
  return rules;
}

const page = (n: number, runs: TextRun[], rules: Rule[]): PageText => ({
  page: n,
  width: 400,
  height: 600,
  runs,
  ocr: false,
  rules,
});

const header = (top: number): TextRun[] => [
  run('序号', XS[0]!, top),
  run('重点任务', XS[1]!, top),
  run('牵头单位', XS[2]!, top),
];

describe('ruled PDF tables', () => {
  it('finds the grid, a cell merged across columns, and the text of each cell line by line', () => {
    const ys = [100, 120, 140, 180];
    const runs = [
      ...header(100),
      run('一、产业发展', XS[0]!, 120),
      run('1', XS[0]!, 140),
      run('推进', XS[1]!, 140),
      { ...run('转型', XS[1]!, 140), y: 168 },
      run('市工信局', XS[2]!, 140),
    ];
    const [grid] = pageGrids(
      1,
      gridRules(XS, ys, [
        [100, 120, 140],
        [250, 120, 140],
      ]),
      runs,
    );
    expect(grid!.cells.map((c) => [c.r0, c.c0, c.c1, c.text])).toEqual([
      [0, 0, 0, '序号'],
      [0, 1, 1, '重点任务'],
      [0, 2, 2, '牵头单位'],
      [1, 0, 2, '一、产业发展'],
      [2, 0, 0, '1'],
      [2, 1, 1, '推进\n转型'],
      [2, 2, 2, '市工信局'],
    ]);
  });

  it('joins a table over a page break: repeated header dropped, the cut row joined, runs taken out', () => {
    const p1 = page(
      1,
      [
        ...header(100),
        run('1', 50, 120),
        run('推进', 100, 120),
        run('市工信局', 250, 120),
        run('正文', 50, 300),
      ],
      gridRules(XS, [100, 120, 160]),
    );
    const p2 = page(
      2,
      [
        ...header(100),
        run('转型', 100, 120),
        run('2', 50, 140),
        run('整治', 100, 140),
        run('市水利局', 250, 140),
      ],
      gridRules(XS, [100, 120, 140, 180]),
    );
    const { pages, tables } = takePdfTables([p1, p2]);
    expect(tables).toHaveLength(1);
    const grid = tables[0]!.table.grid;
    expect(grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['序号', '重点任务', '牵头单位'],
      ['1', '推进转型', '市工信局'],
      ['2', '整治', '市水利局'],
    ]);
    expect(tables[0]!.places.get(grid[2]![0]!)).toMatchObject({ page: 2, box: { x: 50, y: 140 } });
    expect(pages.map((p) => p.runs.map((r) => r.text))).toEqual([['正文'], []]);
  });

  it('joins a next page whose grid lacks a merged column (no rule drawn for a merged cell below the break)', () => {
    // 方案 merged over every row on the left; the next page repeats no header and draws no rule for its rest.
    const xs = [0, ...XS];
    const merged: Rule[] = [
      ...[100, 120, 160].map((at): Rule => ({ dir: 'h', at, from: 0, to: 350 })),
      { dir: 'h', at: 140, from: 50, to: 350 },
      ...xs.map((at): Rule => ({ dir: 'v', at, from: 100, to: 160 })),
    ];
    const p1 = page(
      1,
      [
        run('方案', 0, 100),
        ...header(100),
        run('大气方案', 0, 120),
        run('1', 50, 120),
        run('推进', 100, 120),
        run('市工信局', 250, 120),
        run('2', 50, 140),
        run('转型', 100, 140),
        run('市商务局', 250, 140),
      ],
      merged,
    );
    const p2 = page(
      2,
      [
        run('3', 50, 40),
        run('整治', 100, 40),
        run('市水利局', 250, 40),
        run('4', 50, 60),
        run('监测', 100, 60),
        run('市统计局', 250, 60),
      ],
      gridRules(XS, [40, 60, 80]),
    );
    const { pages, tables } = takePdfTables([p1, p2]);
    expect(tables).toHaveLength(1);
    const grid = tables[0]!.table.grid;
    expect(grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['方案', '序号', '重点任务', '牵头单位'],
      ['大气方案', '1', '推进', '市工信局'],
      ['大气方案', '2', '转型', '市商务局'],
      ['大气方案', '3', '整治', '市水利局'],
      ['大气方案', '4', '监测', '市统计局'],
    ]);
    expect(grid[4]![0]).toBe(grid[1]![0]);
    expect(pages[1]!.runs).toEqual([]);
    // A column the new page lacks that holds no cell merged over rows: the new page's grid is not this table's.
    const p1b = page(1, p1.runs, gridRules(xs, [100, 120, 140, 160]));
    expect(takePdfTables([p1b, p2]).tables[0]!.table.grid).toHaveLength(3);
  });

  it('leaves a ruled grid without a task header as text', () => {
    const p = page(
      1,
      [run('甲', 50, 100), run('乙', 100, 100), run('丙', 50, 120)],
      gridRules(XS, [100, 120, 140]),
    );
    const { pages, tables } = takePdfTables([p]);
    expect(tables).toEqual([]);
    expect(pages[0]!.runs).toHaveLength(3);
  });

  it('bounds a row the page cut without a rule by the vertical lines going on', () => {
    const rules = gridRules(XS, [100, 120, 160]).map((r) => (r.dir === 'v' ? { ...r, to: 200 } : r));
    const [grid] = pageGrids(1, rules, [...header(100), run('3', 50, 165)]);
    expect(grid!.ys).toEqual([100, 120, 160, 200]);
    expect(grid!.cells.find((c) => c.r0 === 2 && c.c0 === 0)?.text).toBe('3');
  });

  it('puts the table back among the lines, with page and box of its cells', () => {
    const p = page(
      1,
      [...header(100), run('1', 50, 120), run('推进', 100, 120), run('市工信局', 250, 120)],
      gridRules(XS, [100, 120, 160]),
    );
    const { tables } = takePdfTables([p]);
    const line = (text: string, y: number): PdfLine => ({
      page: 1,
      text,
      x0: 50,
      x1: 90,
      y,
      size: SIZE,
      side: 'full',
    });
    const out = withPdfTables([line('附件', 60), line('完', 300)], tables);
    expect(out.raw.startsWith('附件\n\n')).toBe(true);
    expect(out.raw.endsWith('\n\n完\n')).toBe(true);
    expect(out.raw).toContain('1.推进');
    const cell = out.tables.cells.find((c) => c.row === 2 && c.col === 3)!;
    expect(out.raw.slice(cell.start, cell.end)).toContain('市工信局');
    expect(out.layout.find((l) => l.start === cell.start)).toMatchObject({
      page: 1,
      box: { x: 250, y: 120 },
    });
    const starts = out.layout.map((l) => l.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('reads rules only where short runs name header words', () => {
    expect(mayHoldTable(header(100))).toBe(true);
    expect(mayHoldTable([run('各牵头单位要于年底前完成序号所列任务。', 50, 100)])).toBe(false);
    // Header words as runs of their own, but on different lines (prose split into runs): no header row.
    expect(mayHoldTable([run('牵头', 50, 100), run('序号', 80, 140)])).toBe(false);
  });

  it('joins the runs of a cell line: CJK close, Latin words spaced', () => {
    expect(runsText([run('VOCs', 0, 0), run('治理', 45, 0), { ...run('达标', 0, 0), y: 28 }])).toBe(
      'VOCs治理\n达标',
    );
    expect(runsText([run('PM', 0, 0), run('2.5', 30, 0)])).toBe('PM 2.5');
  });

  it('cuts a run that crosses a vertical line (two cells on one baseline read as one run)', () => {
    const joined = { text: '力争所 市工信局', x: 285.7, y: 800, w: 88.6, size: 12 };
    const parts = splitAt(joined, [327.1, 386.2]);
    expect(parts.map((p) => p.text)).toEqual(['力争所', '市工信局']);
    const mid = parts[1]!.x + parts[1]!.w / 2;
    expect(mid > 327.1 && mid < 386.2).toBe(true);
    expect(splitAt(run('推进', 100, 0), [250])).toHaveLength(1);
  });

  it('joins a row without a number cut by the page break, but not a numbered row', () => {
    const p1 = page(
      1,
      [
        ...header(100),
        run('1', 50, 120),
        run('推进', 100, 120),
        run('市工', 250, 120),
        run('清理', 100, 160),
      ],
      gridRules(XS, [100, 120, 160, 200]),
    );
    const p2 = page(
      2,
      [
        ...header(100),
        run('河道', 100, 120),
        run('2', 50, 140),
        run('整治', 100, 140),
        run('市水利局', 250, 140),
      ],
      gridRules(XS, [100, 120, 140, 180]),
    );
    const { tables } = takePdfTables([p1, p2]);
    expect(tables[0]!.table.grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['序号', '重点任务', '牵头单位'],
      ['1', '推进', '市工'],
      ['', '清理河道', ''],
      ['2', '整治', '市水利局'],
    ]);
  });

  it('drops the repeated header under a title row the new page does not repeat', () => {
    const title = { text: '重点任务分解表', x: 52, y: 94, w: 70, size: SIZE };
    const p1 = page(
      1,
      [title, ...header(100), run('1', 50, 120), run('推进', 100, 120), run('市工信局', 250, 120)],
      [
        ...gridRules(
          XS,
          [80, 100, 120, 160],
          [
            [100, 80, 100],
            [250, 80, 100],
          ],
        ),
      ],
    );
    const p2 = page(
      2,
      [...header(100), run('2', 50, 120), run('整治', 100, 120)],
      gridRules(XS, [100, 120, 160]),
    );
    const { tables } = takePdfTables([p1, p2]);
    expect(tables[0]!.table.grid.map((row) => row[0]?.text)).toEqual(['重点任务分解表', '序号', '1', '2']);
  });
  it('keeps the lines a cell overflows below a grid open at the page break, and goes on with that cell', () => {
    // WeasyPrint: a 方案 cell merged over rows opens on the page's last row, a category row one line high; the
    // row's box ends at that line (no rule closes it) and the cell's next lines are printed below the box.
    const xs = [0, ...XS];
    const h = (at: number, from = 0): Rule => ({ dir: 'h', at, from, to: 350 });
    const v = (at: number, from: number, to: number): Rule => ({ dir: 'v', at, from, to });
    const head = (top: number) => [run('方案', 0, top), ...header(top)];
    const p1 = page(
      1,
      [
        ...head(100),
        run('大气', 0, 120),
        run('1', 50, 120),
        run('推进', 100, 120),
        run('市工信局', 250, 120),
        run('土壤', 0, 140),
        run('一、重点工作', 50, 140),
        { ...run('方案', 0, 140), y: 167 },
        { ...run('甲', 0, 140), y: 180 },
        { ...run('— 1 —', 150, 140), y: 400 },
      ],
      [h(100), h(120), h(140), ...xs.map((x) => v(x, 100, x === 100 || x === 250 ? 140 : 160))],
    );
    const p2 = page(
      2,
      [
        ...head(100),
        run('乙', 0, 120),
        run('1', 50, 120),
        run('治理', 100, 120),
        run('市环境局', 250, 120),
        run('2', 50, 140),
        run('监测', 100, 140),
        run('市统计局', 250, 140),
      ],
      [h(100), h(120), h(140, 50), h(160), ...xs.map((x) => v(x, 100, 160))],
    );
    const [grid] = pageGrids(1, p1.rules!, p1.runs);
    expect(grid!.openBottom).toBe(true);
    expect(grid!.cells.find((c) => c.r0 === 2 && c.c0 === 0)?.text).toBe('土壤\n方案\n甲');
    const { pages, tables } = takePdfTables([p1, p2]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.table.grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['方案', '序号', '重点任务', '牵头单位'],
      ['大气', '1', '推进', '市工信局'],
      ['土壤方案甲乙', '一、重点工作', '一、重点工作', '一、重点工作'],
      ['土壤方案甲乙', '1', '治理', '市环境局'],
      ['土壤方案甲乙', '2', '监测', '市统计局'],
    ]);
    expect(pages[0]!.runs.map((r) => r.text)).toEqual(['— 1 —']);
    // A grid closed at its bottom takes nothing below it.
    const closed = pageGrids(1, [...p1.rules!, h(160)], p1.runs)[0]!;
    expect(closed.cells.find((c) => c.r0 === 2 && c.c0 === 0)?.text).toBe('土壤');
  });

  it('joins a row across the columns cut by the page break, beside a 方案 cell whose text goes on', () => {
    // LibreOffice: the page break cuts a category row; the next page prints the row's empty rest beside the rest
    // of the 方案 cell's text, and repeats no header.
    const xs = [0, ...XS];
    const h = (at: number, from = 0): Rule => ({ dir: 'h', at, from, to: 350 });
    const v = (at: number, from: number, to: number): Rule => ({ dir: 'v', at, from, to });
    const inner = (x: number) => x === 100 || x === 250;
    const p1 = page(
      1,
      [
        run('方案', 0, 100),
        ...header(100),
        run('大气', 0, 120),
        run('1', 50, 120),
        run('推进', 100, 120),
        run('市工信局', 250, 120),
        run('郑州', 0, 140),
        run('一、重点工作', 50, 140),
      ],
      [h(100), h(120), h(140), h(160), ...xs.map((x) => v(x, 100, inner(x) ? 140 : 160))],
    );
    const rest = (text: string) => {
      const p2 = page(
        2,
        [
          run('水污染方案', 0, 40),
          ...(text ? [run(text, 50, 40)] : []),
          run('1', 50, 60),
          run('治理', 100, 60),
        ],
        [h(40), h(60, 50), h(80), ...xs.map((x) => v(x, inner(x) ? 60 : 40, 80))],
      );
      return takePdfTables([p1, p2]).tables[0]!.table.grid.map((row) => row.map((c) => c?.text));
    };
    expect(rest('')).toEqual([
      ['方案', '序号', '重点任务', '牵头单位'],
      ['大气', '1', '推进', '市工信局'],
      ['郑州水污染方案', '一、重点工作', '一、重点工作', '一、重点工作'],
      ['郑州水污染方案', '1', '治理', ''],
    ]);
    // A new row across the columns holds text: a row of its own.
    expect(rest('二、常规工作')).toHaveLength(5);
  });
});
