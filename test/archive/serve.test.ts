import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInputs, convertInProcess, type Input } from '../../src/archive/add.js';
import { openArchive } from '../../src/archive/db.js';
import { querySeries } from '../../src/archive/query-series.js';
import { startServer, type Running } from '../../src/serve/server.js';

const SEED = 'corpus/zhengzhou-2020-notice.txt';
const NEXT = 'corpus/diff/zhengzhou-2021-notice.txt';
/** A notice whose text holds markup, quotes and entities: it must come back as text. */
const HOSTILE =
  '关于印发测试市2020年<script>alert(1)</script>工作方案的通知\n\n一、工作任务\n' +
  '1.清理"<img src=x onerror=alert(2)>"与&amp;实体。2020年10月底前完成。\n牵头单位:市生态环境局\n';

describe('gongwen serve', () => {
  let dir: string;
  let server: Running;
  let seriesId: number;
  const get = async (path: string) => {
    const r = await fetch(new URL(path, server.url));
    return { status: r.status, body: await r.text() };
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-serve-'));
    const file = join(dir, 'a.db');
    const db = await openArchive(file, { write: true });
    async function* inputs(): AsyncGenerator<Input> {
      for (const path of [SEED, NEXT]) yield { path, bytes: readFileSync(path) };
      yield { path: 'hostile.txt', bytes: Buffer.from(HOSTILE) };
    }
    await addInputs(db, inputs(), { convert: convertInProcess });
    seriesId = querySeries(db).find((s) => s.topic === 'air')!.id;
    db.close();
    server = await startServer({ db: file, port: 0 });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 and serves the front page with notices and series', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { status, body } = await get('/');
    expect(status).toBe(200);
    expect(body).toContain('关于印发郑州市2020年大气、水、土壤污染防治攻坚战实施方案的通知');
    expect(body).toContain(`/series/${seriesId}`);
  });

  it('filters tasks by unit, role, deadline window and text, and links each fact to its span', async () => {
    const { body } = await get(
      `/tasks?unit=${encodeURIComponent('市生态环境局')}&role=lead&due=2021-04-01..2021-06-30`,
    );
    expect(body).toContain('加强工业企业智能监控');
    const span = /href="\/notices\/(\d+)\?start=(\d+)&amp;end=(\d+)"/.exec(body)!;
    expect(span).not.toBeNull();
    const text = await get(`/notices/${span[1]}?start=${span[2]}&end=${span[3]}`);
    expect(text.body).toMatch(/<mark id="fact">[^<]+<\/mark>/);
    const unit = await get(`/units/${encodeURIComponent('市生态环境局')}`);
    expect(unit.body).toContain('郑州市生态环境局');
  });

  it('shows a series and its year-over-year diff report', async () => {
    const s = await get(`/series/${seriesId}`);
    const report = /href="(\/diff\/\d+\/\d+)"/.exec(s.body)!;
    const diff = await get(report[1]!);
    expect(diff.status).toBe(200);
    expect(diff.body).toContain('<html');
    const cal = await get('/calendar?from=2021-06-01&to=2021-06-30');
    expect(cal.body).toContain('2021-06-30');
  });

  it('shows hostile content as text (no markup from a notice reaches the page)', async () => {
    for (const path of ['/', '/tasks?q=onerror', `/notices/3`]) {
      const { body } = await get(path);
      expect(body).not.toContain('<script>alert(1)');
      expect(body).not.toContain('<img src=x');
    }
    expect((await get('/notices/3')).body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await get('/tasks?q=%22%3E%3Cscript%3E')).body).not.toContain('"><script>');
  });

  it('refuses paths outside the archive, unknown ids and writes', async () => {
    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/notices/999',
      '/series/x',
      '/static/a.js',
    ])
      expect((await get(path)).status).toBe(404);
    expect((await fetch(new URL('/tasks', server.url), { method: 'POST' })).status).toBe(405);
  });
});
