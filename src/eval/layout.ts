/**
 * Layout figures for `npm run eval`: the seed re-laid as hard wraps (widths 20–60 in printed width, an ideograph 1
 * and an ASCII character ½: the lines of a printed page or an OCR engine; ` i` rows indent each paragraph's first line, the others do not) and the seed as tesseract reads it (corpus/layout), each scored against the gold like the text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeGraph } from '../graph/schema.js';
import { PACKAGE_ROOT } from '../grammars.js';
import { FURNITURE_RULE } from '../layout/furniture.js';
import { rewrap } from '../layout/rewrap.js';
import { diff } from '../diff/index.js';
import { score, type Score } from './score.js';
import { scoreSeed, targetKey, type Gold } from './seed.js';

/** The kinds of fact a layout must not change. */
export const LAYOUT_KINDS = [
  'tasks',
  'units:lead',
  'units:cooperating',
  'units:responsible',
  'deadlines',
  'targets',
] as const;

/**
 * The paragraph-a-line texts of corpus/ the layout-invariance test and eval re-lay (relative to the package root):
 * the seed, the State Council notices (corpus/gov) and the later Zhengzhou plans (corpus/diff).
 */
export const CORPUS_TEXTS: readonly string[] = [
  'corpus/zhengzhou-2020-notice.txt',
  ...['001', '003', '004', '006', '007', '012', '013', '015', '037', '055'].map((n) => `corpus/gov/${n}.txt`),
  'corpus/diff/zhengzhou-2021-notice.txt',
  'corpus/diff/zhengzhou-2022-notice.txt',
];

/**
 * The beginnings of real notices as websites publish them (corpus/pages, relative to the package root): site
 * furniture, metadata blocks, run-together headings. Re-laid like CORPUS_TEXTS, reported apart from them.
 */
