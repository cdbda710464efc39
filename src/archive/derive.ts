/**
 * What the archive derives from a batch's rows once the batch is stored, with set-based SQL inside the batch's
 * transaction: the full-text index over task text (overlapping bigrams: see `grams`), each task's sort key with
 * its plan's year and series (`task_keys`), its roles by year in sort order (`task_roles`) and by unit
 * (`unit_tasks`). The queries
 * (query.ts) read these; nothing else writes them.
 */
import type { Db } from './db.js';

/** Name of the SQL function that turns a task text into its index tokens. */
const GRAMS_FUNCTION = 'gongwen_grams';

/**
 * Characters that end a run: whitespace, and ASCII other than letters and digits (FTS5's `ascii` tokenizer
 * splits on those, so a token never holds one). Every other character, CJK punctuation included, is kept.
 */
const RUN = /[^\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/gu;

/** The runs of a text: maximal stretches without a separator, each as its code points. */
export function runs(text: string): string[][] {
  return (text.match(RUN) ?? []).map((r) => [...r]);
}

/**
 * The index tokens of a text, space-separated: for each run its overlapping bigrams in order, then its last
 * character alone (so every character of a run starts a token: a one-character query is a prefix query).
 * 扬尘治理 → `扬尘 尘治 治理 理`. Deterministic; the same function cuts the queries (`matchQuery`).
 */
export function grams(text: string): string {
  const out: string[] = [];
  for (const r of runs(text)) {
    for (let i = 0; i + 1 < r.length; i++) out.push(r[i]! + r[i + 1]!);
    out.push(r.at(-1)!);
  }
  return out.join(' ');
}

/**
 * The FTS5 query for a search string, or null when it has no run (only spaces and ASCII punctuation: the caller
 * scans). Every bigram of every run of the query is required (a two-character query is one token), and a
 * one-character run is a prefix (a token starting with it). The index keeps no positions (`detail=none`), so this
 * finds every task holding the string and some that hold its bigrams apart: the caller checks the text itself.
 */
export function matchQuery(q: string): string | null {
  const terms = new Set<string>();
  for (const r of runs(q)) {
    if (r.length === 1) terms.add(`"${r[0]}"*`);
    for (let i = 0; i + 1 < r.length; i++) terms.add(`"${r[i]}${r[i + 1]}"`);
  }
  return terms.size ? [...terms].join(' AND ') : null;
}

/**
 * Whether the index alone answers a search string: one run of one or two characters and nothing else (its one
 * token, or tokens starting with its one character, stand exactly where the text holds it; ASCII case is folded
 * on both sides, as LIKE does). Longer strings need the check against the text.
 */
export function matchIsExact(q: string): boolean {
  const r = runs(q);
  return r.length === 1 && r[0]!.length <= 2 && r[0]!.join('') === q;
}

/** Bits of a task id in its sort key (below the notice's date as YYYYMMDD). */
export const SORT_ID_BITS = 2 ** 32;

/**
 * The sort key of a task: its notice's date (YYYYMMDD, 0 when undated: undated first), then the task's row id
 * (a notice's tasks are stored together, in order, so this is notice date, notice, task order).
 */
const SORT_KEY = `(CASE WHEN n.date IS NULL THEN 0 ELSE CAST(replace(n.date, '-', '') AS INTEGER) END) * ${SORT_ID_BITS} + t.id`;

/** The next notice's row id: call before a batch to know its first notice. */
export function nextNoticeId(db: Db): number {
  return db.prepare('SELECT COALESCE(MAX(id), 0) + 1 FROM notices').pluck().get() as number;
}

/**
 * Derives the index rows of the notices from `firstNoticeId` on (the batch just stored): task sort keys, roles by
 * year and sort key, the units' tasks with their sort keys, and the full-text tokens. Call inside the batch's
 * transaction, after its rows.
 */
export function finishBatch(db: Db, firstNoticeId: number): void {
  db.function(GRAMS_FUNCTION, { deterministic: true }, (text: unknown) => grams(String(text ?? '')));
  db.prepare(
    'INSERT INTO task_keys (task_id, sort, year, series_id, notice_id) ' +
      `SELECT t.id, ${SORT_KEY}, p.year, p.series_id, t.notice_id FROM tasks t ` +
      'JOIN plans p ON p.id = t.plan_id JOIN notices n ON n.id = t.notice_id WHERE t.notice_id >= ?',
  ).run(firstNoticeId);
  db.prepare(
    'INSERT OR IGNORE INTO task_roles (role, year, sort, task_id) ' +
      'SELECT r.role, k.year, k.sort, k.task_id FROM task_keys k CROSS JOIN roles r ON r.task_id = k.task_id ' +
      'WHERE k.notice_id >= ?',
  ).run(firstNoticeId);
  db.prepare(
    'INSERT OR IGNORE INTO unit_tasks (unit_id, role, sort, year, task_id) ' +
      'SELECT r.unit_id, r.role, k.sort, k.year, k.task_id FROM task_keys k CROSS JOIN roles r ON r.task_id = k.task_id ' +
      'WHERE k.notice_id >= ?',
  ).run(firstNoticeId);
  db.prepare(
    `INSERT INTO tasks_fts (rowid, grams) SELECT id, ${GRAMS_FUNCTION}(text) FROM tasks WHERE notice_id >= ?`,
  ).run(firstNoticeId);
}
