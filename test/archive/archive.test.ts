import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInputs, type Input } from '../../src/archive/add.js';
import { openArchive, type Db } from '../../src/archive/db.js';
import { loadGraph, loadSeriesDiff, loadText } from '../../src/archive/load.js';
import { parseDue, queryTasks, queryUnits } from '../../src/archive/query.js';
import { archiveCounts, querySeries, querySeriesDiffs } from '../../src/archive/query-series.js';
import { seriesKey, seriesTitle } from '../../src/archive/series.js';
import { applyRepairs, textFromLeaves } from '../../src/archive/text.js';
import { convert, convertSync } from '../../src/index.js';

const SEED = 'corpus/zhengzhou-2020-notice.txt';
const NEXT = 'corpus/diff/zhengzhou-2021-notice.txt';

async function* inputs(paths: string[]): AsyncGenerator<Input> {
  for (const path of paths) yield { path, bytes: readFileSync(path) };
}
const inProcess = ({ path, bytes }: Input) => convert(bytes, { path });

describe('archive', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-archive-'));
    db = await openArchive(join(dir, 'a.db'), { write: true });
    await addInputs(db, inputs([SEED, NEXT]), { convert: inProcess });
  }, 120_000);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores both notices, their plans in three series, and one diff per series', () => {
    const counts = archiveCounts(db);
    expect(counts.notices).toBe(2);
    expect(counts.plans).toBe(6);
    expect(counts.series).toBe(3);
    expect(counts.series_diffs).toBe(3);
    const air = querySeries(db).find((s) => s.topic === 'air')!;
    expect(air.title).toBe('郑州市大气污染防治攻坚战实施方案');
    const [d] = querySeriesDiffs(db, air.id);
    expect([d!.oldYear, d!.newYear]).toEqual([2020, 2021]);
    const full = loadSeriesDiff(db, d!.oldPlan, d!.newPlan)!;
    expect(full.changes.length).toBeGreaterThan(0);
    expect(full.changes.every((c) => c.plan === 'air')).toBe(true);
  });

  it('is idempotent by source.sha256: adding again adds nothing and converts nothing', async () => {
    let conversions = 0;
    const summary = await addInputs(db, inputs([SEED, NEXT]), {
      convert: (i) => (conversions++, inProcess(i)),
    });
    expect(summary).toMatchObject({ added: 0, skipped: 2, diffs: 0 });
    expect(conversions).toBe(0);
  });

  it('queries tasks by unit (any spelling), role, deadline window and text', () => {
    const lead = queryTasks(db, { unit: '市生态环境局', role: 'lead' });
    expect(lead.length).toBeGreaterThan(50);
    expect(lead.every((t) => t.lead.includes('市生态环境局'))).toBe(true);
    const canonical = queryTasks(db, { unit: '郑州市生态环境局', role: 'lead' });
    expect(canonical.map((t) => t.id)).toEqual(lead.map((t) => t.id));
    const due = queryTasks(db, { unit: '市生态环境局', dueFrom: '2021-04-01', dueTo: '2021-06-30' });
    expect(due.length).toBeGreaterThan(0);
    for (const t of due)
      expect(t.deadlines.some((d) => d.date! >= '2021-04-01' && d.date! <= '2021-06-30')).toBe(true);
    // Two characters: the substring scan; three or more: the trigram index. Both find every task holding it.
    for (const q of ['扬尘', '差异化管理', '施工工地']) {
      const hits = queryTasks(db, { q });
      const all = queryTasks(db, { limit: 100_000 }).filter((t) => t.text.includes(q));
      expect(hits.map((t) => t.id).sort()).toEqual(all.map((t) => t.id).sort());
      expect(hits.length).toBeGreaterThan(0);
    }
    expect(queryTasks(db, { q: '100%_' })).toEqual([]);
    expect(queryTasks(db, { unit: '没有这个单位' })).toEqual([]);
  });

  it('lists a unit once under its canonical name with every spelling', () => {
    const [u] = queryUnits(db, '市生态环境局');
    expect(u!.name).toBe('郑州市生态环境局');
    expect(u!.spellings).toContain('市生态环境局');
    expect(u!.lead).toBeGreaterThan(50);
  });

  it('keeps the graph and the exact repaired text: every task span points at its text', () => {
    const graph = loadGraph(db, 1);
    const { text, exact } = loadText(db, 1);
    expect(exact).toBe(true);
    for (const t of queryTasks(db, { notice: 1, limit: 100_000 }))
      expect(text.slice(t.start!, t.end!).endsWith(t.text)).toBe(true);
    expect(graph.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('archive helpers', () => {
  it('takes the years out of a plan title for its series', () => {
    expect(seriesTitle('郑州市2020年大气污染防治攻坚战实施方案')).toBe('郑州市大气污染防治攻坚战实施方案');
    expect(seriesTitle('河南省“十四五”生态环境保护规划（2021—2025年）')).toBe('河南省十四五生态环境保护规划');
    expect(seriesKey('郑州市人民政府', 'air', '郑州市2021年度大气污染防治实施方案')).toBe(
      seriesKey('郑州市人民政府', 'air', '郑州市2020年大气污染防治实施方案'),
    );
  });

  it('parses deadline windows', () => {
    expect(parseDue('2021-04-01..2021-06-30')).toEqual({ from: '2021-04-01', to: '2021-06-30' });
    expect(parseDue('..2021-06-30')).toEqual({ to: '2021-06-30' });
    expect(parseDue('2021-06-30')).toEqual({ from: '2021-06-30', to: '2021-06-30' });
    expect(typeof parseDue('June')).toBe('string');
  });

  it('rebuilds the repaired text from raw + repairs, and lays out leaves when the input is gone', () => {
    const raw = readFileSync(SEED, 'utf8');
    const graph = convertSync(raw, { path: SEED });
    const text = applyRepairs(raw, graph.repairs)!;
    const leaves = textFromLeaves(graph);
    for (const n of graph.nodes)
      if (n.type === 'task') {
        expect(text.slice(n.span!.start, n.span!.end).endsWith(n.text)).toBe(true);
        expect(leaves.slice(n.span!.start, n.span!.end).endsWith(n.text)).toBe(true);
      }
    expect(applyRepairs('short', graph.repairs)).toBeNull();
  });

  it('refuses a file that is not an archive, and a missing one for reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-archive-'));
    await expect(openArchive(join(dir, 'none.db'), { write: false })).rejects.toThrow(/gongwen archive add/);
    await expect(openArchive(SEED, { write: true })).rejects.toThrow(/not a gongwen archive/);
    rmSync(dir, { recursive: true, force: true });
  });
});
