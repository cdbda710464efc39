import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { diffFixture, loadDiffFixtures } from '../../src/diff/eval.js';
import { convertSync } from '../../src/index.js';
import { renderDiffDocx } from '../../src/render/diff-docx.js';
import { DIFF_ROW_COLUMNS } from '../../src/render/diff-rows.js';
import { DIFF_SHEET, renderDiffXlsx } from '../../src/render/diff-xlsx.js';
import { hasCommand } from '../ingest/pdf-helpers.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const { fixture } = loadDiffFixtures().find((f) => f.pair === 'zhengzhou-2020-2021')!;
const side = (p: string) => convertSync(readFileSync(join(ROOT, p)), { path: p });
const d = diffFixture(fixture);

const SOFFICE = hasCommand('soffice') ? 'soffice' : hasCommand('libreoffice') ? 'libreoffice' : null;
const PDFTOTEXT = hasCommand('pdftotext', ['-v']);
if (!SOFFICE || !PDFTOTEXT)
  console.warn(
    'test/diff/reports.test.ts: the LibreOffice check of the .docx is skipped, soffice or pdftotext is missing (bash scripts/system-deps.sh)',
  );

describe('diff --format xlsx', () => {
  it('reads back with exceljs: a header with filters, one row per change', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderDiffXlsx(d)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(DIFF_SHEET)!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...Object.values(DIFF_ROW_COLUMNS)]);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(d.changes.length + 1);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const col = (name: keyof typeof DIFF_ROW_COLUMNS) => Object.keys(DIFF_ROW_COLUMNS).indexOf(name) + 1;
    const mine = rows.find((r) => r[col('item')] === '绿色矿山');
    expect(mine?.[col('plan')]).toBe('soil');
    expect(mine?.[col('kind')]).toBe('目标调整 (target_changed)');
    expect(mine?.[col('direction')]).toBe('收紧 (tightened)');
    expect(mine?.[col('old')]).toBe('= 13 个');
    expect(mine?.[col('new')]).toBe('= 15 个');
    const unit = rows.find((r) => r[col('unit')] === '市园林局');
    expect(unit?.[col('kind')]).toBe('删除单位 (unit_removed)');
    expect(unit?.[col('path')]).toBe('三/(五)/12 → 三/(五)/14');
  });
});

describe('diff --format docx', () => {
  it('is a Word document: summary table, then plan by plan old and new side by side, changes marked', async () => {
    const bytes = await renderDiffDocx(d, side(fixture.old), side(fixture.new));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('变化汇总');
    expect(xml).toContain('目标调整(收紧) 绿色矿山: = 13 个 → = 15 个');
    expect(xml).toContain('<w:strike/>'); // a deleted word on the old side
    expect(xml).toContain('<w:u w:val="single"/>'); // an inserted word on the new side
  });

  it.skipIf(!SOFFICE || !PDFTOTEXT)(
    'opens in LibreOffice: converted to PDF, its text read back',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongwen-docx-'));
      const file = join(dir, 'report.docx');
      writeFileSync(file, await renderDiffDocx(d, side(fixture.old), side(fixture.new)));
      const conv = spawnSync(
        SOFFICE!,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          file,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(conv.status, conv.stderr).toBe(0);
      const text = spawnSync('pdftotext', [join(dir, 'report.pdf'), '-'], {
        encoding: 'utf8',
      }).stdout.replace(/\s+/g, '');
      expect(text).toContain('变化汇总');
      expect(text).toContain('目标调整(target_changed)');
      expect(text).toContain('郑州市2021年土壤污染防治攻坚战');
      expect(text).toContain('目标调整(放宽)智慧化工地试点:=100个→=80个');
    },
    150_000,
  );
});
