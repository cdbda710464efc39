import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, CRLF, renderTaskCsv, UTF8_BOM } from '../../src/render/csv.js';
import { PLAN_COLUMN, TASK_COLUMNS, type TaskColumn } from '../../src/render/labels.js';
import { taskRows } from '../../src/render/table.js';
import { seedGraph, seedRaw } from './seed.js';

describe('CSV cells (RFC 4180)', () => {
  it.each([
    ['市工信局', '市工信局'],
    ['a,b', '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ['一行\r\n两行', '"一行\r\n两行"'],
    ['a\nb', '"a\nb"'],
    ['', ''],
  ])('%j → %j', (value, want) => {
    expect(csvCell(value)).toBe(want);
  });

  it('round-trips awkward cells through a CSV parser', () => {
    const rows = [
      ['a,b', '"q"', 'x\r\ny'],
      ['', '全角，逗号', 'tail\n'],
    ];
    const text = csvDocument(['h1', 'h2', 'h3'], rows);
    expect(parse(text, { bom: true })).toEqual([['h1', 'h2', 'h3'], ...rows]);
  });
});

describe('the task table as CSV', () => {
  const text = renderTaskCsv(seedGraph, { raw: seedRaw });

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.endsWith(CRLF)).toBe(true);
    // Outside quoted cells no bare line feed separates records.
    expect(parse(text, { bom: true, record_delimiter: CRLF })).toHaveLength(taskRows(seedGraph).length + 1);
  });

  it('round-trips through csv-parse to the rows of the graph', () => {
    const records = parse(text, { bom: true }) as string[][];
    const columns = Object.keys(TASK_COLUMNS) as TaskColumn[];
    expect(records[0]).toEqual([PLAN_COLUMN, ...Object.values(TASK_COLUMNS)]);
    const rows = taskRows(seedGraph, { raw: seedRaw });
    expect(records.slice(1)).toEqual(rows.map((r) => [r.planTitle, ...columns.map((c) => r.cells[c])]));
  });
});
