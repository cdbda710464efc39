/**
 * Columns with a narrow gutter (about one character, as a word processor sets two columns of 16 pt text):
 * read column by column, whatever the producer. Synthetic pages built from runs, and LibreOffice's export of
 * the seed when `npm run fixtures:producers` has made it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../src/ingest/pdf/lines.js';
import type { PageText, TextRun } from '../../src/ingest/pdf/types.js';
import { convertBytes, CORPUS, seedF1 } from './pdf-helpers.js';

const SIZE = 16;
const PITCH = 34.5;

/** A run of `n` CJK glyphs (one a char) starting at x. */
const run = (text: string, x: number, y: number): TextRun => ({
  text,
  x,
  y,
  w: [...text].length * SIZE,
  size: SIZE,
});

/** Two columns of `rows` lines, `chars` glyphs wide, `gutter` points apart; left lines say L<i>, right R<i>. */
function twoColumns(rows: number, chars: number, gutter: number, left = 72): PageText {
  const runs: TextRun[] = [];
  const right = left + chars * SIZE + gutter;
  for (let i = 0; i < rows; i++) {
    const y = 90 + i * PITCH;
    runs.push(run(`左${String(i).padStart(2, '0')}${'字'.repeat(chars - 3)}`, left, y));
    runs.push(run(`右${String(i).padStart(2, '0')}${'文'.repeat(chars - 3)}`, right, y));
  }
  return { page: 1, width: 595, height: 842, runs, ocr: false };
}

const order = (page: PageText) => pageLines(page).map((l) => l.text.slice(0, 3));

describe('columns with a narrow gutter', () => {
  for (const gutter of [10, 16, 24, 40]) {
    it(`are read column by column with a ${gutter} pt gutter`, () => {
      const got = order(twoColumns(20, 13, gutter));
      const want = [
        ...Array.from({ length: 20 }, (_, i) => `左${String(i).padStart(2, '0')}`),
        ...Array.from({ length: 20 }, (_, i) => `右${String(i).padStart(2, '0')}`),
      ];
      expect(got).toEqual(want);
    });
  }

  it('keeps a full stop that hangs into the gutter with its left line, and a centred page number apart', () => {
    const page = twoColumns(20, 13, 18);
    // Line 5 of the left column ends in a full stop set into the gutter; a page number sits across it.
    page.runs.push(run('。', 72 + 13 * SIZE, 90 + 5 * PITCH), run('—6—', 275, 800));
    const lines = pageLines(page);
    const five = lines.find((l) => l.text.startsWith('左05'))!;
    expect(five.text.endsWith('。')).toBe(true);
    expect(five.side).toBe('left');
    expect(lines.findIndex((l) => l.text.startsWith('右00'))).toBe(20);
  });

  it('does not split one column of full lines, nor a page of short lines', () => {
    const one: PageText = {
      page: 1,
      width: 595,
      height: 842,
      runs: Array.from({ length: 20 }, (_, i) => run('字'.repeat(28), 72, 90 + i * PITCH)),
      ocr: false,
    };
    expect(pageLines(one).every((l) => l.side === 'full')).toBe(true);
    const short: PageText = {
      ...one,
      runs: Array.from({ length: 20 }, (_, i) => run('字'.repeat(4 + (i % 9)), 72, 90 + i * PITCH)),
    };
    expect(pageLines(short).every((l) => l.side === 'full')).toBe(true);
  });
});

/** `cols` columns of `rows` lines each, `chars` glyphs wide, `gutter` points apart, from y = `top`; column c's lines
 *  say C<c><i> (A, B, C…). */
function columns(cols: number, rows: number, chars: number, gutter: number, top = 90, left = 40): TextRun[] {
  const runs: TextRun[] = [];
  for (let c = 0; c < cols; c++)
    for (let i = 0; i < rows; i++)
      runs.push(
        run(
          `${'ABC'[c]}${String(i).padStart(2, '0')}${'字'.repeat(chars - 3)}`,
          left + c * (chars * SIZE + gutter),
          top + i * PITCH,
        ),
      );
  return runs;
}

