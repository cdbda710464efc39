import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TASK_COLUMNS, type TaskColumn } from '../../src/render/labels.js';
import { taskRows } from '../../src/render/table.js';
import { renderTaskXlsx, sheetName, SHEET_NAME_MAX } from '../../src/render/xlsx.js';
import { dosDateTime, setZipTimes } from '../../src/render/zip-time.js';
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

/** A stored zip of one empty entry "a": local header at 0, central entry at 31, end record at 78. */
function oneEntryZip(): Buffer {
  const zip = Buffer.alloc(100);
  zip.writeUInt32LE(0x04034b50, 0);
  zip.writeUInt16LE(1, 26);
  zip.write('a', 30);
  zip.writeUInt32LE(0x02014b50, 31);
  zip.writeUInt16LE(1, 31 + 28);
  zip.writeUInt32LE(0, 31 + 42);
  zip.write('a', 31 + 46);
  zip.writeUInt32LE(0x06054b50, 78);
  zip.writeUInt16LE(1, 78 + 8);
  zip.writeUInt16LE(1, 78 + 10);
  zip.writeUInt32LE(47, 78 + 12);
  zip.writeUInt32LE(31, 78 + 16);
  return zip;
}

describe('repeatable bytes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes for the same graph, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-03-05T10:11:12Z'));
    const a = await renderTaskXlsx(seedGraph, { raw: seedRaw });
    vi.setSystemTime(new Date('2026-11-28T23:59:58Z'));
    const b = await renderTaskXlsx(seedGraph, { raw: seedRaw });
    expect(a.equals(b)).toBe(true);
  });

  it('stamps every entry, central and local, with the given date', () => {
    const zip = oneEntryZip();
    const { time, date } = dosDateTime(new Date('2020-06-30T08:00:00Z'));
    setZipTimes(zip, new Date('2020-06-30T08:00:00Z'));
    expect([zip.readUInt16LE(10), zip.readUInt16LE(12)]).toEqual([time, date]);
    expect([zip.readUInt16LE(31 + 12), zip.readUInt16LE(31 + 14)]).toEqual([time, date]);
    expect(date).toBe(((2020 - 1980) << 9) | (6 << 5) | 30);
    expect(time).toBe(8 << 11);
  });

  it('refuses bytes that are not a zip archive', () => {
    expect(() => setZipTimes(Buffer.from('not a zip at all, just text'), new Date())).toThrow(/not a zip/);
  });
});
