/**
 * Makes the table fixtures of corpus/tables from the seed notice: its tasks as one HTML task table (方案 merged
 * over each plan's rows, 一、/(一) category rows across the other columns, 序号, 重点任务, 具体措施, 牵头单位,
 * 配合单位, 责任单位 with inherited units written out, 完成时限 with the deadline words), then LibreOffice turns
 * that page into a Word document and an Excel workbook (`soffice --convert-to docx|xlsx`).
 *
 *   npx tsx scripts/tables/seed-table.ts        (needs soffice on PATH; scripts/system-deps.sh installs it)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from '../../src/index.js';
import { deadlinesOf, indexGraph, tasksInOrder, unitsIn } from '../../src/render/graph-index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'corpus', 'tables');
const HEADER = ['方案', '序号', '重点任务', '具体措施', '牵头单位', '配合单位', '责任单位', '完成时限'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (s: string, attrs = ''): string => `<td${attrs}>${esc(s)}</td>`;

const seed = readFileSync(join(ROOT, 'corpus', 'zhengzhou-2020-notice.txt'));
const graph = await convert(new Uint8Array(seed), { path: 'zhengzhou-2020-notice.txt' });
const index = indexGraph(graph);

/** Rows of one plan: category rows for the sections above each task, then the task's row. */
function planRows(planId: string): string[][] {
  const rows: string[][] = [];
  const open: string[] = [];
  for (const task of tasksInOrder(index).filter((t) => index.planOf(t.id)?.id === planId)) {
    const sections: string[] = [];
    for (let p = index.planOf(task.id) && parentOf(task.id); p; p = parentOf(p)) {
      const n = index.node(p);
      if (n?.type === 'section') sections.unshift(p);
    }
    sections.forEach((id, depth) => {
      if (open[depth] === id) return;
      open.length = depth;
      open[depth] = id;
      const s = index.node(id) as { marker: string; title: string; level: number };
      // Paths hold the level-1 numeral bare (三); the heading writes it 三、.
      rows.push(['#', `${s.level === 1 ? `${s.marker}、` : s.marker}${s.title}`]);
    });
    const names = (role: 'lead' | 'cooperating' | 'responsible'): string =>
      unitsIn(index, task.id, role)
        .map((u) => u.name)
        .join('、');
    const title = task.title;
    const rest = task.text.slice(title.length).replace(/^[。；;]/, '');
    const step = task.number === null ? '' : task.path.split('/').pop()!;
    const deadlines = [...new Set(deadlinesOf(index, task.id).map((d) => d.text))].join('；');
    rows.push([step, title, rest, names('lead'), names('cooperating'), names('responsible'), deadlines]);
  }
  return rows;
}

const parents = new Map<string, string>();
for (const e of graph.edges) if (e.type === 'contains') parents.set(e.to, e.from);
function parentOf(id: string): string | undefined {
  return parents.get(id);
}

const body: string[] = [];
for (const plan of index.all('plan')) {
  const rows = planRows(plan.id);
  rows.forEach((r, n) => {
    const planCell = n === 0 ? td(plan.title, ` rowspan="${rows.length}"`) : '';
    const cells = r[0] === '#' ? td(r[1]!, ` colspan="${HEADER.length - 1}"`) : r.map((c) => td(c)).join('');
    body.push(`<tr>${planCell}${cells}</tr>`);
  });
}
const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>郑州市2020年污染防治攻坚战重点任务分解表</title></head>
<body>
<table border="1">
<tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr>
${body.join('\n')}
</table>
</body></html>
`;
writeFileSync(join(OUT, 'seed-table.html'), html);

const tmp = mkdtempSync(join(tmpdir(), 'seed-table-'));
try {
  copyFileSync(join(OUT, 'seed-table.html'), join(tmp, 'seed-table.html'));
  const run = (args: string[]): void => {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/profile`, ...args], {
      cwd: tmp,
      stdio: 'inherit',
    });
  };
  run(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, join(tmp, 'seed-table.html')]);
  run(['--infilter=HTML (StarCalc)', '--convert-to', 'xlsx', '--outdir', tmp, join(tmp, 'seed-table.html')]);
  for (const ext of ['docx', 'xlsx'])
    copyFileSync(join(tmp, `seed-table.${ext}`), join(OUT, `seed-table.${ext}`));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`wrote ${OUT}/seed-table.{html,docx,xlsx}`);
