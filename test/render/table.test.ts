import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/graph/schema.js';
import { indexGraph, unitsIn } from '../../src/render/graph-index.js';
import { ITEM_JOINER, UNIT_JOINER } from '../../src/render/labels.js';
import { placeFormatter } from '../../src/render/place.js';
import { taskRows } from '../../src/render/table.js';
import { goldPlans, seedGraph, seedRaw, tinyGraph } from './seed.js';

/**
 * Gold tasks whose path ends in no number, and the graph task that holds them; null where the graph has no
 * task for it yet (air 五 常规工作: an unnumbered paragraph with no unit lines, a section in the graph).
 */
const UNNUMBERED: Record<string, string | null> = {
  'air:五': null,
  'soil:三.(一)': '三/(一)/[1]',
  'soil:三.(四).9[2]': '三/(四)/[1]',
};

const isNumbered = (path: string): boolean => /(^|\.)(\d+|\(\d+\))$/.test(path);
const split = (cell: string, joiner: string): string[] => (cell === '' ? [] : cell.split(joiner)).sort();

describe('task-division table of the seed', () => {
  const rows = taskRows(seedGraph, { raw: seedRaw });
  const byKey = new Map(rows.map((r) => [`${r.planId}:${r.cells.path}`, r]));
  const gold = goldPlans.flatMap((p) =>
    p.tasks.map((t) => {
      const key = `${p.id}:${t.path}`;
      const path = isNumbered(t.path) ? t.path.replace(/\./g, '/') : UNNUMBERED[key];
      return { key, task: t, row: path == null ? undefined : byKey.get(`${p.id}:${path}`) };
    }),
  );

  it('has one row per gold task, apart from the known gaps', () => {
    const missing = gold.filter((g) => g.row === undefined).map((g) => g.key);
    expect(missing).toEqual(Object.keys(UNNUMBERED).filter((k) => UNNUMBERED[k] === null));
    // Every row answers exactly one gold task.
    expect(new Set(gold.flatMap((g) => g.row ?? [])).size).toBe(rows.length);
    expect(rows).toHaveLength(gold.length - missing.length);
  });

  // the seed's gold has the table's three role columns (no 指导)
  it.each(['lead', 'cooperating', 'responsible'] as const)(
    'gives every gold task its %s units (inherited ones included)',
    (role) => {
      for (const { key, task, row } of gold) {
        if (!row) continue;
        expect(split(row.cells[role], UNIT_JOINER), key).toEqual([...task[role]].sort());
      }
    },
  );

  it('gives every gold task its deadlines (the date, or the text when there is none)', () => {
    for (const { key, task, row } of gold) {
      if (!row) continue;
      const want = [...new Set(task.deadlines.map((d) => d.date ?? d.text))].sort();
      expect(split(row.cells.deadlines, ITEM_JOINER), key).toEqual(want);
    }
  });

  it('numbers, titles and texts come from the task nodes; 来源 is the line in the raw text', () => {
    for (const row of rows) {
      expect(row.cells.path).toBe(row.task.path);
      expect(row.cells.title).toBe(row.task.title);
      expect(row.cells.text).toBe(row.task.text);
      const line = seedRaw.slice(0, row.task.rawSpan!.start).split('\n').length;
      expect(row.cells.source).toBe(`第${line}行`);
    }
    expect(byKey.get('air:三/(一)/1')?.cells.source).toBe('第38行');
  });

  it('keeps the tasks of one unit with a filter', () => {
    const index = indexGraph(seedGraph);
    const only = taskRows(seedGraph, { unit: (u) => u.name === '市控尘办' });
    expect(only.length).toBeGreaterThan(0);
    for (const row of only)
      expect(ROLES.some((r) => unitsIn(index, row.task.id, r).some((u) => u.name === '市控尘办'))).toBe(true);
  });
});

describe('来源', () => {
  const node = { id: 'x', type: 'paragraph' as const, text: '', rawSpan: { start: 4, end: 6 } };
  it.each([
    ['a page', { ...node, page: 3 }, 'a\nb\nc', '第3页'],
    ['the line when the raw text is known', node, 'a\nb\ncdef', '第3行'],
    ['offsets otherwise', node, undefined, '字符 4–6'],
  ])('gives %s', (_, n, raw, want) => {
    expect(placeFormatter(raw)(n)).toBe(want);
  });

  it('works on a graph without a raw text', () => {
    const graph = tinyGraph(
      [
        { id: 'p1', type: 'plan', title: '测试方案', year: 2020, topic: null },
        {
          id: 'p1/1',
          type: 'task',
          path: '1',
          number: '1',
          title: '甲',
          text: '甲。',
          rawSpan: { start: 10, end: 12 },
        },
      ],
      [
        { from: 'notice', to: 'p1', type: 'contains' },
        { from: 'p1', to: 'p1/1', type: 'contains' },
      ],
    );
    expect(taskRows(graph).map((r) => r.cells.source)).toEqual(['字符 10–12']);
  });
});
