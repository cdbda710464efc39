/**
 * Task tables in HTML: spans resolved, a two-row header, category rows, rows sharing a merged 序号, inline
 * roles in a merged unit cell, deadline cells (words and spreadsheet dates), attributes and cell provenance.
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import type { GraphNode, NoticeGraph } from '../../src/graph/schema.js';
import { resolveGrid } from '../../src/ingest/table/model.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const node = (g: NoticeGraph, id: string): GraphNode | undefined => g.nodes.find((n) => n.id === id);
const units = (g: NoticeGraph, id: string, role: string): string[] =>
  g.edges.filter((e) => e.from === id && e.type === role).map((e) => e.to.replace(/^unit:/, ''));
const dates = (g: NoticeGraph, id: string): (string | null)[] =>
  g.edges
    .filter((e) => e.from === id && e.type === 'due')
    .map((e) => (node(g, e.to) as { date: string | null }).date);

const TWO_ROW = `<html><body><div><table>
<tr><th rowspan="2">序号</th><th rowspan="2">重点任务</th><th rowspan="2">具体措施</th><th colspan="2">责任单位</th><th rowspan="2">完成时限</th><th rowspan="2">责任领导</th><th rowspan="2">考核分值</th></tr>
<tr><th>牵头</th><th>配合</th></tr>
<tr><td colspan="8">一、产业发展</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">加快产业升级</td><td>PM2.5年均浓度不高于50微克/立方米</td><td>市发展改革委</td><td>市工信局、市财政局</td><td>2021年6月底前</td><td>张三</td><td>5</td></tr>
<tr><td>推进数字化转型</td><td>市工信局</td><td></td><td>2021-09-30</td><td></td><td>3</td></tr>
<tr><td>2</td><td>持续推进改革</td><td>深化改革</td><td colspan="2">牵头：市生态环境局；配合：市公安局</td><td>长期坚持</td><td>李四</td><td></td></tr>
<tr><td colspan="8">二、民生保障</td></tr>
<tr><td>1</td><td>推进就业</td><td>每季度开展招聘会</td><td>市人社局</td><td></td><td>每季度</td><td></td><td></td></tr>
</table></div></body></html>`;

describe('the table model', () => {
  it('resolves row and column spans the way a browser lays them out', () => {
    const t = resolveGrid([
      [
        { text: 'a', rowSpan: 2 },
        { text: 'b', colSpan: 2 },
      ],
      [{ text: 'c' }, { text: 'd' }],
      [{ text: 'e', rowSpan: 9 }],
    ]);
    expect(t.width).toBe(3);
    expect(t.grid.map((r) => r.map((c) => c?.text ?? null))).toEqual([
      ['a', 'b', 'b'],
      ['a', 'c', 'd'],
      ['e', null, null],
    ]);
    expect(t.grid[2]![0]!.rowSpan).toBe(1);
  });
});

describe('an HTML task table', () => {
  it('gives sections, tasks, units by role, deadlines, attributes and cells', async () => {
    const g = await convert(bytes(TWO_ROW), { path: 'plan.html' });
    const tasks = g.nodes.filter((n) => n.type === 'task').map((n) => n.id);
    expect(tasks).toEqual(['p1/一/1', 'p1/一/2', 'p1/二/1']);
    expect(g.nodes.filter((n) => n.type === 'section').map((n) => (n as { title: string }).title)).toEqual([
      '产业发展',
      '民生保障',
    ]);
    // Two rows under one merged 序号 are one task: both rows' units and deadlines.
    expect(units(g, 'p1/一/1', 'lead')).toEqual(['市发展改革委', '市工信局']);
    expect(units(g, 'p1/一/1', 'cooperating')).toEqual(['市工信局', '市财政局']);
    expect(dates(g, 'p1/一/1')).toEqual(['2021-06-30', '2021-09-30']);
    // "牵头：X；配合：Y" inside one merged unit cell.
    expect(units(g, 'p1/一/2', 'lead')).toEqual(['市生态环境局']);
    expect(units(g, 'p1/一/2', 'cooperating')).toEqual(['市公安局']);
    // A deadline the content already says is not repeated.
    expect(dates(g, 'p1/二/1')).toEqual([null]);
    const t1 = node(g, 'p1/一/1') as { attributes?: Record<string, string>; cell?: unknown; text: string };
    // The leader is a person: an attribute, never a unit.
    expect(t1.attributes).toEqual({ 责任领导: '张三', 考核分值: '5；3' });
    expect(g.nodes.some((n) => n.type === 'unit' && n.name === '张三')).toBe(false);
    expect(t1.cell).toEqual({ table: 1, row: 4, col: 1, rowSpan: 2 });
    expect(node(g, 'p1/一/1#deadline-1')).toMatchObject({ cell: { table: 1, row: 5, col: 6 } });
    expect(node(g, 'p1/一/1#target-0')).toMatchObject({ cell: { table: 1, row: 4, col: 3 } });
    // 长期坚持 is kept in the task's text, not lost.
    expect((node(g, 'p1/一/2') as { text: string }).text).toContain('长期坚持');
    const codes = g.diagnostics.map((d) => d.code);
    expect(codes).toContain('table-unknown-column');
    expect(g.diagnostics.find((d) => d.code === 'table-unknown-column')?.message).toContain('考核分值');
  });

  it('numbers rows by their order when there is no 序号, and merged category cells become sections', async () => {
    const html = `<table><tr><td>领域</td><td>工作任务</td><td>责任单位</td><td>时间节点</td></tr>
<tr><td rowspan="2">生态环境</td><td>治理扬尘</td><td>市城管局</td><td>2022年3月底前</td></tr>
<tr><td>治理水污染</td><td>市水利局</td><td>年底前</td></tr>
<tr><td>营商环境</td><td>优化审批</td><td>市政务办</td><td>2022年上半年</td></tr></table>`;
    const g = await convert(bytes(html), { path: 'x.html' });
    expect(g.nodes.filter((n) => n.type === 'task').map((n) => n.id)).toEqual([
      'p1/一/1',
      'p1/一/2',
      'p1/二/3',
    ]);
    expect(units(g, 'p1/一/2', 'responsible')).toEqual(['市水利局']);
    expect(dates(g, 'p1/二/3')).toEqual(['2022-06-30']);
  });

  it('leaves a table with no known header as text, nothing dropped', async () => {
    const html = `<div><p>一、工作安排</p><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙丁</td><td>戊</td></tr></table></div>`;
    const g = await convert(bytes(html), { path: 'y.html' });
    const text = g.nodes.map((n) => ('text' in n ? n.text : '')).join('\n');
    for (const w of ['甲', '乙', '丙丁', '戊']) expect(text).toContain(w);
  });
});

describe('a notice carrying its attached task table after the body', () => {
  const page = (attachmentHead: string, tableTitle: string): string => `<html><body>
<h1>关于印发郑州市2021年扬尘治理工作方案的通知</h1>
<p>各县（市）区人民政府，市政府各部门：</p>
<p>现将《郑州市2021年扬尘治理任务分解表》印发给你们，请认真贯彻落实。</p>
<p>附件：1.郑州市2021年扬尘治理任务分解表</p>
<p>郑州市人民政府办公厅</p>
<p>2021年3月1日</p>
<p>${attachmentHead}</p>${tableTitle}
<table>
<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>加强建筑工地扬尘治理</td><td>市城建局</td><td>6月底前</td></tr>
<tr><td>2</td><td>开展道路清扫保洁</td><td>市城管局</td><td>长期坚持</td></tr>
</table></body></html>`;

  it.each([
    ['附件 heading and the title line', page('附件', '<p>郑州市2021年扬尘治理任务分解表</p>')],
    ['附件1 heading alone', page('附件1', '')],
  ])('%s: the table is the plan the attachment names, inside the cover notice', async (_, html) => {
    const g = await convert(bytes(html), { path: 'notice.html' });
    const plans = g.nodes.filter((n) => n.type === 'plan');
    expect(plans.map((p) => (p.type === 'plan' ? [p.title, p.year] : []))).toEqual([
      ['郑州市2021年扬尘治理任务分解表', 2021],
    ]);
    expect(g.edges).toContainEqual({ from: 'notice', to: plans[0]!.id, type: 'contains' });
    expect(dates(g, `${plans[0]!.id}/1`)).toEqual(['2021-06-30']);
    expect(node(g, `${plans[0]!.id}/2`)).toMatchObject({ type: 'task' });
    expect(
      g.nodes.filter((n) => n.type === 'paragraph').map((n) => (n.type === 'paragraph' ? n.text : '')),
    ).toContain('现将《郑州市2021年扬尘治理任务分解表》印发给你们，请认真贯彻落实。');
  });
});
