import { describe, expect, it } from 'vitest';
import { furnitureProposals } from '../../src/layout/furniture.js';
import { layoutProposals } from '../../src/layout/index.js';
import { PAGE_LAYOUT_RULE } from '../../src/layout/pagetext.js';
import { applyProposals } from '../../src/repair/fixer.js';
import { bodyLines } from '../helpers/seed-lines.js';

/** `pages` pages of `perPage` body lines as pdftotext gives them: a form feed before each next page. */
function pdftotext(pages: number, perPage: number, page: (n: number, body: string[]) => string[]): string {
  const out: string[] = [];
  for (let p = 0; p < pages; p++) out.push(page(p + 1, bodyLines(36, perPage, p * perPage)).join('\n'));
  return out.join('\n\f') + '\n\f';
}

const without = (text: string) => applyProposals(text, furnitureProposals(text)).text;

describe('page-structured text (pdftotext, form feeds between pages)', () => {
  it("drops a browser's header and footer lines (date and time, URL and n/N) at every page's edges", () => {
    const text = pdftotext(4, 14, (n, body) => [
      `12/${n}/26, 10:1${n} PM`,
      '',
      ...body,
      `http://127.0.0.1:36881/007.html                            ${n}/4`,
    ]);
    const out = without(text);
    expect(out).not.toMatch(/10:1\d PM|http|\d\/4/);
    expect(out.replace(/\n/g, '')).toBe(bodyLines(36, 56).join(''));
  });

  it('keeps a line that stands at the top of only one page, and headings at every page top', () => {
    const text = pdftotext(3, 14, (n, body) => [`${'一二三'[n - 1]}、工作要求`, ...body]);
    expect(without(text).replace(/\f/g, '')).toBe(text.replace(/\f/g, ''));
    const once = pdftotext(3, 14, (n, body) => (n === 2 ? ['关于加强管理的说明', ...body] : body));
    expect(without(once)).toContain('关于加强管理的说明');
  });

  it('takes the margin every -layout line shares as layout, keeping first-line indents less the margin', () => {
    const text = pdftotext(2, 12, (_, body) => body.map((l, k) => (k % 4 === 0 ? '    ' : '  ') + l));
    const out = without(text);
    for (const [k, line] of out
      .split('\n')
      .filter((l) => l.trim())
      .entries())
      expect(line.startsWith(k % 4 === 0 ? '  ' : bodyLines(36, 24)[k]!.slice(0, 1)), line).toBe(true);
    expect(furnitureProposals(text).some((p) => p.ruleId === PAGE_LAYOUT_RULE)).toBe(true);
  });

  it('takes out the blank line set between every two printed lines of a double-spaced page', () => {
    const text = pdftotext(2, 12, (_, body) => body.flatMap((l) => [l, '']));
    expect(without(text).replace(/\f/g, '').trimEnd()).toBe(bodyLines(36, 24).join('\n'));
  });

  it('leaves a text without form feeds as it is (margins and blank lines there are no page layout)', () => {
    const text = bodyLines(36, 30)
      .map((l) => `  ${l}\n`)
      .join('\n');
    expect(layoutProposals(text).filter((p) => p.ruleId === PAGE_LAYOUT_RULE)).toEqual([]);
  });
});
