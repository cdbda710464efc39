/**
 * Plan series: the editions of one plan over the years (郑州市2020年大气污染防治攻坚战实施方案, 郑州市2021年…) share
 * a key made of the issuer, the topic and the title with its years taken out. The diffs between consecutive
 * editions are computed on first request and cached (series-diffs.ts).
 */
import type { Db } from './db.js';

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
