/**
 * The diffs between consecutive editions of a plan series, computed on first request (`archive diff`, serve's
 * series and diff pages) and cached in `series_diffs`, so `archive add` never waits for them. An edition that
 * arrives between two others makes their pair stale: `add` drops such rows (`dropStaleDiffs`), and the new pairs
 * are computed when next asked for. A handle that cannot write (a read-only file, another writer holding the
 * lock) keeps what it computed in memory for its lifetime instead.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { diff, type PlanDiff } from '../diff/index.js';
import type { NoticeGraph } from '../graph/schema.js';
import type { Db } from './db.js';
import { loadGraph } from './load.js';

interface Edition {
  plan: number;
  key: string;
  notice: number;
  year: number | null;
  title: string;
}

/** A diff between consecutive editions of a series (computed or cached). */
export interface SeriesDiffRow {
  oldPlan: number;
  newPlan: number;
  oldYear: number | null;
  newYear: number | null;
  oldNotice: number;
  newNotice: number;
  oldTitle: string;
  newTitle: string;
  summary: Record<string, number>;
}

/** The editions of a series by year, then by order of arrival. */
function editions(db: Db, series: number): Edition[] {
  return db
    .prepare(
      'SELECT p.id AS plan, p.key AS key, p.notice_id AS notice, COALESCE(p.year, n.year) AS year, ' +
        'p.title AS title FROM plans p JOIN notices n ON n.id = p.notice_id WHERE p.series_id = ? ' +
        'ORDER BY year, p.id',
    )
    .all(series) as Edition[];
}

/** The consecutive pairs of a series' editions. */
function pairs(db: Db, series: number): (readonly [Edition, Edition])[] {
  const list = editions(db, series);
  return list.slice(1).map((n, i) => [list[i]!, n] as const);
}

/** Deletes the stored diffs of a series whose editions are no longer consecutive. Returns how many. */
export function dropStaleDiffs(db: Db, series: number): number {
  const keep = new Set(pairs(db, series).map(([o, n]) => `${o.plan}:${n.plan}`));
  const rows = db
    .prepare('SELECT old_plan, new_plan FROM series_diffs WHERE series_id = ?')
    .raw()
    .all(series) as [number, number][];
  const drop = db.prepare('DELETE FROM series_diffs WHERE old_plan = ? AND new_plan = ?');
  let dropped = 0;
  for (const [o, n] of rows) if (!keep.has(`${o}:${n}`)) dropped += drop.run(o, n).changes;
  return dropped;
}

interface Cached {
  summary: string;
  diff: Buffer;
}

/** Diffs computed by a handle that could not store them. */
const memory = new WeakMap<Db, Map<string, Cached>>();

/** The PlanDiff of two editions: the notices' diff restricted to the series' plan. */
function compute(db: Db, o: Edition, n: Edition): Cached {
  const graphs = new Map<number, NoticeGraph>();
  const graph = (id: number) => graphs.get(id) ?? graphs.set(id, loadGraph(db, id)).get(id)!;
  const full = diff(graph(o.notice), graph(n.notice));
  const changes = full.changes.filter((c) => c.plan === n.key || c.plan === o.key);
  const summary: Record<string, number> = {};
  for (const c of changes) summary[c.kind] = (summary[c.kind] ?? 0) + 1;
  const planDiff = {
    ...full,
    plans: full.plans.filter((p) => p.old === o.key && p.new === n.key),
    matches: full.matches.filter((m) => m.plan === n.key),
    changes,
    summary,
  };
  return { summary: JSON.stringify(summary), diff: deflateSync(JSON.stringify(planDiff)) };
}

/** The cached diff of a pair, computing (and storing, when the handle can) it when missing. */
function pairDiff(db: Db, series: number, o: Edition, n: Edition): Cached {
  const stored = db
    .prepare('SELECT summary, diff FROM series_diffs WHERE old_plan = ? AND new_plan = ?')
    .get(o.plan, n.plan) as Cached | undefined;
  if (stored) return stored;
  const key = `${o.plan}:${n.plan}`;
  const mem = memory.get(db) ?? memory.set(db, new Map()).get(db)!;
  const held = mem.get(key);
  if (held) return held;
  const made = compute(db, o, n);
  try {
    if (db.readonly) throw new Error('read-only');
    db.prepare('INSERT OR REPLACE INTO series_diffs VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      series,
      o.plan,
      n.plan,
      o.year,
      n.year,
      made.summary,
      made.diff,
    );
  } catch {
    mem.set(key, made); // cannot write here (read-only file, busy): keep it for this handle
  }
  return made;
}

const row = (o: Edition, n: Edition, c: Cached): SeriesDiffRow => ({
  oldPlan: o.plan,
  newPlan: n.plan,
  oldYear: o.year,
  newYear: n.year,
  oldNotice: o.notice,
  newNotice: n.notice,
  oldTitle: o.title,
  newTitle: n.title,
  summary: JSON.parse(c.summary) as Record<string, number>,
});

/** The diffs of a series in edition order (with `year`, only the one leading to that year's edition). */
export function querySeriesDiffs(db: Db, series: number, year?: number): SeriesDiffRow[] {
  return pairs(db, series)
    .filter(([, n]) => year === undefined || n.year === year)
    .map(([o, n]) => row(o, n, pairDiff(db, series, o, n)));
}

/** The diff between two consecutive editions of a series (the PlanDiff restricted to its plan), or null. */
export function loadSeriesDiff(db: Db, oldPlan: number, newPlan: number): PlanDiff | null {
  const series = db.prepare('SELECT series_id FROM plans WHERE id = ?').pluck().get(newPlan) as
    number | null | undefined;
  if (series === undefined || series === null) return null;
  const pair = pairs(db, series).find(([o, n]) => o.plan === oldPlan && n.plan === newPlan);
  if (!pair) return null;
  return JSON.parse(inflateSync(pairDiff(db, series, ...pair).diff).toString('utf8')) as PlanDiff;
}
