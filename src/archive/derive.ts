/**
 * What the archive derives from a batch's rows once the batch is stored, with set-based SQL inside the batch's
 * transaction: the full-text index over task text (overlapping bigrams: see `grams`), each task's sort key with
 * its plan's year and series (`task_keys`), its roles by year in sort order (`task_roles`) and by unit
 * (`unit_tasks`). The queries
 * (query.ts) read these; nothing else writes them.
 */
import type { Db } from './db.js';
import { isWhitespace } from '../repair/chars.js';

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

/** Whether a UTF-16 code unit ends a run (`RUN`'s complement: JavaScript's `\s`, or ASCII but a letter or digit). */
function separates(code: number): boolean {
  if (code < 0x80)
    return !((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a));
  return isWhitespace(code);
}

/**
 * The index tokens of a text, space-separated: for each run (`runs`) its overlapping bigrams in order, then its
 * last character alone (so every character of a run starts a token: a one-character query is a prefix query).
 * 扬尘治理 → `扬尘 尘治 治理 理`. Deterministic; the same cut makes the queries (`matchQuery`). One pass over the
 * code units (the archive's writer calls it for every task: a third of the time of cutting the runs first).
 */
export function grams(text: string): string {
  const n = text.length;
  // At most three code units out for each in (a BMP character: in two tokens, with a space; an astral one's
  // surrogate pair: twice, with a space), and the last token's trailing character.
  if (out16.length < 3 * n + 2) {
    outBytes = Buffer.allocUnsafe(2 * (3 * n + 2));
    out16 = new Uint16Array(outBytes.buffer, outBytes.byteOffset, outBytes.byteLength >> 1);
  }
  const out = out16;
  let at = 0;
  let prev = -1; // where the run's last character so far starts in `text` (-1 outside a run)
  let prevEnd = -1;
  const put = (from: number, to: number): void => {
    for (let k = from; k < to; k++) out[at++] = text.charCodeAt(k);
  };
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (separates(code)) {
      if (prev >= 0) {
        if (at > 0) out[at++] = SPACE;
        put(prev, prevEnd);
      }
      prev = -1;
      continue;
    }
    const start = i;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    if (prev >= 0) {
      if (at > 0) out[at++] = SPACE;
      put(prev, i + 1);
    }
    prev = start;
    prevEnd = i + 1;
  }
  if (prev >= 0) {
    if (at > 0) out[at++] = SPACE;
    put(prev, prevEnd);
  }
  return outBytes.toString('utf16le', 0, 2 * at);
}

const SPACE = 0x20;
/** The output buffer of `grams`, grown as needed (the writer calls it for every task). */
let outBytes = Buffer.alloc(0);
let out16 = new Uint16Array(0);

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
