/**
 * A site's metadata grid printed to PDF by WeasyPrint (label and value in one cell, two cells a row): the PDF's
 * text runs the grid's pairs together on a line, and each label still takes its own value. Skipped without
 * weasyprint (scripts/system-deps.sh installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertBytes, hasCommand } from './pdf-helpers.js';

const present = hasCommand('weasyprint');
if (!present) console.warn('pdf-head-grid: weasyprint is not installed; skipped');

const CELLS = [
  ['发文机关：某省人民政府办公厅', '成文日期：2021年03月15日'],
  ['发文字号：某政办发〔2021〕7号', '发布日期：2021年03月20日'],
];

const page = (ruled: boolean): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: "Noto Sans CJK SC"; font-size: 12pt } td { padding: 2pt 6pt }
table { border-collapse: collapse } ${ruled ? 'td { border: 1px solid black }' : ''}</style></head><body>
<table>${CELLS.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>
<p style="text-align:center;font-size:16pt">某省人民政府办公厅关于做好某项工作的通知</p>
<p>各市人民政府，省政府各部门：</p>
<p style="text-indent:2em">现将有关事项通知如下，请认真贯彻执行，切实抓好各项工作的落实，确保取得实效。</p>
<p style="text-indent:2em">一、总体要求</p>
<p style="text-indent:2em">坚持问题导向，突出工作重点，强化责任落实，推动各项工作取得新的更大成效。</p>
</body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'gongwen-grid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!present)('a metadata grid printed to PDF', () => {
  // One PDF (weasyprint takes 10–25 s on a busy machine); ruled cells give the same text here.
  it('each label takes its own value', { timeout: 120_000 }, async () => {
    const ruled = false;
    const html = join(dir, `grid-${ruled}.html`);
    const pdf = join(dir, `grid-${ruled}.pdf`);
    writeFileSync(html, page(ruled));
    execFileSync('weasyprint', [html, pdf], { stdio: 'ignore' });
    const d = (await convertBytes(new Uint8Array(readFileSync(pdf)), `grid-${ruled}.pdf`)).document;
    expect({
      issuers: d.issuers,
      docNumber: d.docNumber,
      date: d.date,
      publishDate: d.publishDate,
      title: d.fullTitle,
    }).toEqual({
      issuers: ['某省人民政府办公厅'],
      docNumber: '某政办发〔2021〕7号',
      date: '2021-03-15',
      publishDate: '2021-03-20',
      title: '某省人民政府办公厅关于做好某项工作的通知',
    });
  });
});
