import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { furnitureProposals, FURNITURE_RULE } from '../../src/layout/furniture.js';
import { layoutProposals } from '../../src/layout/index.js';
import { applyProposals, unrepair } from '../../src/repair/fixer.js';
import { repair } from '../../src/repair/index.js';
import { bodyLines } from '../helpers/seed-lines.js';

const OCR = readFileSync('corpus/layout/seed.tesseract.txt', 'utf8');
const RUNNING_HEAD = '郑州市2020年大气、水、土壤污染防治攻坚战实施方案';

/** Pages of `perPage` lines, each followed by `foot(n)` lines and led (from the second) by `head` lines. */
function paged(pages: number, perPage: number, foot: (n: number) => string[], head: string[] = []): string {
  const out: string[] = [];
  for (let p = 0; p < pages; p++) {
    if (p > 0) out.push(...head);
    out.push(...bodyLines(30, perPage, p * perPage), ...foot(p + 1));
  }
  return out.join('\n') + '\n';
}

const removed = (text: string) => furnitureProposals(text).map((p) => text.slice(p.start, p.end));
const without = (text: string) => applyProposals(text, furnitureProposals(text)).text;

describe('page furniture in text', () => {
  it("removes tesseract's page numbers and running heads from the seed's pages, and nothing else", () => {
    const gone = removed(OCR);
    // 19 pages: 18 breaks with a number and the next page's head, and the last page's number.
    expect(gone).toHaveLength(19);
    for (const chunk of gone)
      for (const line of chunk.split('\n').filter((l) => l.trim()))
        expect(line === RUNNING_HEAD || /^一[\d了]+一$/.test(line), line).toBe(true);
    const text = without(OCR);
    expect(text.split('\n')).not.toContain(RUNNING_HEAD);
    // The sentence cut by the second page break meets again (…推行强制性 | 清洁生产审核。).
    expect(text).toContain('推行强制性\n清洁生产审核。');
  });

  it('removes a running head beside a page number even when a character of it is misread', () => {
    let k = 0;
    const misread = OCR.replace(/郑州市2020年大气、水、土壤污染防治攻坚战实施方案\n/g, (head) =>
      ++k === 5 ? head.replace('土壤', '土壊') : head,
    );
    expect(misread).not.toBe(OCR);
    expect(without(misread).split('\n')).not.toContain(RUNNING_HEAD.replace('土壤', '土壊'));
    // Nothing else goes with it: still one run of furniture a page break.
    expect(removed(misread)).toHaveLength(19);
  });

  it('the layout pass rejoins a paragraph across a page break, each edit in raw offsets', () => {
    const result = applyProposals(OCR, layoutProposals(OCR));
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toContain('鼓励对重点行业推行强制性清洁生产审核。');
    expect(result.edits.filter((e) => e.ruleId === FURNITURE_RULE)).toHaveLength(19);
    // The raw text is rebuilt from the repaired text and the edits, after the whole repair stage too.
    expect(unrepair(result.text, result.edits)).toBe(OCR);
    const repaired = repair(OCR);
    expect(repaired.text).not.toContain('一2一');
    expect(unrepair(repaired.text, repaired.edits)).toBe(OCR);
  });

  it('removes page numbers of every form that count up at a page-length period', () => {
    for (const foot of [
      (n: number) => ['', `— ${n} —`, ''],
      (n: number) => [`-${n}-`],
      (n: number) => [`第${n}页`],
      (n: number) => [`${n}/4`],
      (n: number) => [`${n}`],
    ]) {
      const text = paged(4, 20, foot);
      expect(without(text), foot(1).join('|')).toBe(bodyLines(30, 80).join('\n') + '\n');
    }
  });

  it("removes pdftotext's form feeds with its page numbers, and the layout pass rejoins what they cut", () => {
    const pages = [0, 1, 2].map((p) => bodyLines(30, 20, p * 20));
    const text = pages.map((lines, p) => `${p ? '\f' : ''}${lines.join('\n')}\n\n— ${p + 1} —\n\n`).join('');
    expect(without(text)).toBe(bodyLines(30, 60).join('\n') + '\n');
    const { text: laid } = applyProposals(text, layoutProposals(text));
    expect(laid).not.toMatch(/\f|— \d —/);
    expect(laid.split('\n').filter(Boolean).length).toBeLessThan(20);
  });

  it('removes a running head that recurs at a page-length period even without page numbers', () => {
    const text = paged(5, 20, () => [], ['国务院关于某项工作的通知']);
    expect(without(text)).toBe(bodyLines(30, 100).join('\n') + '\n');
    // Three times is a heading each of three plans may repeat (保障措施), not yet a running head.
    expect(furnitureProposals(paged(4, 20, () => [], ['保障措施']))).toEqual([]);
  });

  it('keeps a notice line that reads like a page number but stands alone', () => {
    const body = bodyLines(30, 40);
    const text = [...body.slice(0, 20), '— 2 —', ...body.slice(20)].join('\n') + '\n';
    expect(furnitureProposals(text)).toEqual([]);
    // Nor do page numbers out of order, or too close for pages, make a run.
    const close = [...body.slice(0, 5), '-1-', ...body.slice(5, 10), '-2-', ...body.slice(10)].join('\n');
    expect(furnitureProposals(close)).toEqual([]);
    const order = [...body.slice(0, 15), '-3-', ...body.slice(15, 30), '-1-', ...body.slice(30)].join('\n');
    expect(furnitureProposals(order)).toEqual([]);
  });

  it('keeps role lines and a passage the text repeats, however regularly they recur', () => {
    const lines: string[] = [];
    for (let p = 0; p < 4; p++) lines.push(...bodyLines(30, 15, p * 15), '牵头单位:市生态环境局');
    expect(furnitureProposals(lines.join('\n'))).toEqual([]);
    const passage = bodyLines(30, 2, 200);
    const repeated: string[] = [];
    for (let p = 0; p < 4; p++) repeated.push(...bodyLines(30, 15, p * 15), ...passage);
    expect(furnitureProposals(repeated.join('\n'))).toEqual([]);
  });
});
