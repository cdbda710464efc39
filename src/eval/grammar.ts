/**
 * Eval of the grammar work (issue 12): Word's automatic numbering (the seed as a .docx whose markers are list
 * numbers, against the same .docx with the markers typed) and OCR place-name confusions (tesseract's reading of the
 * seed, corpus/layout/seed.tesseract.txt: the region's place names misread before and after repair).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, type ILevelsOptions } from 'docx';
import { loadGazetteer } from '../extract/units.js';
import { PACKAGE_ROOT } from '../grammars.js';
import type { NoticeGraph } from '../graph/schema.js';
import { formatNumber } from '../ingest/docx-numbering.js';
import { structureGrammar, type MarkerKind } from '../parse/grammar.js';
import { REGION_HEAD } from '../pipeline.js';
import { repair } from '../repair/index.js';
import { confusions } from '../repair/places.js';
import { score, table } from './score.js';

const CORPUS = join(PACKAGE_ROOT, 'corpus');

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
export async function docxPair(
  text: string,
): Promise<{ typed: Uint8Array; numbered: Uint8Array; auto: number }> {
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

/** Tasks (path and title) and role edges of a graph, as keys. */
function facts(graph: NoticeGraph): { tasks: string[]; roles: string[] } {
  return {
    tasks: graph.nodes.flatMap((n) => (n.type === 'task' ? [`${n.id} ${n.title}`] : [])),
    roles: graph.edges.flatMap((e) =>
      ['lead', 'cooperating', 'responsible', 'guidance'].includes(e.type)
        ? [`${e.from} ${e.type} ${e.to}`]
        : [],
    ),
  };
}

/** Occurrences of `word` in `text`. */
const count = (text: string, word: string): number => text.split(word).length - 1;

/** The eval's report lines. */
export async function evalGrammar(): Promise<string> {
  const { convert } = await import('../index.js');
  const seed = readFileSync(join(CORPUS, 'zhengzhou-2020-notice.txt'), 'utf8');
  const { typed, numbered, auto } = await docxPair(seed);
  const [a, b] = await Promise.all([
    convert(typed, { path: 'seed-typed.docx' }),
    convert(numbered, { path: 'seed-numbered.docx' }),
  ]);
  const [fa, fb] = [facts(a), facts(b)];
  const numbering = [score('tasks', fa.tasks, fb.tasks), score('units by role', fa.roles, fb.roles)];

  const ocr = readFileSync(join(CORPUS, 'layout', 'seed.tesseract.txt'), 'utf8');
  const known = loadGazetteer().names(ocr.slice(0, REGION_HEAD));
  const fixed = repair(ocr, { knownUnits: known }).text;
  const seedFixed = repair(seed, { knownUnits: loadGazetteer().names(seed.slice(0, REGION_HEAD)) }).text;
  const pairs = confusions().pairs;
  const lines: string[] = [];
  for (const place of known) {
    const misreadings = pairs.flatMap(({ read, printed }) =>
      [...place].flatMap((ch, at) =>
        ch === printed && at < place.length - 1 ? [place.slice(0, at) + read + place.slice(at + 1)] : [],
      ),
    );
    const wrong = (text: string) => misreadings.reduce((n, w) => n + count(text, w), 0);
    if (wrong(ocr) + wrong(seed) === 0) continue;
    const cell = (before: string, after: string) =>
      `${count(before, place)}/${wrong(before)} → ${count(after, place)}/${wrong(after)}`;
    lines.push(
      `  ${place.padEnd(8, '\u3000')} seed ${cell(seed, seedFixed)}   tesseract ${cell(ocr, fixed)}`,
    );
  }
  return (
    `\nWord list numbering: the seed as a .docx numbered by Word's lists (${auto} paragraphs) against the same .docx typed:\n` +
    `${table(numbering)}\n` +
    `\nPlace names of the region, right/misread before → after repair, in the seed and in tesseract's reading of it (corpus/layout/seed.tesseract.txt):\n` +
    `${lines.join('\n')}\n`
  );
}
