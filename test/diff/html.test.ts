import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffFixture, loadDiffFixtures } from '../../src/diff/eval.js';
import { convertSync } from '../../src/index.js';
import { renderDiffHtml } from '../../src/render/diff-html.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'out');
const SCREENSHOT = join(OUT, 'diff-report.png');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `test/diff/html.test.ts: skipped, ${CHROMIUM} is missing (bash scripts/system-deps.sh chromium)`,
  );

describe.skipIf(!hasChromium)('HTML diff report in headless chromium', () => {
  it('shows the summary and the changed targets; the unit filter hides other rows', async () => {
    const { fixture } = loadDiffFixtures().find((f) => f.pair === 'zhengzhou-2020-2021')!;
    const side = (p: string) => convertSync(readFileSync(join(ROOT, p)), { path: p });
    const d = diffFixture(fixture);
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'diff-report.html');
    writeFileSync(file, renderDiffHtml(d, side(fixture.old), side(fixture.new)));

    const { chromium } = await import('playwright-core');
    // a fresh profile: playwright takes it as the persistent context's user data dir (--user-data-dir)
    const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gongwen-chromium-')), {
      executablePath: CHROMIUM,
      viewport: { width: 1400, height: 1000 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(file).href);
      // summary counts
      const count = (kind: string) => page.locator(`#summary [data-kind="${kind}"] b`).innerText();
      expect(await count('total')).toBe(String(d.changes.length));
      expect(await count('target_changed')).toBe(String(d.summary.target_changed));
      // the changed targets, with their direction
      const body = await page.locator('body').innerText();
      expect(body).toContain('PM2.5(细颗粒物)年均浓度: <= 56 微克/立方米 → <= 50 微克/立方米');
      expect(body).toContain('目标调整(放宽) 智慧化工地试点');
      expect(await page.locator('li.k-target_changed.tightened').count()).toBeGreaterThan(0);
      // filter by unit: only rows naming the unit stay visible
      const rows = page.locator('tr.row');
      const visible = async () =>
        await rows.evaluateAll((rs) =>
          rs
            .filter((r) => !(r as unknown as { hidden: boolean }).hidden)
            .map((r) => r.getAttribute('data-units') ?? ''),
        );
      const before = await visible();
      await page.selectOption('#unit-filter', '市园林局');
      const after = await visible();
      expect(after.length).toBeGreaterThan(0);
      expect(after.length).toBeLessThan(before.length);
      for (const units of after) expect(units.split('|')).toContain('市园林局');
      // filter by kind: unticking every kind but task_moved leaves the moved tasks
      await page.selectOption('#unit-filter', '');
      for (const box of await page.locator('#kind-filter input').all())
        if ((await box.getAttribute('value')) !== 'task_moved') await box.uncheck();
      expect((await visible()).length).toBe(d.summary.task_moved);
      for (const box of await page.locator('#kind-filter input').all()) await box.check();
      await page.screenshot({ path: SCREENSHOT });
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
