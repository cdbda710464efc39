/** Queries over plan series, their stored diffs, notices and the deadline calendar. */
import type { Db } from './db.js';

/** A plan series: its editions' years and how many diffs it has (one per consecutive pair of editions). */
export interface SeriesRow {
  id: number;
  issuer: string;
  topic: string | null;
  title: string;
  editions: number;
  years: string;
  diffs: number;
}

/** Every series (with `multi`, only those with two editions or more), most editions first. */
export function querySeries(db: Db, options: { multi?: boolean; id?: number } = {}): SeriesRow[] {
  return db
    .prepare(
      'SELECT s.id, s.issuer, s.topic, s.title, COUNT(p.id) AS editions, ' +
        "GROUP_CONCAT(DISTINCT COALESCE(p.year, '?')) AS years, " +
        'COUNT(p.id) - 1 AS diffs ' +
        'FROM series s JOIN plans p ON p.series_id = s.id ' +
        (options.id !== undefined ? 'WHERE s.id = ? ' : '') +
        'GROUP BY s.id ' +
        (options.multi ? 'HAVING COUNT(p.id) > 1 ' : '') +
        'ORDER BY editions DESC, s.id',
    )
    .all(...(options.id !== undefined ? [options.id] : [])) as SeriesRow[];
}

export { querySeriesDiffs, type SeriesDiffRow } from './series-diffs.js';

/** A notice of the archive. */
export interface NoticeRow {
  id: number;
  title: string;
  issuers: string;
  date: string | null;
  year: number | null;
  path: string | null;
  format: string;
  sha256: string;
  tasks: number;
}

/** Notices, newest first (or the one with this id). */
export function queryNotices(db: Db, options: { id?: number; limit?: number } = {}): NoticeRow[] {
  return db
    .prepare(
      'SELECT n.id, n.title, n.issuers, n.date, n.year, n.path, n.format, n.sha256, ' +
        '(SELECT COUNT(*) FROM tasks t WHERE t.notice_id = n.id) AS tasks FROM notices n ' +
        (options.id !== undefined ? 'WHERE n.id = ? ' : '') +
        'ORDER BY n.date DESC, n.id DESC LIMIT ?',
    )
    .all(...(options.id !== undefined ? [options.id] : []), options.limit ?? 1000) as NoticeRow[];
}

/** A dated deadline with its task, for the calendar. */
export interface CalendarRow {
  date: string;
  text: string;
  kind: string;
  task: number | null;
  notice: number;
  path: string | null;
  title: string | null;
}

/** Deadlines the calendar shows at once. */
export const CALENDAR_PAGE = 2000;

/**
 * Dated deadlines in a window (inclusive ISO dates), by date: at most `limit` after the first `offset`; `more`:
 * the window holds more after them.
 */
export function queryCalendar(
  db: Db,
  from: string,
  to: string,
  { limit = CALENDAR_PAGE, offset = 0 }: { limit?: number; offset?: number } = {},
): { rows: CalendarRow[]; more: boolean } {
  const rows = db
    .prepare(
      'SELECT d.date, d.text, d.kind, d.task_id AS task, d.notice_id AS notice, t.path, t.title ' +
        'FROM deadlines d LEFT JOIN tasks t ON t.id = d.task_id WHERE d.date BETWEEN ? AND ? ' +
        'ORDER BY d.date, d.id LIMIT ? OFFSET ?',
    )
    .all(from, to, limit + 1, offset) as CalendarRow[];
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** Counts of the archive's rows, for the front page and the CLI. */
export function archiveCounts(db: Db): Record<string, number> {
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  return Object.fromEntries(
    ['notices', 'plans', 'tasks', 'units', 'deadlines', 'targets', 'series', 'series_diffs'].map((t) => [
      t,
      count(t),
    ]),
  );
}
