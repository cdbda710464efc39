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
