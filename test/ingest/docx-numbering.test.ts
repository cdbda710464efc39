/**
 * Word's automatic numbering: a .docx whose headings and items are numbered by list numbering (numbering.xml,
 * w:numPr) reads as the same text with the numbers typed, and gives the same graph.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, type ILevelsOptions } from 'docx';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/ingest/docx-numbering.js';
import { ingestAsync } from '../../src/ingest/index.js';
import { structureGrammar, type MarkerKind } from '../../src/parse/grammar.js';
import { convertBytes, CORPUS } from './pdf-helpers.js';

/** A list definition: heading levels 一、 and (一), or item levels 1. and (1). */
const LISTS: Record<'headings' | 'items', { kinds: MarkerKind[]; levels: ILevelsOptions[] }> = {
  headings: {
    kinds: ['level1', 'level2'],
    levels: [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '(%2)', alignment: AlignmentType.LEFT },
    ],
  },
  items: {
    kinds: ['item', 'subitem'],
    levels: [
      { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.DECIMAL, text: '(%2)', alignment: AlignmentType.LEFT },
    ],
  },
};

/**
 * Two .docx files of `text` (one paragraph a line): one with the markers typed, one with every marker that its list
 * would number the same way left to Word's list numbering (a new list where a sequence starts again at 1).
 * Returns them and the number of paragraphs numbered automatically.
 */
async function docxPair(text: string): Promise<{ typed: Uint8Array; numbered: Uint8Array; auto: number }> {
  const g = structureGrammar();
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const config: { reference: string; levels: ILevelsOptions[] }[] = [];
  const current: Partial<Record<keyof typeof LISTS, { ref: string; counters: number[] }>> = {};
  let auto = 0;
  const paragraphs = lines.map((line) => {
    const m = g.marker(line);
    const list =
      m && (Object.keys(LISTS) as (keyof typeof LISTS)[]).find((k) => LISTS[k].kinds.includes(m.kind));
    if (!m || !list) return new Paragraph({ text: line });
    const level = LISTS[list].kinds.indexOf(m.kind);
    let state = current[list];
    if (!state || (level === 0 && m.value === 1)) {
      state = { ref: `${list}-${config.length}`, counters: [] };
      config.push({ reference: state.ref, levels: LISTS[list].levels });
      current[list] = state;
    }
    const value = (state.counters[level] ?? 0) + 1;
    const lvl = LISTS[list].levels[level]!;
    const shown = lvl.text!.replace(/%\d/, formatNumber(value, String(lvl.format)));
    if (line.slice(0, m.length) !== shown || value !== m.value) return new Paragraph({ text: line });
    state.counters[level] = value;
    state.counters.length = level + 1;
    auto++;
    return new Paragraph({ text: line.slice(m.length), numbering: { reference: state.ref, level } });
  });
  const build = async (children: Paragraph[], numbering: boolean) =>
    new Uint8Array(
      await Packer.toBuffer(
        new Document({ ...(numbering ? { numbering: { config } } : {}), sections: [{ children }] }),
      ),
    );
  return {
    typed: await build(
      lines.map((line) => new Paragraph({ text: line })),
      false,
    ),
    numbered: await build(paragraphs, true),
    auto,
  };
}

describe('Word list numbering', () => {
  it('formats the numbers of Word’s formats', () => {
    expect([1, 10, 12, 20].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一',
      '十',
      '十二',
      '二十',
    ]);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
  });

  it('a small notice numbered by Word reads as typed', async () => {
    const text = [
      '一、总体要求',
      '(一)工作目标',
      '1.2020年底前完成改造。',
      '牵头单位:市生态环境局',
      '2.6月底前完成排查。',
      '(1)开展排查。',
      '(2)建立台账。',
      '(二)保障措施',
      '3.加强督导。',
      '二、工作要求',
      '(一)加强领导',
    ].join('\n');
    const { typed, numbered, auto } = await docxPair(text);
    expect(auto).toBe(10);
    const source = await ingestAsync(numbered, { path: 'numbered.docx' });
    expect(source.raw).toBe(`${text}\n`);
    expect(source.raw).toBe((await ingestAsync(typed, { path: 'typed.docx' })).raw);
  });

  it('the seed with its markers as Word numbering gives the graph of its typed text', async () => {
    const seed = readFileSync(join(CORPUS, 'zhengzhou-2020-notice.txt'), 'utf8');
    const { typed, numbered, auto } = await docxPair(seed);
    expect(auto).toBeGreaterThan(120);
    const [a, b] = await Promise.all([convertBytes(typed, 'seed.docx'), convertBytes(numbered, 'seed.docx')]);
    const strip = ({ source: _source, ...rest }: typeof a) => rest;
    expect(strip(b)).toEqual(strip(a));
    expect(b.nodes.filter((n) => n.type === 'task').length).toBeGreaterThan(90);
  });

  it('the built command line reads the numbers too', async () => {
    const bin = join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'main.js');
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run 'npm run build' first`);
    const { numbered } = await docxPair('一、总体要求\n(一)工作目标\n1.加强督导。\n牵头单位:市生态环境局');
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-numbering-'));
    try {
      writeFileSync(join(dir, 'n.docx'), numbered);
      const run = spawnSync(process.execPath, [bin, 'convert', join(dir, 'n.docx')], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const graph = JSON.parse(run.stdout) as { nodes: { type: string; path?: string }[] };
      expect(graph.nodes.filter((n) => n.type === 'task').map((n) => n.path)).toEqual(['一/(一)/1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a .docx without numbering is read unchanged', async () => {
    const { typed } = await docxPair('一、总体要求\n1.加强督导。');
    const { docxWithListNumbers } = await import('../../src/ingest/docx-numbering.js');
    expect(await docxWithListNumbers(typed)).toBe(typed);
  });
});
