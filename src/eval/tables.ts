/**
 * Accuracy of the table readers: the seed's tasks as a task table (corpus/tables, made by
 * scripts/tables/seed-table.ts: HTML with rowspans, and LibreOffice's .docx and .xlsx of it), each converted and
 * scored against the seed's gold per kind of fact (tasks, units by role, deadlines); and the same HTML printed
 * to ruled PDF tables by LibreOffice and Chromium (scripts/producers/tables.sh), also scored against the graph
 * of the HTML table itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert } from '../index.js';
import type { NoticeGraph } from '../graph/schema.js';
import { score, table, type Score } from './score.js';
import { scoreSeed, type Gold } from './seed.js';

/** The fixtures, by file name under corpus/tables. */
export const TABLE_FIXTURES = ['seed-table.html', 'seed-table.docx', 'seed-table.xlsx'];

const KINDS = /^(?:tasks|units:|deadlines)/;

/** Scores of each table fixture against the gold (tasks, units by role, deadlines). */
export async function evalTables(corpus: string, gold: Gold): Promise<{ file: string; scores: Score[] }[]> {
  const out: { file: string; scores: Score[] }[] = [];
  for (const file of TABLE_FIXTURES) {
    const path = join(corpus, 'tables', file);
    if (!existsSync(path)) continue;
    const g = await convert(new Uint8Array(readFileSync(path)), { path: `corpus/tables/${file}` });
    out.push({ file, scores: scoreSeed(g, gold).filter((s) => KINDS.test(s.kind)) });
  }
  return out;
}

/**
 * Ruled PDF tables made from seed-table.html by real producers (LibreOffice, Chromium, WeasyPrint:
 * scripts/producers/tables.sh), under corpus/producers.
 */
export const PDF_TABLE_FIXTURES = ['table-lo.pdf', 'table-chromium.pdf', 'table-weasyprint.pdf'];

/**
 * The same table printed without vertical rules (scripts/producers/tables.sh): as a 三线表 (a rule above and
 * below the table and one under the header), with rules between rows only, and without any rule, by LibreOffice
 * and Chromium.
 */
export const UNRULED_TABLE_FIXTURES = [
  'table-three-lo.pdf',
  'table-three-chromium.pdf',
  'table-rows-lo.pdf',
  'table-rows-chromium.pdf',
  'table-none-lo.pdf',
  'table-none-chromium.pdf',
];

/**
 * The same table without any rule, its cells not at the top of their rows: the 三线表 page printed by WeasyPrint
 * (which honours neither the rules attributes nor valign: cells in the middle of their rows, rows that touch,
 * rows cut by page breaks whose cells go on at the next page's top), and the page with valign="middle" printed by
 * LibreOffice and Chromium, and valign="bottom" by Chromium (scripts/producers/tables.sh).
 */
export const ALIGNED_TABLE_FIXTURES = [
  'table-middle-weasyprint.pdf',
  'table-valign-middle-lo.pdf',
  'table-valign-middle-chromium.pdf',
  'table-valign-bottom-chromium.pdf',
];

/**
 * The same table with its header printed once, on the first page only (the header row not in <thead>): the
 * 三线表 page by LibreOffice and the page without any rule by Chromium (scripts/producers/tables.sh). Its next
 * pages are found by the columns and the 序号 sequence they carry over, not by a header.
 */
export const NOREPEAT_TABLE_FIXTURES = ['table-norepeat-three-lo.pdf', 'table-norepeat-none-chromium.pdf'];

/** A graph's facts per kind: tasks (path and title), units by role (task, role, unit), deadlines (task, text). */
export function tableFacts(g: NoticeGraph): Record<string, string[]> {
  const nodes = new Map(g.nodes.map((n) => [n.id, n]));
  const facts: Record<string, string[]> = {
    tasks: [],
    'units:lead': [],
    'units:cooperating': [],
    'units:responsible': [],
    deadlines: [],
  };
  for (const n of g.nodes) if (n.type === 'task') facts.tasks!.push(`${n.path}|${n.title}`);
  for (const e of g.edges) {
    const to = nodes.get(e.to);
    const from = nodes.get(e.from);
    if (!to || from?.type !== 'task') continue;
    const key = `units:${e.type}`;
    if (to.type === 'unit' && facts[key]) facts[key].push(`${from.path}|${to.id}`);
    if (e.type === 'due' && to.type === 'deadline') facts.deadlines!.push(`${from.path}|${to.text}`);
  }
  return facts;
}

/** Scores of graph `found` against graph `want`, fact kind by fact kind (see tableFacts). */
export function compareGraphs(want: NoticeGraph, found: NoticeGraph): Score[] {
  const a = tableFacts(want);
  const b = tableFacts(found);
  return Object.keys(a).map((k) => score(k, a[k]!, b[k] ?? []));
}

/**
 * The ruled PDF tables that are present (each skipped when `npm run fixtures:producers` has not made it):
 * scored against the seed's gold and against the graph of the HTML table they were printed from.
 */
export async function evalPdfTables(
  corpus: string,
  gold: Gold,
  fixtures: readonly string[] = PDF_TABLE_FIXTURES,
): Promise<{ file: string; scores: Score[]; vsHtml: Score[] }[]> {
  const present = fixtures.filter((f) => existsSync(join(corpus, 'producers', f)));
  if (present.length === 0) return [];
  const html = await convert(new Uint8Array(readFileSync(join(corpus, 'tables', 'seed-table.html'))), {
    path: 'corpus/tables/seed-table.html',
  });
  const out: { file: string; scores: Score[]; vsHtml: Score[] }[] = [];
  for (const file of present) {
    const g = await convert(new Uint8Array(readFileSync(join(corpus, 'producers', file))), {
      path: `corpus/producers/${file}`,
    });
    out.push({
      file,
      scores: scoreSeed(g, gold).filter((s) => KINDS.test(s.kind)),
      vsHtml: compareGraphs(html, g),
    });
  }
  return out;
}

/** The printed section of `npm run eval`. */
export async function printTables(corpus: string, gold: Gold): Promise<string> {
  const results = await evalTables(corpus, gold);
  const pdfs = await evalPdfTables(corpus, gold, [
    ...PDF_TABLE_FIXTURES,
    ...UNRULED_TABLE_FIXTURES,
    ...ALIGNED_TABLE_FIXTURES,
    ...NOREPEAT_TABLE_FIXTURES,
  ]);
  return (
    results
      .map((r) => `\nThe seed as a task table, corpus/tables/${r.file}:\n${table(r.scores)}\n`)
      .join('') +
    (pdfs.length === 0
      ? '\nRuled PDF tables: corpus/producers/table-*.pdf are absent (make them with `npm run fixtures:producers`); skipped.\n'
      : pdfs
          .map(
            (r) =>
              `\nThe seed as a ${PDF_TABLE_FIXTURES.includes(r.file) ? 'ruled PDF table' : 'PDF table without vertical rules'}, corpus/producers/${r.file}, against the gold:\n${table(r.scores)}\n` +
              `and against the graph of corpus/tables/seed-table.html:\n${table(r.vsHtml)}\n`,
          )
          .join(''))
  );
}
