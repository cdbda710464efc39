import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInputs, convertInProcess, type Input } from '../../src/archive/add.js';
import { blobCodec, openArchive, type Db } from '../../src/archive/db.js';
import { loadGraph, loadText } from '../../src/archive/load.js';
import { parseDue, queryTasks, queryUnits } from '../../src/archive/query.js';
import {
  archiveCounts,
  queryCalendar,
  querySeries,
  querySeriesDiffs,
} from '../../src/archive/query-series.js';
import { seriesKey, seriesTitle } from '../../src/archive/series.js';
import { dropStaleDiffs, loadSeriesDiff } from '../../src/archive/series-diffs.js';
import { applyRepairs, textFromLeaves } from '../../src/archive/text.js';
import { convertSync } from '../../src/index.js';

const SEED = 'corpus/zhengzhou-2020-notice.txt';
const NEXT = 'corpus/diff/zhengzhou-2021-notice.txt';

async function* inputs(paths: string[]): AsyncGenerator<Input> {
  for (const path of paths) yield { path, bytes: readFileSync(path) };
}
const inProcess = convertInProcess;

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

  it('stores both notices, their plans in three series; a series diff is computed on first request, then cached', () => {
    const counts = archiveCounts(db);
    expect(counts.notices).toBe(2);
    expect(counts.plans).toBe(6);
    expect(counts.series).toBe(3);
    expect(counts.series_diffs).toBe(0);
    expect(querySeries(db).map((s) => s.diffs)).toEqual([1, 1, 1]);
    const air = querySeries(db).find((s) => s.topic === 'air')!;
    expect(air.title).toBe('郑州市大气污染防治攻坚战实施方案');
    const [d] = querySeriesDiffs(db, air.id);
    expect([d!.oldYear, d!.newYear]).toEqual([2020, 2021]);
    expect(archiveCounts(db).series_diffs).toBe(1);
    const full = loadSeriesDiff(db, d!.oldPlan, d!.newPlan)!;
    expect(full.changes.length).toBeGreaterThan(0);
    expect(full.changes.every((c) => c.plan === 'air')).toBe(true);
    expect(querySeriesDiffs(db, air.id)).toEqual([d]);
    expect(archiveCounts(db).series_diffs).toBe(1);
    expect(loadSeriesDiff(db, d!.newPlan, d!.oldPlan)).toBeNull();
  });

  it('pages the deadline calendar and says which deadlines a page shows', async () => {
    const { routes } = await import('../../src/serve/pages.js');
    const all = queryCalendar(db, '0000-01-01', '9999-12-31');
    expect(all.more).toBe(false);
    expect(all.rows.length).toBeGreaterThan(3);
    const first = queryCalendar(db, '0000-01-01', '9999-12-31', { limit: 2 });
    expect(first).toEqual({ rows: all.rows.slice(0, 2), more: true });
    const last = queryCalendar(db, '0000-01-01', '9999-12-31', { limit: 2, offset: all.rows.length - 2 });
    expect(last).toEqual({ rows: all.rows.slice(-2), more: false });
    expect(routes(db, ['calendar'], new URLSearchParams('offset=2'))).toContain(
      `deadlines 3–${all.rows.length}</p>`,
    );
    expect(routes(db, ['calendar'], new URLSearchParams())).not.toContain('deadlines 1–'); // one page: no pager
  });

  it('drops a cached diff whose editions are no longer consecutive', () => {
    const air = querySeries(db).find((s) => s.topic === 'air')!;
    const [d] = querySeriesDiffs(db, air.id);
    db.prepare('INSERT INTO series_diffs VALUES (?, ?, ?, 2019, 2021, ?, ?)').run(
      air.id,
      d!.newPlan + 100,
      d!.newPlan,
      '{}',
      Buffer.from(''),
    );
    expect(dropStaleDiffs(db, air.id)).toBe(1);
    expect(querySeriesDiffs(db, air.id)).toEqual([d]);
  });

  it('computes diffs in memory on a handle that cannot write', async () => {
    const ro = await openArchive(join(dir, 'a.db'), { write: false });
    try {
      const other = querySeries(ro).find((s) => s.topic !== 'air')!;
      const before = archiveCounts(ro).series_diffs;
      const [d] = querySeriesDiffs(ro, other.id);
      expect(loadSeriesDiff(ro, d!.oldPlan, d!.newPlan)).not.toBeNull();
      expect(archiveCounts(ro).series_diffs).toBe(before);
    } finally {
      ro.close();
    }
  });

  it('is idempotent by source.sha256: adding again adds nothing and converts nothing', async () => {
    let conversions = 0;
    const summary = await addInputs(db, inputs([SEED, NEXT]), {
      convert: (i) => (conversions++, inProcess(i)),
    });
    expect(summary).toMatchObject({ added: 0, skipped: 2 });
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
    // Through the bigram index (two characters: one token), checked against the text: every task holding it.
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

describe('archive roles', () => {
  it('keeps the guidance role (指导): a filter, a unit count and a serve option', async () => {
    const text = [
      '郑州市人民政府关于印发郑州市2021年无废城市建设实施方案的通知',
      '各县（市、区）人民政府，市人民政府各部门：',
      '现将《郑州市2021年无废城市建设实施方案》印发给你们，请认真贯彻执行。',
      '郑州市人民政府',
      '2021年3月1日',
      '郑州市2021年无废城市建设实施方案',
      '一、重点任务',
      '（一）开展试点。推进无废城市建设试点（生态环境部指导，市生态环境局负责）。',
      '（二）推进分类。推进生活垃圾分类（市城市管理局牵头，市财政局配合）。',
      '',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-archive-'));
    const db = await openArchive(join(dir, 'g.db'), { write: true });
    try {
      async function* one(): AsyncGenerator<Input> {
        yield { path: 'g.txt', bytes: Buffer.from(text) };
      }
      await addInputs(db, one(), { convert: inProcess });
      const guided = queryTasks(db, { role: 'guidance' });
      expect(guided.map((t) => t.guidance)).toEqual([['生态环境部']]);
      expect(queryTasks(db, { unit: '生态环境部', role: 'lead' })).toEqual([]);
      const [u] = queryUnits(db, '生态环境部');
      expect(u).toMatchObject({ guidance: 1, lead: 0, responsible: 0 });
      const { routes } = await import('../../src/serve/pages.js');
      const page = routes(db, ['tasks'], new URLSearchParams('role=guidance'))!;
      expect(page).toContain('<option selected>guidance</option>');
      expect(page).toContain('<p>1 tasks</p>');
      expect(routes(db, ['units', '生态环境部'], new URLSearchParams())).toContain('<h2>guidance</h2>');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('archive add from graph JSON', () => {
  it('stores the JSON as given; the exact text when its input is beside it, else the leaves laid out on reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-archive-'));
    const db = await openArchive(join(dir, 'j.db'), { write: true });
    try {
      const withSource = JSON.stringify(convertSync(readFileSync(SEED, 'utf8'), { path: SEED }), null, 2);
      const alone = convertSync(readFileSync(NEXT, 'utf8'), { path: 'gone/next.txt' });
      async function* two(): AsyncGenerator<Input> {
        yield { path: 'seed.json', bytes: Buffer.from(withSource) };
        yield { path: 'next.json', bytes: Buffer.from(`\uFEFF${JSON.stringify(alone)}`) };
      }
      expect(await addInputs(db, two(), { convert: inProcess })).toMatchObject({ added: 2, failed: [] });
      expect(loadText(db, 1)).toMatchObject({
        exact: true,
        text: applyRepairs(readFileSync(SEED, 'utf8'), loadGraph(db, 1).repairs),
      });
      const { text, exact } = loadText(db, 2);
      expect(exact).toBe(false);
      expect(text).toBe(textFromLeaves(alone));
      expect(loadGraph(db, 2)).toEqual(alone);
      const tasks = queryTasks(db, { notice: 2, limit: 100_000 });
      expect(tasks.length).toBeGreaterThan(10);
      for (const t of tasks) expect(text.slice(t.start!, t.end!).endsWith(t.text)).toBe(true);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the input of a graph JSON file as convert did (a .csv table is a table, not text): its exact text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-archive-'));
    const db = await openArchive(join(dir, 'c.db'), { write: true });
    try {
      const csv = join(dir, 'tasks.csv');
      writeFileSync(
        csv,
        '序号,重点任务,牵头单位,完成时限\n1,开展扬尘污染专项整治,市生态环境局,2021年6月底前\n' +
          '2,推进黑臭水体治理,市水利局,2021年12月底前\n',
      );
      const { convert } = await import('../../src/index.js');
      const graph = await convert(readFileSync(csv), { path: csv });
      async function* one(): AsyncGenerator<Input> {
        yield { path: join(dir, 'tasks.json'), bytes: Buffer.from(JSON.stringify(graph)) };
      }
      expect(await addInputs(db, one(), { convert: inProcess })).toMatchObject({ added: 1, failed: [] });
      const { text, exact } = loadText(db, 1);
      expect(exact).toBe(true);
      const tasks = graph.nodes.filter((n) => n.type === 'task');
      expect(tasks.length).toBe(2);
      for (const t of tasks) expect(text.slice(t.span!.start, t.span!.end)).toContain(t.title);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compresses the blobs of a new archive (schema 3) with brotli; reads and adds to a schema 2 archive in deflate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-archive-'));
    try {
      for (const [name, before] of [
        ['new.db', false],
        ['old.db', true],
      ] as const) {
        let db = await openArchive(join(dir, name), { write: true });
        if (before) {
          // An archive made before the codec was recorded: schema 2, no `blobs` key in meta.
          db.prepare("DELETE FROM meta WHERE key = 'blobs'").run();
          db.prepare("UPDATE meta SET value = '2' WHERE key = 'schema'").run();
          db.close();
          db = await openArchive(join(dir, name), { write: true });
        }
        try {
          expect(blobCodec(db)).toBe(before ? 'deflate' : 'brotli');
          await addInputs(db, inputs([SEED]), { convert: inProcess });
          const blob = db.prepare('SELECT graph FROM notice_blobs').pluck().get() as Buffer;
          const graph = loadGraph(db, 1);
          expect(graph.source.path).toBe(SEED);
          const raw = before ? inflateSync(blob) : brotliDecompressSync(blob);
          expect(JSON.parse(raw.toString('utf8'))).toEqual(graph);
          expect(loadText(db, 1).text).toBe(applyRepairs(readFileSync(SEED, 'utf8'), graph.repairs));
          // A 2 archive stays 2 (an older gongwen still reads it); a brotli one says 3.
          const schema = db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get();
          expect(schema).toBe(before ? '2' : '3');
        } finally {
          db.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
