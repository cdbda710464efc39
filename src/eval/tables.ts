/**
 * Accuracy of the table readers: the seed's tasks as a task table (corpus/tables, made by
 * scripts/tables/seed-table.ts: HTML with rowspans, and LibreOffice's .docx and .xlsx of it), each converted and
 * scored against the seed's gold per kind of fact (tasks, units by role, deadlines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert } from '../index.js';
import { table, type Score } from './score.js';
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

/** The printed section of `npm run eval`. */
export async function printTables(corpus: string, gold: Gold): Promise<string> {
  const results = await evalTables(corpus, gold);
  return results
    .map((r) => `\nThe seed as a task table, corpus/tables/${r.file}:\n${table(r.scores)}\n`)
    .join('');
}
