/**
 * A task table made here (not the seed's), without any rule and with little padding, its cells set in the middle
 * or at the bottom of their rows, printed by Chromium at test time over two pages (the header repeated: a page
 * of a table without rules is found by its header line): its graph is the graph of the same HTML (tasks, units by
 * role, deadlines). Skipped, with a message, when chromium is missing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareGraphs } from '../../src/eval/tables.js';
import { convert } from '../../src/index.js';
import { CHROMIUM, printToPdf } from '../helpers/chromium.js';

if (!CHROMIUM) console.warn('pdf-valign: chromium is missing: the PDF tables made at test time are skipped');

const UNITS = ['市工信局', '市生态环境局', '市发展改革委', '市交通局', '市城管局', '市住房保障局', '市农委'];
const DUE = ['6月底前', '年底前', '9月底前', '', '10月底前'];
const WORDS = [
  '加强统筹协调，',
  '落实属地责任，',
  '完善工作机制，',
  '建立健全长效管理制度，',
  '定期开展督导检查，',
  '及时通报进展情况，',
  '确保各项措施落到实处。',
];

/** The table: two sections, tasks whose measures run from one line to many, some without 配合单位 or a deadline. */
function tableHtml(valign: string): string {
  const cell = (text: string) => `<td valign="${valign}">${text}</td>`;
  const rows: string[] = [];
  let n = 0;
  for (const [s, section] of ['一、推进产业转型', '二、改善城乡环境'].entries()) {
    rows.push(`<tr><td colspan="6">${section}</td></tr>`);
    for (let k = 0; k < 9; k++) {
      n++;
      const measure = Array.from(
        { length: 1 + ((k * 5 + s * 3) % 9) },
        (_, w) => WORDS[(k + w) % WORDS.length],
      );
      rows.push(
        '<tr>' +
          cell(String(n)) +
          cell(`第${n}项重点任务${k % 3 === 0 ? '的推进和落实工作' : ''}`) +
          cell(measure.join('')) +
          cell(UNITS[(n * 3) % UNITS.length]!) +
          cell(
            k % 2 === 0 ? `${UNITS[(n * 5 + 1) % UNITS.length]!}、${UNITS[(n + 4) % UNITS.length]!}` : '',
          ) +
          cell(DUE[n % DUE.length]!) +
          '</tr>',
      );
    }
  }
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>任务分工</title><style>' +
    "@page { size: A4; margin: 2cm; } body { font-family: 'Noto Sans CJK SC'; font-size: 10pt; } " +
    'table { border-collapse: collapse; width: 100%; } td, th { padding: 1px 3px; }' +
    '</style></head><body><table frame="void" rules="none"><thead><tr><th>序号</th><th>重点任务</th><th>具体措施</th>' +
    `<th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`
  );
}

describe.skipIf(!CHROMIUM)(
  'a task table without rules, cells in the middle or at the bottom (Chromium)',
  () => {
    it.each(['middle', 'bottom'])(
      'valign="%s": the graph of the same HTML',
      async (valign) => {
        const dir = mkdtempSync(join(tmpdir(), 'gongwen-pdf-valign-'));
        try {
          const html = join(dir, 'table.html');
          const pdf = join(dir, 'table.pdf');
          writeFileSync(html, tableHtml(valign));
          printToPdf(html, pdf, dir);
          const read = (path: string) => convert(new Uint8Array(readFileSync(path)), { path });
          const [want, got] = [await read(html), await read(pdf)];
          const scores = compareGraphs(want, got);
          expect(scores[0]!.gold).toBe(18);
          for (const s of scores) expect(s.f1, `${s.kind}: missed ${s.missed.slice(0, 3).join(' ')}`).toBe(1);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      120_000,
    );
  },
);
