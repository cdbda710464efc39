/**
 * Layout figures for `npm run eval`: the seed re-laid as hard wraps (widths 20–60, the lines of a printed page or
 * an OCR engine; ` i` rows indent each paragraph's first line, the others do not) and the seed as tesseract reads it (corpus/layout), each scored against the gold like the text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeGraph } from '../graph/schema.js';
import { PACKAGE_ROOT } from '../grammars.js';
import { rewrap } from '../layout/rewrap.js';
import type { Score } from './score.js';
import { scoreSeed, type Gold } from './seed.js';

/** The kinds of fact a layout must not change. */
export const LAYOUT_KINDS = [
  'tasks',
  'units:lead',
  'units:cooperating',
  'units:responsible',
  'deadlines',
  'targets',
] as const;

/** Widths the seed is re-wrapped at (issue 12: 20–60), each with and without an indented first line. */
export const WIDTHS = { from: 20, to: 60 } as const;

/** The seed as tesseract (chi_sim) read it from a rendering of its pages (scripts/layout/ocr-seed.sh). */
const OCR_TEXT = join(PACKAGE_ROOT, 'corpus', 'layout', 'seed.tesseract.txt');

/** One layout's F1 per kind. */
export interface LayoutRow {
  layout: string;
  f1: Record<string, number>;
}

function row(layout: string, scores: Score[]): LayoutRow {
  const f1: Record<string, number> = {};
  for (const s of scores) if ((LAYOUT_KINDS as readonly string[]).includes(s.kind)) f1[s.kind] = s.f1;
  return { layout, f1 };
}

/** Scores the seed's re-wrapped layouts and the tesseract text with `convert` (the pipeline's text path). */
export function evalLayouts(
  seed: string,
  gold: Gold,
  convert: (text: string, path: string) => NoticeGraph,
): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (let width = WIDTHS.from; width <= WIDTHS.to; width++)
    for (const indent of [width % 2 ? '  ' : '\u3000\u3000', '']) {
      const text = rewrap(seed, { width, indent, eol: width % 3 ? '\n' : '\r\n' });
      const name = `wrap ${width}${indent ? ' i' : ''}`;
      rows.push(row(name, scoreSeed(convert(text, `seed-wrap-${width}.txt`), gold)));
    }
  if (existsSync(OCR_TEXT))
    rows.push(row('tesseract', scoreSeed(convert(readFileSync(OCR_TEXT, 'utf8'), OCR_TEXT), gold)));
  return rows;
}

/** The rows as a table: one line per layout, then the lowest F1 of the re-wrapped ones per kind (all, unindented). */
export function layoutTable(rows: LayoutRow[]): string {
  const head = `${'layout'.padEnd(12)}${LAYOUT_KINDS.map((k) => k.replace('units:', '').padStart(12)).join('')}`;
  const line = (r: LayoutRow) =>
    `${r.layout.padEnd(12)}${LAYOUT_KINDS.map((k) => (r.f1[k] ?? 0).toFixed(3).padStart(12)).join('')}`;
  const wraps = rows.filter((r) => r.layout.startsWith('wrap'));
  const min: LayoutRow = {
    layout: 'wrap min',
    f1: Object.fromEntries(LAYOUT_KINDS.map((k) => [k, Math.min(...wraps.map((r) => r.f1[k] ?? 0))])),
  };
  const plain = wraps.filter((r) => !r.layout.endsWith(' i'));
  const minPlain: LayoutRow = {
    layout: 'min no ind',
    f1: Object.fromEntries(LAYOUT_KINDS.map((k) => [k, Math.min(...plain.map((r) => r.f1[k] ?? 0))])),
  };
  return [head, ...rows.map(line), line(min), line(minPlain)].join('\n');
}
