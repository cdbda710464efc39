/**
 * Archive accuracy (`npm run eval`): the corpus notices that are editions of one plan (corpus/ and corpus/diff/)
 * go into a temporary archive; reported: series found against the editions expected (each plan of the Zhengzhou
 * 2020 notice and of its 2021 edition, one series per plan), and the full-text search's recall and precision
 * against a plain substring scan over every task.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../grammars.js';

const EDITIONS = ['corpus/zhengzhou-2020-notice.txt', 'corpus/diff/zhengzhou-2021-notice.txt'];
/** Series the two editions make: air, water, soil, each with two editions. */
const EXPECTED_SERIES = 3;
const QUERIES = ['扬尘', '差异化管理', '施工工地', '黑臭水体', '重污染天气', '土壤污染'];

/** The archive's lines of the eval report. */
export async function evalArchive(): Promise<string> {
  const { addInputs, convertInProcess } = await import('../archive/add.js');
  const { openArchive } = await import('../archive/db.js');
  const { queryTasks } = await import('../archive/query.js');
  const { querySeries } = await import('../archive/query-series.js');
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-eval-archive-'));
  const db = await openArchive(join(dir, 'eval.db'), { write: true });
  try {
    async function* inputs() {
      for (const path of EDITIONS) yield { path, bytes: readFileSync(join(PACKAGE_ROOT, path)) };
    }
    await addInputs(db, inputs(), { convert: convertInProcess });
    const multi = querySeries(db, { multi: true });
    const found = multi.filter((s) => s.editions === 2 && s.diffs === 1).length;
    const all = queryTasks(db, { limit: 1_000_000 });
    let tp = 0;
    let hits = 0;
    let truth = 0;
    for (const q of QUERIES) {
      const expected = new Set(all.filter((t) => t.text.includes(q)).map((t) => t.id));
      const got = queryTasks(db, { q, limit: 1_000_000 });
      truth += expected.size;
      hits += got.length;
      tp += got.filter((t) => expected.has(t.id)).length;
    }
    return (
      `\nArchive (${EDITIONS.length} editions): series found ${found}/${EXPECTED_SERIES} ` +
      `(${multi.length} with two editions or more); text search over ${QUERIES.length} queries: ` +
      `recall ${(tp / Math.max(truth, 1)).toFixed(3)}  precision ${(tp / Math.max(hits, 1)).toFixed(3)}\n`
    );
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
