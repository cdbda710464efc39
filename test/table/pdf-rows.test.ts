/**
 * The rows of a PDF table without rules between them, from the geometry of its text (src/ingest/pdf/table-rows.ts),
 * on synthetic cell geometry: as a property over random tables whose cells are set at the top, in the middle or at
 * the bottom of their rows (rows of 1–8 lines in their tallest cell, short cells in other columns, rows without a
 * 序号, category rows across the table, rows that touch: the padding between two rows down to nothing), the rows
 * found are the rows made; and a row cut by a page break, whose cells going on over the break fill its part of
 * the page from its top, stays one row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACROSS, splitRows, type Alignment, type RowItem } from '../../src/ingest/pdf/table-rows.js';

const SIZE = 9;
const PITCH = 12.9;
/** Columns: 序号 (0), 重点任务, 具体措施, 牵头单位, 完成时限. */
const NUMBER = 0;

/** A row: a category line across the table, or cells of so many lines in each column (0: empty). */
type Row = { across: true } | { across: false; lines: number[] };

const rowArb: fc.Arbitrary<Row> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Row>({ across: true }) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.boolean(), // a 序号, or none
        fc.integer({ min: 1, max: 3 }), // 重点任务
        fc.integer({ min: 0, max: 8 }), // 具体措施
        fc.integer({ min: 0, max: 3 }), // 牵头单位
        fc.integer({ min: 0, max: 2 }), // 完成时限
      )
      .map(([n, ...rest]): Row => ({ across: false, lines: [n ? 1 : 0, ...rest] })),
  },
);

/** The items of `rows` laid out from y = 100 with `align`, and each item's row. */
function layout(rows: Row[], align: Alignment, pad: number): { items: RowItem[]; truth: number[] } {
  const items: RowItem[] = [];
  const truth: number[] = [];
  let top = 100;
  rows.forEach((row, r) => {
    const tallest = row.across ? 1 : Math.max(...row.lines);
    const height = tallest * PITCH + 2 * pad;
    const put = (col: number, n: number) => {
      const span = n * PITCH;
      const from =
        align === 'top'
          ? top + pad
          : align === 'bottom'
            ? top + height - pad - span
            : top + (height - span) / 2;
      for (let k = 0; k < n; k++) {
        items.push({ col, y: from + k * PITCH + 0.8 * SIZE, size: SIZE });
        truth.push(r);
      }
    };
    if (row.across) put(ACROSS, 1);
    else row.lines.forEach((n, c) => put(c, n));
    top += height;
  });
  return { items, truth };
}

/** Rows whose layout is ambiguous from geometry alone are not drawn: every row has a title, numbered rows a 序号. */
const tableArb = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }),
  align: fc.constantFrom<Alignment>('top', 'middle', 'bottom'),
  pad: fc.constantFrom(0, 1.5, 3),
});

/**
 * Layouts that are ambiguous to the eye too are not asked: without padding between rows, cells set at the top of
 * their rows look like cells set at the bottom of rows cut elsewhere, an unnumbered row may be the tail of the row
 * before, and two category lines one category wrapped.
 */
function readable(rows: Row[], align: Alignment, pad: number): boolean {
  // Without padding, cells set at the top of their rows read as cells set at the bottom of rows cut elsewhere.
  if (pad === 0 && align !== 'middle') return false;
  return rows.every((row, k) => {
    const prev = rows[k - 1];
    if (k === 0 || !prev) return true;
    // Two category lines with nothing between them are one category wrapped over two lines to the eye.
    if (row.across && prev.across) return pad > 0;
    if (row.across || prev.across) return true;
    // Rows that touch are told apart by their numbers; else by the gap between them, wider than the cells' pitch.
    return (row.lines[NUMBER]! > 0 && prev.lines[NUMBER]! > 0) || pad > 0;
  });
}

describe('rows of a table without rules, from the alignment of its cells', () => {
  it('finds the rows made, cells at the top, in the middle or at the bottom of their rows', () => {
    fc.assert(
      fc.property(tableArb, ({ rows, align, pad }) => {
        fc.pre(readable(rows, align, pad));
        const { items, truth } = layout(rows, align, pad);
        const got = splitRows(items, PITCH, NUMBER);
        expect(got).not.toBeNull();
        // The same partition of the items (row numbers may differ only where a row is empty).
        const made = new Map<number, number>();
        truth.forEach((t, k) => {
          const found = got!.rowOf[k]!;
          if (!made.has(t)) made.set(t, found);
          expect(found, `item ${k} of row ${t}`).toBe(made.get(t));
        });
        expect(new Set(made.values()).size).toBe(made.size);
      }),
      { numRuns: Number(process.env.RUNS ?? 300), seed: Number(process.env.SEED ?? 12) },
    );
  });

  it('tells rows that touch apart by their 序号 when the tallest cells run on at the cell pitch', () => {
    const rows: Row[] = [
      { across: false, lines: [1, 2, 8, 3, 1] },
      { across: false, lines: [1, 2, 5, 1, 0] },
      { across: false, lines: [1, 1, 6, 2, 2] },
    ];
    const { items, truth } = layout(rows, 'middle', 0);
    const got = splitRows(items, PITCH, NUMBER)!;
    expect(got.align).toBe('middle');
    expect(got.rowOf).toEqual(truth);
  });

  it('keeps a row cut by a page break whole: the cells going on over the break fill its part from the top', () => {
    // The last row of a page: 具体措施 and 牵头单位 go on to the next page, filling the part of the row on this page
    // from its top; 序号, 重点任务 and 完成时限 are set in the middle of that part, which reaches the page's bottom.
    const { items: before, truth } = layout([{ across: false, lines: [1, 2, 4, 1, 1] }], 'middle', 1.5);
    const top = 100 + 4 * PITCH + 3;
    const cut = [
      { col: 2, n: 6, from: top + 1.5 },
      { col: 3, n: 6, from: top + 1.5 },
      { col: 0, n: 1, from: top + 3.5 * PITCH },
      { col: 1, n: 2, from: top + 3 * PITCH },
      { col: 4, n: 1, from: top + 3.5 * PITCH },
    ].flatMap(({ col, n, from }) =>
      Array.from({ length: n }, (_, k) => ({ col, y: from + k * PITCH + 0.8 * SIZE, size: SIZE })),
    );
    const got = splitRows([...before, ...cut], PITCH, NUMBER)!;
    expect(got.align).toBe('middle');
    expect(got.rowOf).toEqual([...truth, ...cut.map(() => 1)]);
    // At the top of the next page: the row goes on (no 序号), its cells going on from the page's top.
    const rest = [
      { col: 2, n: 3, from: 60 },
      { col: 3, n: 1, from: 60 },
      { col: 1, n: 1, from: 60 + PITCH },
    ].flatMap(({ col, n, from }) =>
      Array.from({ length: n }, (_, k) => ({ col, y: from + k * PITCH, size: SIZE })),
    );
    const next = layout([{ across: false, lines: [1, 2, 3, 1, 1] }], 'middle', 1.5).items.map((i) => ({
      ...i,
      y: i.y + 60 + 3 * PITCH + 4,
    }));
    const page2 = splitRows([...rest, ...next], PITCH, NUMBER)!;
    expect(page2.rowOf).toEqual([...rest.map(() => 0), ...next.map(() => 1)]);
  });

  it('gives nothing for no items', () => {
    expect(splitRows([], PITCH, NUMBER)).toBeNull();
  });
});
