/**
 * Accuracy of the head of a notice (issue 13): title, issuers, 发文字号, 成文日期, 主送 and the heading paths,
 * on real web-page beginnings (corpus/pages, hand gold) and on State Council notices as text and as HTML
 * (corpus/gov, gold from its SOURCES.md table); and those heads laid out again ten ways (src/eval/head-layouts.ts). A field is right when it equals the gold after spaces and
 * quotation marks are removed; a field the gold leaves null is right when the graph leaves it empty.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { NoticeGraph } from '../graph/schema.js';
import { PACKAGE_ROOT } from '../grammars.js';
import { convert } from '../index.js';
import { corpusHeads, EVAL_LAYOUTS, renderHead } from './head-layouts.js';

/** The gold of one file: null where the text does not state the field; undefined where it is not scored. */
export interface HeadGold {
  file: string;
  title?: string | null;
  issuers?: string[] | null;
  docNumber?: string | null;
  date?: string | null;
  recipients?: string | null;
  headings?: string[];
}

/** One corpus's scores: per field, the share of files right; headings, micro precision and recall. */
export interface HeadScore {
  corpus: string;
  files: number;
  fields: Record<string, { right: number; of: number; wrong: string[] }>;
  headings: { precision: number; recall: number; gold: number; found: number; tp: number };
}

const FIELDS = ['title', 'issuers', 'docNumber', 'date', 'recipients'] as const;
/** The head's document fields, as the eval scores them. */
export const HEAD_FIELDS = FIELDS;
export type HeadField = (typeof FIELDS)[number];

const norm = (s: string): string =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[《》〈〉“”"'‘’]/g, '')
    .replace(/，/g, ',');

/** The graph's value of a field, normalised for comparison ('' when empty). */
export function found(graph: NoticeGraph, field: HeadField): string {
  const d = graph.document;
  if (field === 'issuers') return d.issuers.map(norm).join('|');
  if (field === 'title') return norm(d.fullTitle ?? d.title);
  if (field === 'recipients') return d.recipients.map(norm).join(',');
  return norm(d[field] ?? '');
}

function wanted(gold: HeadGold, field: (typeof FIELDS)[number]): string | undefined {
  const v = gold[field];
  if (v === undefined) return undefined;
  if (v === null) return '';
  if (Array.isArray(v)) return v.map(norm).join('|');
  return norm(v);
}

/** Heading paths of the graph, as the gold writes them (一 / 一.(一) / 一.(一).1): sections and numbered tasks. */
export function headingPaths(graph: NoticeGraph): string[] {
  const paths: string[] = [];
  for (const n of graph.nodes)
    if (n.type === 'section' || (n.type === 'task' && n.number !== null))
      paths.push(n.path.replace(/\//g, '.'));
  return paths;
}

/** Scores converted graphs against their gold. */
export function scoreHead(corpus: string, items: { graph: NoticeGraph; gold: HeadGold }[]): HeadScore {
  const fields: HeadScore['fields'] = {};
  let gold = 0;
  let foundN = 0;
  let tp = 0;
  for (const { graph, gold: g } of items) {
    for (const f of FIELDS) {
      const want = wanted(g, f);
      if (want === undefined) continue;
      const s = (fields[f] ??= { right: 0, of: 0, wrong: [] });
      s.of++;
      const got = found(graph, f);
      if (got === want) s.right++;
      else s.wrong.push(`${g.file}: ${got || '∅'} ≠ ${want || '∅'}`);
    }
    if (g.headings) {
      const got = headingPaths(graph);
      const left = [...g.headings];
      gold += g.headings.length;
      foundN += got.length;
      for (const p of got) {
        const at = left.indexOf(p);
        if (at >= 0) {
          tp++;
          left.splice(at, 1);
        }
      }
    }
  }
  return {
    corpus,
    files: items.length,
    fields,
    headings: {
      precision: foundN === 0 ? (gold === 0 ? 1 : 0) : tp / foundN,
      recall: gold === 0 ? 1 : tp / gold,
      gold,
      found: foundN,
      tp,
    },
  };
}

/** Gold of corpus/gov from the table of its SOURCES.md (file, title, issuer, doc number). */
function govGold(dir: string): HeadGold[] {
  const rows = readFileSync(join(dir, 'SOURCES.md'), 'utf8')
    .split('\n')
    .filter((l) => /^\| \d{3} \|/.test(l));
  return rows.map((l) => {
    const c = l.split('|').map((s) => s.trim());
    return { file: c[1]!, title: c[2]!, issuers: [c[3]!], docNumber: c[4]! };
  });
}

/** Runs the head eval on corpus/pages and corpus/gov (text and HTML). */
export async function evalHead(): Promise<HeadScore[]> {
  const corpus = join(PACKAGE_ROOT, 'corpus');
  const load = async (dir: string, gold: HeadGold[], ext: string) => {
    const items: { graph: NoticeGraph; gold: HeadGold }[] = [];
    for (const g of gold) {
      const path = join(dir, `${g.file}.${ext}`);
      items.push({
        gold: g,
        graph: await convert(readFileSync(path), { path: relative(PACKAGE_ROOT, path) }),
      });
    }
    return items;
  };
  const pagesDir = join(corpus, 'pages');
  const pages = JSON.parse(readFileSync(join(pagesDir, 'gold.json'), 'utf8')) as HeadGold[];
  const govDir = join(corpus, 'gov');
  const gov = govGold(govDir);
  return [
    scoreHead('corpus/pages', await load(pagesDir, pages, 'txt')),
    scoreHead('corpus/gov text', await load(govDir, gov, 'txt')),
    scoreHead('corpus/gov HTML', await load(govDir, gov, 'html')),
    scoreHead('re-laid heads', await relaid(corpus)),
  ];
}

/** The corpus heads in each of the eval's layouts, against the fields of their gold. */
async function relaid(corpus: string): Promise<{ graph: NoticeGraph; gold: HeadGold }[]> {
  const items: { graph: NoticeGraph; gold: HeadGold }[] = [];
  for (const head of corpusHeads(corpus))
    for (const [n, layout] of EVAL_LAYOUTS.entries()) {
      const { text, want } = renderHead(head, layout);
      const gold = { ...want, file: `${head.source}#${n}`, recipients: want.recipients.join(',') };
      items.push({ gold, graph: await convert(text, { path: `${head.source}.txt` }) });
    }
  return items;
}

/** The head scores as a printable table. */
export function headTable(scores: HeadScore[], verbose = false): string {
  const out: string[] = [];
  for (const s of scores) {
    const cells = FIELDS.filter((f) => s.fields[f]).map((f) => {
      const v = s.fields[f]!;
      return `${f} ${(v.right / v.of).toFixed(2)}`;
    });
    const h = s.headings;
    const hd = h.gold > 0 ? `  headings P ${h.precision.toFixed(2)} R ${h.recall.toFixed(2)}` : '';
    out.push(`  ${s.corpus.padEnd(16)} (${s.files})  ${cells.join('  ')}${hd}`);
    if (verbose)
      for (const f of FIELDS) for (const w of s.fields[f]?.wrong ?? []) out.push(`      ${f} ${w}`);
  }
  return out.join('\n');
}
