/**
 * Round trip: the task table that `convert --format csv|xlsx` writes, read back as input, gives the same tasks
 * (plan and path), units by role and deadlines as the notice it came from — the seed and every corpus notice
 * with tasks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import type { NoticeGraph } from '../../src/graph/schema.js';
import { renderTaskCsv } from '../../src/render/csv.js';
import { taskRows } from '../../src/render/table.js';
import { renderTaskXlsx } from '../../src/render/xlsx.js';

const ROOT = join(import.meta.dirname, '..', '..', 'corpus');
const NOTICES = [
  'zhengzhou-2020-notice.txt',
  'diff/zhengzhou-2021-notice.txt',
  'diff/gov-007-revised.txt',
  ...readdirSync(join(ROOT, 'gov'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `gov/${f}`),
];

/** What must survive: per task, its plan, path, deadlines and units by role (as the table shows them). */
function facts(g: NoticeGraph): string[] {
  return taskRows(g).map((r) =>
    [
      r.planTitle,
      r.cells.path,
      r.cells.deadlines,
      r.cells.lead,
      r.cells.cooperating,
      r.cells.responsible,
      r.optional.guidance,
    ].join(' | '),
  );
}

describe('task tables read back', async () => {
  const graphs = await Promise.all(
    NOTICES.map(
      async (f) => [f, await convert(new Uint8Array(readFileSync(join(ROOT, f))), { path: f })] as const,
    ),
  );
  const withTasks = graphs.filter(([, g]) => g.nodes.some((n) => n.type === 'task'));

  it('covers the corpus notices that have tasks, one with guidance (指导) units', () => {
    expect(withTasks.length).toBeGreaterThanOrEqual(5);
    expect(withTasks.some(([, g]) => g.edges.some((e) => e.type === 'guidance'))).toBe(true);
  });

  it.each(withTasks)('%s as CSV gives the same tasks, units and deadlines', async (f, g) => {
    const csv = new TextEncoder().encode(renderTaskCsv(g));
    const back = await convert(csv, { path: `${f}.csv` });
    expect(back.source.format).toBe('csv');
    expect(facts(back)).toEqual(facts(g));
  });

  it.each(withTasks)('%s as XLSX gives the same tasks, units and deadlines', async (f, g) => {
    const xlsx = await renderTaskXlsx(g);
    const back = await convert(new Uint8Array(xlsx), { path: `${f}.xlsx` });
    expect(back.source.format).toBe('xlsx');
    expect(facts(back)).toEqual(facts(g));
  });
});
