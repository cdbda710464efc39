import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    const span = /href="\/notices\/(\d+)\?start=(\d+)&amp;end=(\d+)#fact"/.exec(body)!;
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

/** Whether this machine lets a user make a network namespace (nothing but a loopback inside). */
const NETNS =
  spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up && ! ip -o link | grep -v " lo:"']).status ===
  0;
const BUILT = existsSync('dist/bundle/main.js');
if (!NETNS || !BUILT)
  console.warn(
    `test/archive/serve.test.ts: the no-network start is skipped: ${BUILT ? "'unshare -rn' with ip is not available here" : 'dist/bundle/main.js is not built'}`,
  );

describe.skipIf(!NETNS || !BUILT)('gongwen serve without the network', () => {
  it('starts and serves in a network namespace that has only a loopback', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-offline-'));
    try {
      const db = join(dir, 'a.db');
      const input = join(dir, 'seed.txt');
      writeFileSync(input, readFileSync(SEED));
      const add = spawnSync(
        process.execPath,
        ['dist/bundle/main.js', 'archive', 'add', input, '--db', db, '--quiet'],
        {
          encoding: 'utf8',
        },
      );
      expect(add.status, add.stderr).toBe(0);
      // Inside the namespace: start the built CLI on a free port, fetch two pages, stop it.
      const script = `
        const { spawn } = require('node:child_process');
        const c = spawn(process.execPath, ['dist/bundle/main.js', 'serve', '--db', ${JSON.stringify(db)}, '--port', '0']);
        let err = '';
        c.stderr.on('data', async (d) => {
          err += d;
          const m = /at (http:\\S+)/.exec(err);
          if (!m || c.asked) return;
          c.asked = true;
          const statuses = [];
          for (const p of ['', 'tasks?unit=%E5%B8%82%E7%94%9F%E6%80%81%E7%8E%AF%E5%A2%83%E5%B1%80'])
            statuses.push((await fetch(m[1] + p)).status);
          console.log(JSON.stringify(statuses));
          c.kill('SIGTERM');
        });
        c.on('exit', (code) => process.exit(code ?? 1));`;
      const run = spawnSync(
        'unshare',
        ['-rn', 'sh', '-c', 'ip link set lo up && exec "$0" -e "$1"', process.execPath, script],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual([200, 200]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
