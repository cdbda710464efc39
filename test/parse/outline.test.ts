/**
 * Property test (issue 13, headings): a plan's sections are the same whether or not a table of contents stands
 * before the body, an attachment list (附件：1.…) closes it, or one top-level heading (not the last) lost its
 * numeral before its (一) — then restored from the sequence with a diagnostic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const TITLES = ['总体要求', '主要任务', '保障措施', '工作目标', '重点工作', '组织实施'];
const PARA = '坚持问题导向，强化统筹协调，持续推进各项工作落实，确保取得实效。\n';
const LETTER =
  '某市人民政府关于印发某市工作方案的通知\n各区人民政府，市政府各部门：\n现将《某市工作方案》印发给你们，请认真贯彻执行。\n某市人民政府\n2021年3月1日\n某市工作方案\n';

const plan = fc.record({
  /** Number of (一)-level headings under each 一、-level one (0–3). */
  children: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 6 }),
  contents: fc.constantFrom(null, 'header', 'dots only'),
  attachments: fc.integer({ min: 0, max: 3 }),
  /** Index of the top-level heading that lost its numeral (used when it is not the last and has (一)). */
  lost: fc.nat(),
});

describe('contents, attachment lists and a lost numeral leave the sections as numbered (property)', () => {
  it('gives the sections of the numbered plan', () => {
    fc.assert(
      fc.property(plan, ({ children, contents, attachments, lost }) => {
        const at = lost % children.length;
        const drop = at < children.length - 1 && children[at]! > 0 ? at : -1;
        const want: string[] = [];
        const body: string[] = [];
        const toc: string[] = [];
        children.forEach((n, i) => {
          want.push(NUMERALS[i]!);
          body.push(`${i === drop ? '' : `${NUMERALS[i]}、`}${TITLES[i]}`);
          toc.push(`${NUMERALS[i]}、${TITLES[i]}……………………${i + 1}`);
          for (let k = 0; k < n; k++) {
            want.push(`${NUMERALS[i]}/(${NUMERALS[k]})`);
            body.push(`（${NUMERALS[k]}）${TITLES[k]}`, PARA.trimEnd());
          }
          if (n === 0) body.push(PARA.trimEnd());
        });
        const list = Array.from({ length: attachments }, (_, k) => `${k + 1}.某市2021年${TITLES[k]}任务清单`);
        if (list.length > 0) list[0] = `附件：${list[0]}`;
        const head = contents === 'header' ? ['目  录', ...toc] : contents === 'dots only' ? toc : [];
        const text = `${LETTER}${[...head, ...body, ...list].join('\n')}\n`;
        const g = convertSync(text, { path: 'outline.txt' });
        const paths = g.nodes.filter((n) => n.type === 'section').map((n) => (n as { path: string }).path);
        expect(paths, text).toEqual(want);
        expect(
          g.nodes.filter((n) => n.type === 'task'),
          text,
        ).toEqual([]);
        const codes = g.diagnostics.map((d) => d.code);
        expect(codes.includes('heading-restored'), text).toBe(drop >= 0);
        expect(codes.includes('table-of-contents'), text).toBe(contents !== null);
      }),
      { numRuns: 150 },
    );
  });
});