export function pageTexts(): string[] {
  const dir = join(PACKAGE_ROOT, 'corpus', 'pages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `corpus/pages/${f}`);
}

/** The kinds of fact compared between a text's graph and its re-laid text's graph (`scoreAgainstOriginal`). */
export const INVARIANT_KINDS = [...LAYOUT_KINDS, 'references', 'document'] as const;

const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/**
 * The facts of `graph` by kind, keyed so that two graphs of the same notice compare: tasks by id, units by task
 * and role, deadlines and targets by owner, references by number or title, the document's fields.
 */
export function graphFacts(graph: NoticeGraph): Record<(typeof INVARIANT_KINDS)[number], string[]> {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = (type: string) =>
    graph.edges.filter((e) => e.type === type).map((e) => [e.from, nodes.get(e.to)] as const);
  const unit = (role: string) =>
    out(role).map(([from, n]) => `${from}|${n?.type === 'unit' ? squash(n.name) : ''}`);
  const d = graph.document;
  return {
    tasks: graph.nodes.filter((n) => n.type === 'task').map((n) => n.id),
    'units:lead': unit('lead'),
    'units:cooperating': unit('cooperating'),
    'units:responsible': unit('responsible'),
    deadlines: out('due').map(([from, n]) => (n?.type === 'deadline' ? `${from}|${n.date}|${n.kind}` : from)),
    targets: out('target').map(([from, n]) => (n?.type === 'target' ? `${from}|${targetKey(n)}` : from)),
    references: graph.nodes.flatMap((n) =>
      n.type === 'reference' ? [n.docNumber ? `no:${squash(n.docNumber)}` : `title:${squash(n.title)}`] : [],
    ),
    document: [
      `title:${squash(d.title)}`,
      `fullTitle:${squash(d.fullTitle ?? '')}`,
      `docNumber:${squash(d.docNumber ?? '')}`,
      `date:${d.date ?? ''}`,
      `publishDate:${d.publishDate ?? ''}`,
      ...d.issuers.map((x) => `issuer:${squash(x)}`),
      ...d.recipients.map((x) => `recipient:${squash(x)}`),
      ...graph.nodes.flatMap((n) => (n.type === 'plan' ? [`plan:${squash(n.title)}`] : [])),
    ],
  };
}

/** `graph` (a re-laid text's) scored kind by kind against `original` (the paragraph-a-line text's). */
export function scoreAgainstOriginal(graph: NoticeGraph, original: NoticeGraph): Score[] {
  const want = graphFacts(original);
  const got = graphFacts(graph);
  return INVARIANT_KINDS.map((k) => score(k, want[k], got[k]));
}

/** Widths the seed is re-wrapped at (issue 12: 20–60), each with and without an indented first line. */
export const WIDTHS = { from: 20, to: 60 } as const;

/** The rule id of the OCR confusions the grammars decide (grammars/repair/rules.yaml, src/repair/confusions.ts). */
const CONFUSION_RULE = 'grammar-confusion';

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

/** Widths the corpus texts are re-laid at in `npm run eval` (every fifth; the property test samples all). */
const CORPUS_STEP = 5;

/**
 * Every corpus text (CORPUS_TEXTS) re-laid at widths 20–60 (every fifth), with and without an indented first line,
 * scored against its own original's graph: one line per text with the lowest F1 per kind over the unindented
 * layouts, then over the indented ones, then the lowest of all texts; then the same for the web pages (pageTexts).
 */
export function corpusLayoutTable(convert: (text: string, path: string) => NoticeGraph): string {
  const kinds = INVARIANT_KINDS;
  const head = `${'text'.padEnd(28)}${kinds.map((k) => k.replace('units:', '').slice(0, 10).padStart(11)).join('')}`;
  const fmt = (name: string, f1: Record<string, number>) =>
    `${name.padEnd(28)}${kinds.map((k) => (f1[k] ?? 1).toFixed(3).padStart(11)).join('')}`;
  const lines = [head];
  for (const [files, label] of [
    [CORPUS_TEXTS, 'min'],
    [pageTexts(), 'pages min'],
  ] as const) {
    const worst = { plain: {} as Record<string, number>, indented: {} as Record<string, number> };
    for (const file of files) {
      const path = join(PACKAGE_ROOT, file);
      if (!existsSync(path)) continue;
      const text = readFileSync(path, 'utf8');
      const original = convert(text, file);
      for (const indent of ['', '\u3000\u3000']) {
        const min: Record<string, number> = {};
        for (let width = WIDTHS.from; width <= WIDTHS.to; width += CORPUS_STEP)
          for (const s of scoreAgainstOriginal(convert(rewrap(text, { width, indent }), file), original))
            min[s.kind] = Math.min(min[s.kind] ?? 1, s.f1);
        const w = indent ? worst.indented : worst.plain;
        for (const k of kinds) w[k] = Math.min(w[k] ?? 1, min[k] ?? 1);
        lines.push(fmt(`${file.replace(/^corpus\//, '').replace(/\.txt$/, '')}${indent ? ' i' : ''}`, min));
      }
    }
    lines.push(fmt(`${label} no ind`, worst.plain), fmt(`${label} indented`, worst.indented));
  }
  return lines.join('\n');
}

/**
 * Diff stability (issue 12): the number of changes `gongwen diff` reports between the seed and its own re-laid text
 * (widths 20–60 by 5, with and without indent; the bar is none), and between the seed and its scan as tesseract
 * reads it (corpus/layout/seed.tesseract.txt; the bar is at most 5), with the differences set aside as OCR variants
 * (src/diff/ocr.ts) counted apart.
 */
export function diffStability(seed: string, convert: (text: string, path: string) => NoticeGraph): string {
  const original = convert(seed, 'seed.txt');
  const counts: string[] = [];
  let worst = 0;
  for (const indent of ['', '\u3000\u3000'])
    for (let width = WIDTHS.from; width <= WIDTHS.to; width += CORPUS_STEP) {
      const n = diff(original, convert(rewrap(seed, { width, indent }), 'seed-wrap.txt')).changes.length;
      worst = Math.max(worst, n);
      if (n > 0) counts.push(`${width}${indent ? ' i' : ''}: ${n}`);
    }
  const lines = [
    `seed vs its re-laid text: at most ${worst} changes${counts.length ? ` (${counts.join(', ')})` : ''}`,
  ];
  if (existsSync(OCR_TEXT)) {
    const ocr = convert(readFileSync(OCR_TEXT, 'utf8'), OCR_TEXT);
    const result = diff(original, ocr);
    const changes = result.changes;
    const variants = result.ocrVariants ?? [];
    const kinds = new Map<string, number>();
    for (const c of changes) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    const furniture = ocr.repairs.filter((r) => r.ruleId === FURNITURE_RULE).length;
    const confusions = ocr.repairs.filter((r) => r.ruleId === CONFUSION_RULE).length;
    lines.push(
      `seed vs its tesseract text: ${changes.length} changes (bar: at most 5): ` +
        [...kinds].map(([k, n]) => `${k} ${n}`).join(', ') +
        `; ${variants.length} OCR variant${variants.length === 1 ? '' : 's'} set aside` +
        (variants.length ? ` (${variants.map((v) => v.of).join(', ')})` : '') +
        `; page furniture removed at ${furniture} places; OCR confusions read by the grammars at ${confusions}`,
    );
  }
  return lines.join('\n');
}
