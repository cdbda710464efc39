/**
 * Typesets the PDF fixtures of corpus/pdf/ (run by scripts/pdf-fixtures.sh; see corpus/pdf/README.md):
 *   seed-export.pdf  the seed notice as a word-processor export: A4, 12 pt body indented two characters,
 *                    a running header from page 2 on and a "— N —" page number at the foot of every page;
 *   two-column.pdf   a gazette page: a title across the page, the body of corpus/gov/055.txt in two columns,
 *                    a running header and a "·N·" page number.
 * usage: tsx scripts/pdf/make-fixtures.ts OUT_DIR
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineWidth, measure, PAGE, wrap, writePdf, type Para, type Placed } from './typeset.js';

const SEED = 'corpus/zhengzhou-2020-notice.txt';
const GAZETTE = 'corpus/gov/055.txt';
const SEED_HEADER = '郑州市2020年大气、水、土壤污染防治攻坚战实施方案';
const GAZETTE_HEADER = '中华人民共和国国务院公报';
const MARGIN = { left: 79, right: 74, top: 100, bottom: 90 };
const TEXT_W = PAGE.w - MARGIN.left - MARGIN.right;

interface Column {
  x: number;
  w: number;
}

/** Sets paragraphs into columns, page after page; `chrome` adds the header and footer of page n. */
function setText(
  paras: Para[],
  columns: Column[],
  top: (page: number) => number,
  em: Map<string, number>,
  chrome: (page: number) => Placed[],
  lead = 1.75,
): Placed[][] {
  const pages: Placed[][] = [];
  let page: Placed[] = [];
  let col = 0;
  let y = top(1);
  const bottom = PAGE.h - MARGIN.bottom;
  const newColumn = () => {
    col++;
    if (col === columns.length) {
      pages.push([...page, ...chrome(pages.length + 1)]);
      page = [];
      col = 0;
    }
    y = top(pages.length + 1);
  };
  for (const p of paras) {
    const c = columns[col]!;
    const indent = p.align === 'indent' ? 2 * p.size : 0;
    for (const [i, text] of wrap(p.text, p.size, c.w, indent, em).entries()) {
      if (y + p.size * lead > bottom) newColumn();
      const cc = columns[col]!;
      y += p.size * lead;
      const x =
        p.align === 'center'
          ? cc.x + (cc.w - lineWidth(text, p.size, em)) / 2
          : p.align === 'right'
            ? cc.x + cc.w - 2 * p.size - lineWidth(text, p.size, em)
            : cc.x + (i === 0 ? indent : 0);
      page.push({ text, x, y, size: p.size });
    }
  }
  pages.push([...page, ...chrome(pages.length + 1)]);
  return pages;
}

const SIGNATURE = /^(中共郑州市委办公厅|郑州市人民政府办公厅|\d{4}年\d+月\d+日)$/;

function seedParas(): Para[] {
  const lines = readFileSync(SEED, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.map((l) => {
    const text = l.trim();
    if (!l.startsWith(' ')) return { text, size: 12, align: 'left' };
    return { text, size: 12, align: SIGNATURE.test(text) ? 'right' : 'indent' };
  });
}

async function seedExport(out: string): Promise<void> {
  const paras = seedParas();
  const em = await measure(paras.map((p) => p.text).join('') + SEED_HEADER + '—0123456789');
  const chrome = (n: number): Placed[] => [
    ...(n > 1 ? [{ text: SEED_HEADER, x: PAGE.w / 2, y: 60, size: 9, anchor: 'middle' as const }] : []),
    { text: `— ${n} —`, x: PAGE.w / 2, y: PAGE.h - 45, size: 12, anchor: 'middle' },
  ];
  const pages = setText(paras, [{ x: MARGIN.left, w: TEXT_W }], () => MARGIN.top - 21, em, chrome);
  writePdf(pages, out);
}

async function twoColumn(out: string): Promise<void> {
  const lines = readFileSync(GAZETTE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const title = lines.slice(0, 2);
  const body: Para[] = lines.slice(2).map((text) => ({ text, size: 10.5, align: 'indent' }));
  const em = await measure(lines.join('') + GAZETTE_HEADER + '·0123456789');
  const gutter = 20;
  const colW = (TEXT_W - gutter) / 2;
  const columns = [
    { x: MARGIN.left, w: colW },
    { x: MARGIN.left + colW + gutter, w: colW },
  ];
  const titleLines: Placed[] = title.map((text, i) => ({
    text,
    x: PAGE.w / 2,
    y: MARGIN.top + i * 26,
    size: 16,
    anchor: 'middle',
  }));
  const first = 23;
  const chrome = (n: number): Placed[] => [
    { text: GAZETTE_HEADER, x: PAGE.w / 2, y: 60, size: 9, anchor: 'middle' },
    { text: `·${first + n - 1}·`, x: PAGE.w / 2, y: PAGE.h - 45, size: 10.5, anchor: 'middle' },
  ];
  const top = (n: number) => (n === 1 ? MARGIN.top + 2 * 26 : MARGIN.top - 18);
  const pages = setText(body, columns, top, em, chrome, 1.6);
  pages[0]!.push(...titleLines);
  writePdf(pages, out);
}

const outDir = process.argv[2] ?? 'corpus/pdf';
await seedExport(join(outDir, 'seed-export.pdf'));
await twoColumn(join(outDir, 'two-column.pdf'));
