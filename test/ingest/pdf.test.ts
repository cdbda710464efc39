/**
 * PDF ingest over the stored fixtures of corpus/pdf/ (made by scripts/pdf-fixtures.sh): the seed as a
 * word-processor export and as a searchable scan against the gold, a two-column gazette page, page furniture,
 * and page/box provenance on graph nodes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestAsync } from '../../src/ingest/index.js';
import { convertBytes, CORPUS, fixture, seedF1 } from './pdf-helpers.js';

const FURNITURE = [
  /—\s*\d+\s*—/,
  /·\s*\d+\s*·/,
  /郑州市2020年大气、水、土壤污染防治攻坚战实施方案/,
  /国务院公报/,
];

describe('the seed as a PDF', () => {
  it('a word-processor export: tasks and units at F1 ≥ 0.98', async () => {
    const graph = await convertBytes(fixture('seed-export.pdf'), 'seed-export.pdf');
    const f1 = seedF1(graph);
    expect(f1.tasks).toBeGreaterThanOrEqual(0.98);
    expect(f1.units).toBeGreaterThanOrEqual(0.98);
    expect(graph.source).toMatchObject({ format: 'pdf', encoding: 'pdf-text', pages: 19 });
  });

  it('a searchable scan (tesseract text layer): tasks and units at F1 ≥ 0.95', async () => {
    const graph = await convertBytes(fixture('seed-scan.pdf'), 'seed-scan.pdf');
    const f1 = seedF1(graph);
    expect(f1.tasks).toBeGreaterThanOrEqual(0.95);
    expect(f1.units).toBeGreaterThanOrEqual(0.95);
  });

  it('removes the spaces an OCR layer puts between CJK glyphs', async () => {
    const { raw } = await ingestAsync(fixture('seed-scan.pdf'), { path: 'seed-scan.pdf' });
    expect(raw).toContain('牵头单位');
    expect(raw).not.toMatch(/牵 头 单 位/);
  });

  it('never lets page numbers or running headers into task text', async () => {
    for (const name of ['seed-export.pdf', 'seed-scan.pdf', 'two-column.pdf']) {
      const graph = await convertBytes(fixture(name), name);
      for (const node of graph.nodes)
        if (node.type === 'task')
          for (const re of FURNITURE) expect(node.text, `${name} ${node.id}`).not.toMatch(re);
    }
  });

  it('gives graph nodes their page and box', async () => {
    const graph = await convertBytes(fixture('seed-export.pdf'), 'seed-export.pdf');
    const tasks = graph.nodes.filter((n) => n.type === 'task') as { page?: number; box?: unknown }[];
    expect(tasks.every((t) => typeof t.page === 'number' && t.box !== undefined)).toBe(true);
    expect(new Set(tasks.map((t) => t.page)).size).toBeGreaterThan(10);
  });
});

describe('a two-column gazette page', () => {
  it('is read column by column, title first, header and page numbers dropped', async () => {
    const source = await ingestAsync(fixture('two-column.pdf'), { path: 'two-column.pdf' });
    const expected = readFileSync(join(CORPUS, 'gov', '055.txt'), 'utf8')
      .split('\n')
      .map((l) => l.replace(/\s+/g, ''))
      .filter(Boolean);
    const got = source.raw
      .split('\n')
      .map((l) => l.replace(/\s+/g, ''))
      .filter(Boolean);
    expect(got).toEqual(expected);
    expect(source.layout!.some((l) => l.page === 2)).toBe(true);
  });
});
