import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';
import { interleavedColumns, INTERLEAVED_CODE } from '../../src/layout/interleave.js';
import { rewrap } from '../../src/layout/rewrap.js';
import { bodyLines, SEED } from '../helpers/seed-lines.js';

const COPIED = 'corpus/producers/text';

describe('two columns interleaved line by line (pdftotext without -layout)', () => {
  const left = bodyLines(13, 40, 0);
  const right = bodyLines(13, 40, 300);

  it('are reported: each line goes on from the line two above', () => {
    const text = left.flatMap((l, k) => [l, '', right[k]!, '']).join('\n');
    const d = interleavedColumns(text);
    expect(d?.code).toBe(INTERLEAVED_CODE);
    expect(d?.severity).toBe('warning');
    expect(d?.message).toMatch(/two columns interleaved.*use the PDF/);
  });

  it('are not seen in a text in order: the columns one after the other, or the seed re-laid at any width', () => {
    expect(interleavedColumns([...left, ...right].join('\n'))).toBeNull();
    for (let width = 20; width <= 60; width += 4)
      expect(interleavedColumns(rewrap(SEED, { width, blankLines: width % 8 === 0 })), `${width}`).toBeNull();
    expect(interleavedColumns(SEED)).toBeNull();
  });

  it.skipIf(!existsSync(`${COPIED}/lo-2col.txt`))(
    "are reported in the graph of LibreOffice's two-column page copied by plain pdftotext, not of its -layout copy",
    () => {
      const codes = (file: string) =>
        convertSync(readFileSync(`${COPIED}/${file}`), { path: file }).diagnostics.map((d) => d.code);
      expect(codes('lo-2col.txt')).toContain(INTERLEAVED_CODE);
      expect(codes('lo-2col.layout.txt')).not.toContain(INTERLEAVED_CODE);
      expect(codes('lo-1col.txt')).not.toContain(INTERLEAVED_CODE);
    },
  );
});
