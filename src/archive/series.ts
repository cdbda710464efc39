/**
 * Plan series: the editions of one plan over the years (郑州市2020年大气污染防治攻坚战实施方案, 郑州市2021年…) share
 * a key made of the issuer, the topic and the title with its years taken out. The archive stores the diff
 * between consecutive editions (by year, then by order of arrival), computed with the library's `diff`.
 */
import { deflateSync } from 'node:zlib';
import type { NoticeGraph } from '../graph/schema.js';
import type { Db } from './db.js';
import { loadGraph } from './load.js';

/** Years and year ranges in a title: 2020年, 2020年度, （2021—2025年）, 2021-2025. */
const YEARS = /[（(]?(?:19|20)\d{2}(?:\s*[—–\-~～至到]\s*(?:19|20)\d{2})?\s*年?度?[）)]?/g;
const NOISE = /[\s“”"《》]/g;

/** A plan title with its years removed (the part editions share). */
export function seriesTitle(title: string): string {
  return title.replace(YEARS, '').replace(NOISE, '');
}

/** The key of a plan's series: issuer, topic and title without years. */
export function seriesKey(issuer: string, topic: string | null, title: string): string {
  return `${issuer}|${topic ?? ''}|${seriesTitle(title)}`;
}

/** The id of the series of a plan, created when new. */
export function seriesId(db: Db, issuer: string, topic: string | null, title: string): number {
  const key = seriesKey(issuer, topic, title);
  const found = db.prepare('SELECT id FROM series WHERE key = ?').pluck().get(key) as number | undefined;
  if (found !== undefined) return found;
  return Number(
    db
      .prepare('INSERT INTO series (key, issuer, topic, title) VALUES (?, ?, ?, ?)')
      .run(key, issuer, topic, seriesTitle(title)).lastInsertRowid,
  );
}

interface Edition {
  plan: number;
  key: string;
  notice: number;
  year: number | null;
}

/**
 * Stores the diff of every consecutive pair of editions of the given series that has none yet (a pair whose
 * editions changed, because one arrived between them, gets its own). Returns how many diffs were computed.
 */
export async function updateSeriesDiffs(db: Db, series: Iterable<number>): Promise<number> {
  const { diff } = await import('../diff/index.js');
  const editions = db.prepare(
    'SELECT p.id AS plan, p.key AS key, p.notice_id AS notice, COALESCE(p.year, n.year) AS year ' +
      'FROM plans p JOIN notices n ON n.id = p.notice_id WHERE p.series_id = ? ORDER BY year, p.id',
  );
  const has = db.prepare('SELECT 1 FROM series_diffs WHERE old_plan = ? AND new_plan = ?').pluck();
  const drop = db.prepare('DELETE FROM series_diffs WHERE series_id = ?');
  const put = db.prepare('INSERT INTO series_diffs VALUES (?, ?, ?, ?, ?, ?, ?)');
  const graphs = new Map<number, NoticeGraph>();
  const graph = (id: number): NoticeGraph => {
    let g = graphs.get(id);
    if (!g) graphs.set(id, (g = loadGraph(db, id)));
    return g;
  };
  let computed = 0;
  for (const id of series) {
    const list = editions.all(id) as Edition[];
    const pairs = list.slice(1).map((n, i) => [list[i]!, n] as const);
    if (pairs.every(([o, n]) => has.get(o.plan, n.plan))) continue;
    drop.run(id);
    for (const [o, n] of pairs) {
      const full = diff(graph(o.notice), graph(n.notice));
      const own = (plan: string | undefined, side: string) => plan === side;
      const changes = full.changes.filter((c) => own(c.plan, n.key) || own(c.plan, o.key));
      const summary: Record<string, number> = {};
      for (const c of changes) summary[c.kind] = (summary[c.kind] ?? 0) + 1;
      const planDiff = {
        ...full,
        plans: full.plans.filter((p) => p.old === o.key && p.new === n.key),
        matches: full.matches.filter((m) => m.plan === n.key),
        changes,
        summary,
      };
      put.run(
        id,
        o.plan,
        n.plan,
        o.year,
        n.year,
        JSON.stringify(summary),
        deflateSync(JSON.stringify(planDiff)),
      );
      computed++;
    }
    graphs.clear();
  }
  return computed;
}
