import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TASK_COLUMNS, type TaskColumn } from '../../src/render/labels.js';
import { taskRows } from '../../src/render/table.js';
import { renderTaskXlsx, sheetName, SHEET_NAME_MAX } from '../../src/render/xlsx.js';
import { seedGraph, seedRaw } from './seed.js';

describe('sheet names', () => {
  it.each([
    ['郑州市2020年大气污染防治攻坚战实施方案', '郑州市2020年大气污染防治攻坚战实施方案'],
    ['a/b\\c[d]:e*f?g', 'a b c d  e f g'],
    ["'引号'", '引号'],
    ['', '任务分解表'],
    ['很'.repeat(40), '很'.repeat(SHEET_NAME_MAX)],
  ])('%j → %j', (title, want) => {
    expect(sheetName(title, new Set())).toBe(want);
  });

  it('makes names unique within the 31-character limit', () => {
    const taken = new Set<string>();
    const long = '方'.repeat(40);
    const names = [
      sheetName(long, taken),
      sheetName(long, taken),
      sheetName('Plan', taken),
      sheetName('plan', taken),
    ];
    expect(names[1]).toBe('方'.repeat(SHEET_NAME_MAX - 3) + '(2)');
    expect(names[3]).toBe('plan(2)');
    expect(names.every((n) => n.length <= SHEET_NAME_MAX)).toBe(true);
  });
});

describe('the task table as XLSX, read back with exceljs', () => {
  const workbook = new ExcelJS.Workbook();
  const columns = Object.keys(TASK_COLUMNS) as TaskColumn[];
  const rows = taskRows(seedGraph, { raw: seedRaw });

  beforeAll(async () => {
    await workbook.xlsx.load((await renderTaskXlsx(seedGraph, { raw: seedRaw })) as never);
  });

  it('has one sheet per plan, named by its title', () => {
    const plans = seedGraph.nodes.filter((n) => n.type === 'plan');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(plans.map((p) => p.title));
  });

  it('has a bold, frozen header row and wrapped text', () => {
    for (const sheet of workbook.worksheets) {
      const header = sheet.getRow(1);
      expect(header.values).toEqual([undefined, ...Object.values(TASK_COLUMNS)]);
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(2).getCell(3).alignment?.wrapText).toBe(true);
      expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
    }
  });

  it('holds every row of the graph, cell by cell', () => {
    const plans = seedGraph.nodes.filter((n) => n.type === 'plan');
    plans.forEach((plan, i) => {
      const sheet = workbook.worksheets[i]!;
      const want = rows.filter((r) => r.planId === plan.id);
      expect(sheet.rowCount).toBe(want.length + 1);
      want.forEach((row, r) => {
        const got = columns.map((_, c) => String(sheet.getRow(r + 2).getCell(c + 1).value ?? ''));
        expect(got).toEqual(columns.map((c) => row.cells[c]));
      });
    });
  });
});