const want = (letters: string, rows: number) =>
  [...letters].flatMap((c) => Array.from({ length: rows }, (_, i) => `${c}${String(i).padStart(2, '0')}`));

describe('reading order from the lines themselves: bands and columns', () => {
  it('reads a full-width head (title, 发文字号 flush right, date) in place, then two columns', () => {
    const page: PageText = {
      page: 1,
      width: 595,
      height: 842,
      ocr: false,
      runs: [
        run('关于印发某某工作方案的通知的标题长长的一行', 120, 60),
        run('某政发〔2020〕1号', 555 - 11 * SIZE, 60 + PITCH),
        run('发布日期:2020年1月2日', 40, 60 + 2 * PITCH),
        ...columns(2, 14, 15, 12, 60 + 3 * PITCH),
      ],
    };
    const got = order(page);
    expect(got.slice(0, 3)).toEqual(['关于印', '某政发', '发布日']);
    expect(got.slice(3)).toEqual(want('AB', 14));
    const lines = pageLines(page);
    expect(lines[1]!.side).toBe('full');
    expect(lines[3]!.side).toBe('left');
    expect(lines.at(-1)!.side).toBe('right');
  });

  it('finds the gutter below a head longer than the columns', () => {
    const head = Array.from({ length: 12 }, (_, i) =>
      run(`头${String(i).padStart(2, '0')}${'题'.repeat(27)}`, 40, 60 + i * PITCH),
    );
    const page: PageText = {
      page: 1,
      width: 595,
      height: 842,
      ocr: false,
      runs: [...head, ...columns(2, 8, 15, 10, 60 + 12 * PITCH)],
    };
    const got = order(page);
    expect(got.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `头${String(i).padStart(2, '0')}`));
    expect(got.slice(12)).toEqual(want('AB', 8));
  });

  it('keeps a full-width title inside a two-column page in its place, between two bands', () => {
    const page: PageText = {
      page: 1,
      width: 595,
      height: 842,
      ocr: false,
      runs: [
        ...columns(2, 6, 15, 12, 60),
        run('附件标题横跨两栏的一行字', 200, 60 + 6 * PITCH),
        ...columns(2, 6, 15, 12, 60 + 7 * PITCH).map((r) => ({
          ...r,
          text: r.text.replace(/^[AB]/, (c) => (c === 'A' ? 'a' : 'b')),
        })),
      ],
    };
    expect(order(page)).toEqual([...want('AB', 6), '附件标', ...want('ab', 6)]);
  });

  for (const gutter of [8, 16, 36])
    it(`reads three columns column by column (${gutter} pt gutters)`, () => {
      const page: PageText = {
        page: 1,
        width: 595,
        height: 842,
        ocr: false,
        runs: columns(3, 16, 9, gutter),
      };
      expect(order(page)).toEqual(want('ABC', 16));
      expect(new Set(pageLines(page).map((l) => l.side))).toEqual(new Set(['left', 'middle', 'right']));
    });

  it('finds the gutter beside a column of short paragraphs as wide as the prose column', () => {
    // The left column: a title over two full lines and a short one, then a web page's fields one a line (索引号,
    // 发文字号…), indented; the right column: prose. Half a character between them.
    const gutter = 8;
    const right = 40 + 15 * SIZE + gutter;
    const fields = [
      '索引号',
      '文件类型',
      '通知',
      '发文单位',
      '某某市人民政府',
      '发文字号',
      '某政发〔2023〕19号',
    ];
    const runs = [
      run('某某市人民政府关于印发某某', 40 + 2 * SIZE, 60),
      run('的实施措施和工作方案的通知', 40, 60 + PITCH),
      run('若干条款的通知', 40, 60 + 2 * PITCH),
      ...Array.from({ length: 14 }, (_, i) =>
        run(fields[i % fields.length]!, 40 + 2 * SIZE, 60 + (3 + i) * PITCH),
      ),
      ...Array.from({ length: 17 }, (_, i) =>
        run(`右${String(i).padStart(2, '0')}${'文'.repeat(12)}`, right, 60 + i * PITCH),
      ),
    ];
    // A browser's date and address in small print, further left than either column, move no column's edge.
    runs.push({ text: '12/7/26, 8:18 PM', x: 12, y: 20, w: 68, size: 8 });
    runs.push({ text: 'http://127.0.0.1/notice.html', x: 12, y: 820, w: 120, size: 8 });
    const lines = pageLines({ page: 1, width: 595, height: 842, ocr: false, runs });
    expect(lines.filter((l) => l.side === 'right').map((l) => l.text.slice(0, 3))).toEqual(
      Array.from({ length: 17 }, (_, i) => `右${String(i).padStart(2, '0')}`),
    );
    expect(lines.filter((l) => l.side === 'left')).toHaveLength(17 + 2);
    // A form: labels beside their values (prose, wider than the labels) is one column.
    const form = [
      ...Array.from({ length: 12 }, (_, i) =>
        run(fields[i % fields.length]!.slice(0, 4), 40, 60 + i * PITCH),
      ),
      ...Array.from({ length: 12 }, (_, i) => run('值'.repeat(24), 40 + 5 * SIZE, 60 + i * PITCH)),
    ];
    expect(
      pageLines({ page: 1, width: 595, height: 842, ocr: false, runs: form }).every((l) => l.side === 'full'),
    ).toBe(true);
  });

  it('does not split a page whose short lines and flush-right signature stand apart', () => {
    const runs = [
      ...Array.from({ length: 6 }, (_, i) => run('字'.repeat(28), 40, 60 + i * PITCH)),
      ...Array.from({ length: 5 }, (_, i) =>
        run(`附件${i + 1}.${'名'.repeat(6 + (i % 3))}`, 40, 60 + (6 + i) * PITCH),
      ),
      ...['某某市人民政府办公室', '某某市财政局', '2020年1月2日'].map((t, i) =>
        run(t, 555 - [...t].length * SIZE, 60 + (12 + i) * PITCH),
      ),
    ];
    const page: PageText = { page: 1, width: 595, height: 842, ocr: false, runs };
    expect(pageLines(page).every((l) => l.side === 'full')).toBe(true);
  });

  it('does not split an OCR page whose glyph boxes happen to leave a strip blank', () => {
    // One box a glyph, gaps between boxes: blank strips line up down the page by chance, but on each line the
    // strip is one gap among many as wide.
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const runs: TextRun[] = [];
    for (let i = 0; i < 24; i++)
      for (let k = 0; k < 28; k++) {
        const x = 40 + k * 18 + (k >= 14 && i % 5 !== 0 ? 4 : 0);
        runs.push({ text: '字', x, y: 60 + i * PITCH, w: 6 + rand() * 8, size: SIZE });
      }
    const page: PageText = { page: 1, width: 595, height: 842, ocr: true, runs };
    expect(pageLines(page).every((l) => l.side === 'full')).toBe(true);
  });
});

const LO_2COL = join(CORPUS, 'producers', 'lo-2col.pdf');

describe.skipIf(!existsSync(LO_2COL))(
  'the seed exported by LibreOffice in two columns (16 pt, 1-char gutter)',
  () => {
    it('gives tasks and units at F1 ≥ 0.98', async () => {
      const graph = await convertBytes(new Uint8Array(readFileSync(LO_2COL)), 'lo-2col.pdf');
      const f = seedF1(graph);
      expect(f.tasks).toBeGreaterThanOrEqual(0.98);
      expect(f.units).toBeGreaterThanOrEqual(0.98);
    });
  },
);
if (!existsSync(LO_2COL))
  console.warn('pdf-columns: corpus/producers/lo-2col.pdf is absent (npm run fixtures:producers); skipped');
