import { describe, expect, it } from 'vitest';
import { furnitureProposals } from '../../src/layout/furniture.js';
import { layoutProposals } from '../../src/layout/index.js';
import { PAGE_LAYOUT_RULE, readColumns } from '../../src/layout/pagetext.js';
import { decodeText } from '../../src/ingest/text.js';
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

  it('joins the lines of a bracketed statement that closes a few lines on, blank lines and all', () => {
    const statement = [
      '责任单位:各开发区管委会、县(市)区政府[以下各开',
      '',
      '发区管委会、县',
      '',
      '(市)区政府均为责任单位,不再列出]',
    ];
    const text = pdftotext(2, 12, (n, body) => (n === 1 ? [...body, ...statement] : body));
    // pdftotext ends each block short (…、县↵(市)区政府…): the line ends inside the brackets are wraps.
    expect(without(text)).toContain(
      '\n责任单位:各开发区管委会、县(市)区政府[以下各开发区管委会、县(市)区政府均为责任单位,不再列出]\n',
    );
    // Never closed: the blank lines stay.
    const open = pdftotext(2, 12, (n, body) =>
      n === 1 ? [...body, ...statement.slice(0, 3), '', ...body] : body,
    );
    expect(without(open)).toContain('[以下各开\n\n发区管委会、县');
  });

  it("puts back an item's marker pdftotext left alone at its page's bottom, where its sequence has the slot", () => {
    const header = (n: number) => [`12/6/26, 10:1${n} PM`, ''];
    const footer = (n: number) => ['', `http://127.0.0.1:36881/006.html`, '', `${n}/3`];
    const item = (marker: string, body: string[]) => [
      `${marker}${body[0]}`,
      ...body.slice(1, -1),
      `${body.at(-1)}。`,
    ];
    const pages = (last2: string[], top2: string) => [
      [...header(1), ...item('1.摸底排查。', bodyLines(36, 10, 0)), ...footer(1)],
      [
        ...header(2),
        `${top2}${bodyLines(36, 1, 20)[0]}`,
        ...item('', bodyLines(36, 5, 21)),
        ...item('3.监督评估。', bodyLines(36, 6, 30)),
        ...last2,
        ...footer(2),
      ],
      [...header(3), ...item('4.建立机制。', bodyLines(36, 10, 40)), ...footer(3)],
    ];
    const paged = (ps: string[][]) => ps.map((lines) => lines.join('\n')).join('\n\f') + '\n\f';
    const text = paged(pages(['2.'], '全面整改。'));
    const out = applyProposals(text, layoutProposals(text)).text;
    expect(out).toContain('\n2.全面整改。');
    expect(out).not.toMatch(/\n2\.\n/);
    // No slot: the page opens with a marker, or the item is there already, or the line before ends no sentence.
    for (const [last, top] of [
      [['2.'], '5.全面整改。'],
      [['5.'], '全面整改。'],
    ] as const) {
      const other = paged(pages([...last], top));
      expect(applyProposals(other, layoutProposals(other)).text, top).not.toContain(`${last[0]}全面整改`);
    }
  });

  it('leaves a text without form feeds as it is (margins and blank lines there are no page layout)', () => {
    const text = bodyLines(36, 30)
      .map((l) => `  ${l}\n`)
      .join('\n');
    expect(layoutProposals(text).filter((p) => p.ruleId === PAGE_LAYOUT_RULE)).toEqual([]);
  });
});

/** A -layout page of two columns of `rows` lines each (`width` characters), `gap` spaces apart, and a footer. */
function twoColumns(rows: number, width: number, gap: number, from: number, n: number): string {
  const left = bodyLines(width, rows, from);
  const right = bodyLines(width, rows, from + rows);
  const lines = left.map((l, k) => `${l}${' '.repeat(gap)}${right[k]}`);
  return [...lines.flatMap((l) => [l, '']), `${' '.repeat(width)}—${n}—`].join('\n');
}

