/**
 * Table inputs other than HTML: Markdown tables, CSV (and its errors), XLSX with merged cells, Word tables, and
 * a header the grammar does not know.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import type { NoticeGraph } from '../../src/graph/schema.js';
import { IngestError } from '../../src/ingest/index.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const tasks = (g: NoticeGraph): string[] => g.nodes.filter((n) => n.type === 'task').map((n) => n.id);
const roles = (g: NoticeGraph, id: string): string[] =>
  g.edges
    .filter((e) => e.from === id && e.type !== 'contains' && e.type !== 'due')
    .map((e) => `${e.type}:${e.to}`);

describe('table inputs', () => {
  it('reads a Markdown task table as tasks', async () => {
    const md = `# 2022年重点任务分解表\n\n| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n| --- | --- | --- | --- | --- |\n| 1 | 治理扬尘 | 市城管局 | 市住房保障局 | 2022年6月底前 |\n| 2 | 整治河道 | 市水利局 | | 年底前 |\n`;
    const g = await convert(bytes(md), { path: 'plan.md' });
    expect(tasks(g)).toEqual(['p1/1', 'p1/2']);
    expect(roles(g, 'p1/1')).toEqual(['lead:unit:市城管局', 'cooperating:unit:市住房保障局']);
    const cell = g.nodes.find((n) => n.id === 'p1/2#deadline-0');
    expect(cell).toMatchObject({ text: '年底前', cell: { table: 1, row: 3, col: 5 } });
  });

  it('reads a CSV task table, GBK or UTF-8, with 方案 as the plan', async () => {
    const csv =
      '方案,序号,工作任务,责任单位,时间节点\r\n郑州市2022年大气污染防治攻坚战实施方案,1,治理扬尘,市城管局,2022-06-30\r\n';
    const g = await convert(bytes(csv), { path: 'plan.csv' });
    expect(g.source.format).toBe('csv');
    expect(tasks(g)).toEqual(['air/1']);
    expect(g.nodes.find((n) => n.id === 'air/1#deadline-0')).toMatchObject({
      date: '2022-06-30',
      kind: 'by',
    });
  });

  it('reads standing and repeated deadline cells (长期坚持, 每季度) as recurring deadlines', async () => {
    const csv = [
      '序号,重点任务,牵头单位,完成时限',
      '1,加强扬尘污染治理,市城管局,长期坚持',
      '2,开展秸秆禁烧巡查,市农委,持续推进',
      '3,通报空气质量排名,市环保局,每季度',
      '4,调度重点项目进展,市发展改革委,每月',
      '5,落实河长制巡河,市水利局,常态化',
      '6,持续推进固体废物源头减量,市城管局,2020年底前',
    ].join('\n');
    const g = await convert(bytes(csv), { path: 'standing.csv' });
    const got = g.nodes
      .filter((n) => n.type === 'deadline')
      .map((n) => (n.type === 'deadline' ? [n.id.split('#')[0], n.text, n.kind, n.period ?? n.date] : []));
    expect(got).toEqual([
      ['p1/1', '长期坚持', 'recurring', 'unspecified'],
      ['p1/2', '持续推进', 'recurring', 'unspecified'],
      ['p1/3', '每季度', 'recurring', 'quarter'],
      ['p1/4', '每月', 'recurring', 'month'],
      ['p1/5', '常态化', 'recurring', 'unspecified'],
      ['p1/6', '2020年底前', 'by', '2020-12-31'],
    ]);
  });

  it('refuses CSV it cannot parse, and says what to do', async () => {
    const err = await convert(bytes('序号,任务\r\n1,"未闭合\r\n'), { path: 'bad.csv' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(/bad\.csv.*not valid CSV.*save it again/);
  });

  it('keeps the rows of a table whose header the grammar does not know, with a diagnostic', async () => {
    const g = await convert(bytes('甲,乙\r\n丙,丁\r\n'), { path: 'odd.csv' });
    expect(g.diagnostics.map((d) => d.code)).toContain('table-no-header');
    const text = g.nodes.map((n) => ('text' in n ? n.text : '')).join('\n');
    for (const w of ['甲', '乙', '丙', '丁']) expect(text).toContain(w);
  });

  it('reads XLSX merged category cells as sections and the sheet name as the plan', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('郑州市2022年水污染防治攻坚战实施方案');
    ws.addRow(['类别', '序号', '重点任务', '牵头单位', '完成时限']);
    ws.addRow(['河道治理', 1, '整治贾鲁河', '市水利局', new Date(Date.UTC(2022, 9, 31))]);
    ws.addRow(['', 2, '整治索须河', '市水利局', '年底前']);
    ws.addRow(['污水处理', 1, '新建污水厂', '市城管局', '每季度']);
    ws.mergeCells('A2:A3');
    const g = await convert(new Uint8Array(await wb.xlsx.writeBuffer()), { path: 'plan.xlsx' });
    expect(g.source.format).toBe('xlsx');
    expect(tasks(g)).toEqual(['water/一/1', 'water/一/2', 'water/二/1']);
    expect(g.nodes.find((n) => n.id === 'water/一')).toMatchObject({
      title: '河道治理',
      cell: { rowSpan: 2 },
    });
    expect(g.nodes.find((n) => n.id === 'water/一/1#deadline-0')).toMatchObject({ date: '2022-10-31' });
  });
});

describe('a person in a unit column', () => {
  it('is kept as an attribute with a warning, never a unit', async () => {
    const csv = '序号,重点任务,责任单位\r\n1,治理扬尘,市城管局、张三\r\n2,整治河道,李四同志\r\n';
    const g = await convert(bytes(csv), { path: 'p.csv' });
    expect(g.nodes.filter((n) => n.type === 'unit').map((n) => (n as { name: string }).name)).toEqual([
      '市城管局',
    ]);
    expect(g.nodes.find((n) => n.id === 'p1/1')).toMatchObject({ attributes: { 责任单位: '张三' } });
    expect(g.nodes.find((n) => n.id === 'p1/2')).toMatchObject({ attributes: { 责任单位: '李四同志' } });
    expect(g.diagnostics.filter((d) => d.code === 'table-person-in-unit-column')).toHaveLength(2);
  });
});
