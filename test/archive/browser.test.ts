/**
 * The web app as a person uses it: `gongwen serve` (the built CLI) over a small archive made here with
 * `gongwen archive add`, driven in Debian's chromium through playwright-core: filter the task table by a unit,
 * open the unit's page and one of its tasks, land on the notice text with the task's span highlighted and in
 * view, open a series' year-over-year diff report. A hostile notice stays text in the browser; no request
 * leaves the server. Screenshots are kept in out/ (git-ignored, like out/diff-report.png).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/bundle/main.js');
const OUT = join(ROOT, 'out');
const skip = !CHROMIUM
  ? 'no chromium on the PATH (bash scripts/system-deps.sh chromium)'
  : !existsSync(CLI)
    ? 'dist/bundle/main.js is not built (npm run build)'
    : '';
if (skip) console.warn(`test/archive/browser.test.ts: skipped, ${skip}`);

const HOSTILE =
  '关于印发测试市2020年<script>alert(1)</script>工作方案的通知\n\n一、工作任务\n' +
  '1.清理"<img src=x onerror=alert(2)>"与&amp;实体\'引号\'。2020年10月底前完成。\n牵头单位:市生态环境局\n';

/** Starts `gongwen serve` on a free port; resolves with the child and its URL (printed on stderr). */
function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`gongwen serve exited (${code}): ${err}`)));
  });
}

describe.skipIf(skip !== '')('gongwen serve in chromium, as a person uses it', () => {
  let dir: string;
  let server: { child: ChildProcess; url: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-browser-'));
    const inputs = join(dir, 'notices');
    mkdirSync(inputs);
    copyFileSync(join(ROOT, 'corpus/zhengzhou-2020-notice.txt'), join(inputs, 'zhengzhou-2020.txt'));
    copyFileSync(join(ROOT, 'corpus/diff/zhengzhou-2021-notice.txt'), join(inputs, 'zhengzhou-2021.txt'));
    writeFileSync(join(inputs, 'hostile.txt'), HOSTILE);
    const db = join(dir, 'a.db');
    const add = spawnSync(
      process.execPath,
      [CLI, 'archive', 'add', inputs, '--db', db, '--jobs', '1', '--quiet'],
      {
        encoding: 'utf8',
      },
    );
    expect(add.status, add.stderr).toBe(0);
    server = await serve(db);
  }, 180_000);
  afterAll(() => {
    server?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('filters by a unit, opens its page and a task, follows to the highlighted text, opens a series diff', async () => {
    const browser = await launchChromium(dir, { width: 1400, height: 900 });
    try {
      const page = await browser.newPage();
      const elsewhere: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url)) elsewhere.push(r.url());
      });
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      mkdirSync(OUT, { recursive: true });

      // The task table, unfiltered, then filtered by a unit's short spelling and the lead role.
      await page.goto(server.url);
      await page.getByRole('link', { name: '任务 tasks' }).click();
      const count = async () =>
        Number(/^(\d+) tasks$/.exec(await page.locator('h1 + form + p').innerText())![1]);
      const all = await count();
      await page.fill('input[name="unit"]', '市生态环境局');
      await page.selectOption('select[name="role"]', 'lead');
      await page.getByRole('button', { name: 'filter' }).click();
      await page.waitForURL(/unit=/);
      const led = await count();
      expect(led).toBeGreaterThan(10);
      expect(led).toBeLessThan(all);
      // 50 rows a page; the next page holds the rest (the filters kept)
      const leads = await page.locator('tbody tr td:nth-child(6)').allInnerTexts();
      expect(leads).toHaveLength(Math.min(led, 50));
      for (const cell of leads) expect(cell.split('、')).toContain('市生态环境局');
      await page.screenshot({ path: join(OUT, 'archive-tasks.png') });
      if (led > 50) {
        await page.getByRole('link', { name: 'next →' }).click();
        await page.waitForURL(/page=2/);
        const more = await page.locator('tbody tr td:nth-child(6)').allInnerTexts();
        expect(more).toHaveLength(Math.min(led - 50, 50));
        for (const cell of more) expect(cell.split('、')).toContain('市生态环境局');
        await page.getByRole('link', { name: '← previous' }).click();
        await page.waitForURL(/page=1/);
      }

      // The unit's page: its canonical name, every spelling; one of the tasks it leads.
      await page.locator('tbody tr td:nth-child(6) a', { hasText: '市生态环境局' }).first().click();
      await expect(page.locator('h1').innerText()).resolves.toBe('郑州市生态环境局');
      expect(await page.locator('body').innerText()).toMatch(/spellings: .*市生态环境局/);
      const task = page
        .locator('h2:text-is("lead") + p + table tbody tr')
        .first()
        .locator('td:nth-child(4) a');
      const title = await task.innerText();
      await task.click();

      // The notice text, the task's span highlighted and scrolled into view.
      await page.waitForURL(/\/notices\/\d+\?start=\d+&end=\d+#fact$/);
      const mark = page.locator('mark#fact');
      expect(await mark.innerText()).toContain(title);
      const inView = await mark.evaluate((m) => {
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.top < (globalThis as unknown as { innerHeight: number }).innerHeight;
      });
      expect(inView).toBe(true);
      expect(
        await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY),
      ).toBeGreaterThan(0);
      await page.screenshot({ path: join(OUT, 'archive-notice.png') });

      // A plan series and its year-over-year diff report.
      await page.getByRole('link', { name: '档案 archive' }).click();
      await page.locator('a[href^="/series/"]', { hasText: '大气' }).first().click();
      await expect(page.locator('body').innerText()).resolves.toContain('2020 → 2021');
      await page.getByRole('link', { name: 'report' }).first().click();
      await page.waitForURL(/\/diff\/\d+\/\d+$/);
      expect(Number(await page.locator('#summary [data-kind="total"] b').innerText())).toBeGreaterThan(0);
      await page.screenshot({ path: join(OUT, 'archive-diff.png') });

      // The hostile notice: its markup is text on the page; nothing ran, no element was made from it.
      await page.goto(new URL('/tasks?q=onerror', server.url).href);
      await page.locator('tbody tr td:nth-child(1) a').first().click();
      const body = await page.locator('pre').innerText();
      expect(body).toContain('<img src=x onerror=alert(2)>');
      expect(await page.locator('h1').innerText()).toContain('<script>alert(1)</script>');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('body script').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