describe('two text columns of a fixed-width page (pdftotext -layout)', () => {
  const pages = [twoColumns(12, 13, 6, 0, 1), twoColumns(12, 13, 6, 24, 2)];
  const text = pages.join('\n\f') + '\n\f';

  it('are read column by column, page by page; a centred page number stays between the pages', () => {
    const out = readColumns(text);
    expect(out).not.toBeNull();
    const body = out!
      .split('\n')
      .map((l) => l.replace(/\f/g, ''))
      .filter((l) => l.trim() && !/^\s*—\d+—$/.test(l));
    // (a space that starts a column's line is indistinguishable from the layout's)
    expect(body.join('').replace(/ /g, '')).toBe(bodyLines(13, 48).join('').replace(/ /g, ''));
    expect(out!.split('\f')).toHaveLength(3);
  });

  it('split where a punctuation mark hangs into the gutter, one space left', () => {
    const lines = twoColumns(12, 13, 6, 0, 1).split('\n');
    lines[4] = `${bodyLines(13, 1, 2)[0]}。 ${bodyLines(13, 1, 14)[0]}`;
    const out = readColumns(lines.join('\n') + '\n\f')!;
    expect(out.split('\n')).toContain(`${bodyLines(13, 1, 2)[0]}。`);
    expect(out.split('\n')).toContain(bodyLines(13, 1, 14)[0]);
  });

  it("split where a full left line ends before the gutter and the right column's short line starts one space on", () => {
    // LibreOffice's …精准施治。 府 / …市商务局、 治基础: the right column's last word of a paragraph, set close.
    const lines = twoColumns(12, 13, 6, 0, 1).split('\n');
    lines[4] = `${bodyLines(13, 1, 2)[0]}。 府`;
    const out = readColumns(lines.join('\n') + '\n\f')!.split('\n');
    expect(out).toContain(`${bodyLines(13, 1, 2)[0]}。`);
    expect(out).toContain('府');
    // A short left line (a paragraph's last) keeps a space inside it: it does not reach the column's edge.
    lines[4] = `${bodyLines(13, 1, 2)[0]!.slice(0, 6)}。 府`;
    expect(readColumns(lines.join('\n') + '\n\f')!.split('\n')).toContain(lines[4]);
  });

  it('leave one-column pages, text without form feeds and a grid of short cells alone', () => {
    const one = bodyLines(30, 30).join('\n') + '\n\f';
    expect(readColumns(one)).toBeNull();
    expect(readColumns(pages[0]!)).toBeNull();
    const grid = Array.from(
      { length: 12 },
      (_, k) =>
        `  ${k + 1}    ${k % 3 ? '市生态环境局' : '市工信局'}    ${k % 2 ? '2020年底前' : '长期坚持'}`,
    );
    expect(readColumns(grid.join('\n') + '\n\f')).toBeNull();
  });

  it('with a gutter one blank wide (LibreOffice, WeasyPrint: 0.5 em at 16 pt) are read column by column too', () => {
    // Full left lines end one blank before the right column; a paragraph's short last line is padded up to it.
    const page = (from: number, n: number) => {
      const lines = twoColumns(12, 13, 1, from, n).split('\n');
      lines[6] = `${bodyLines(13, 1, from + 3)[0]!.slice(0, 5)}${' '.repeat(9)}${bodyLines(13, 1, from + 15)[0]}`;
      lines[14] = `${bodyLines(13, 1, from + 7)[0]!.slice(0, 4)}${' '.repeat(10)}${bodyLines(13, 1, from + 19)[0]}`;
      return lines.join('\n');
    };
    const narrow = [page(0, 1), page(24, 2)].join('\n\f') + '\n\f';
    const out = readColumns(narrow)!.replace(/[\s\f]|—\d—/g, '');
    const want = (from: number) =>
      bodyLines(13, 24, from)
        .map((l, k) => (k === 3 ? l.slice(0, 5) : k === 7 ? l.slice(0, 4) : l))
        .join('')
        .replace(/ /g, '');
    expect(out).toBe(want(0) + want(24));
  });

  it('with a one-blank gutter only in fixed-width text: plain pdftotext lines, never padded, are left alone', () => {
    // Plain pdftotext reads two level columns straight across with one space; their short lines stand alone.
    const plain = twoColumns(12, 13, 1, 0, 1).replace(/\n\n/g, '\n') + '\n\f';
    expect(readColumns(plain)).toBeNull();
  });

  it('are read so at ingest: the source text is in reading order', () => {
    const source = decodeText(new TextEncoder().encode(text), 'copy.layout.txt');
    expect(source.raw).toBe(readColumns(text));
  });
});
