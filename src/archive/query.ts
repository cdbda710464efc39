/**
 * Queries over the archive: tasks by unit, role, deadline range, year, plan series and text; units with their
 * spellings; plan series and their stored diffs; the deadline calendar. Shared by the CLI and the web app.
 */
import { ROLES, type Role } from '../graph/schema.js';
import type { Db } from './db.js';

/** Filters of a task query; every one is optional. */
export interface TaskFilter {
  /** A unit's canonical name or any spelling met. */
  unit?: string;
  role?: Role;
  /** Deadline window, inclusive ISO dates: tasks with a deadline inside it. */
  dueFrom?: string;
  dueTo?: string;
  /** Plan year. */
  year?: number;
  /** Plan series id. */
  series?: number;
  /** Notice id. */
  notice?: number;
  /** Text search over the task text (FTS5 trigram from 3 characters, a substring scan below). */
  q?: string;
  limit?: number;
}

/** A task row of a query, with its units by role and its deadlines. */
export interface TaskRow {
  id: number;
  notice: number;
  noticeTitle: string;
  plan: string;
  planTitle: string;
  year: number | null;
  path: string;
  title: string;
  text: string;
  start: number | null;
  end: number | null;
  lead: string[];
  cooperating: string[];
  responsible: string[];
  guidance: string[];
  deadlines: { text: string; date: string | null; kind: string; start: number | null; end: number | null }[];
}

/** Rows a query returns at most unless told otherwise. */
export const DEFAULT_LIMIT = 500;

/** Parses `A..B` (either side may be empty) into an inclusive window, or an error message. */
export function parseDue(due: string): { from?: string; to?: string } | string {
  const m = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(due.trim());
  const day = /^\d{4}-\d{2}-\d{2}$/.exec(due.trim());
  if (day) return { from: day[0], to: day[0] };
  if (!m || (!m[1] && !m[2]))
    return `--due must be DATE..DATE (YYYY-MM-DD, either side may be left out), not '${due}'`;
  return { ...(m[1] ? { from: m[1] } : {}), ...(m[2] ? { to: m[2] } : {}) };
}

/** Whether a string is a role name. */
export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** The ids of the units a name denotes: a canonical name, or a spelling met in some notice. */
export function unitIds(db: Db, name: string): number[] {
  return db
    .prepare('SELECT id FROM units WHERE name = ? UNION SELECT unit_id FROM unit_names WHERE name = ?')
    .pluck()
    .all(name, name) as number[];
}

/** An FTS5 phrase query for a literal string (quotes doubled). */
const phrase = (q: string): string => `"${q.replace(/"/g, '""')}"`;
/** A LIKE pattern for a literal substring (escape character: \). */
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The tasks that pass every filter, in notice date order. */
export function queryTasks(db: Db, f: TaskFilter): TaskRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  const q = f.q?.trim();
  const fts = q !== undefined && [...q].length >= 3;
  if (f.unit !== undefined) {
    const ids = unitIds(db, f.unit);
    if (ids.length === 0) return [];
    const units = `unit_id IN (${ids.map(() => '?').join(',')})${f.role ? ' AND role = ?' : ''}`;
    // A deadline window or an indexed text search usually names fewer tasks than a unit's roles over the years
    // (a unit's short spelling, 市生态环境局, is every city's): then they drive and the unit is checked per task.
    if (f.dueFrom !== undefined || f.dueTo !== undefined || fts)
      where.push(`EXISTS (SELECT 1 FROM roles r WHERE r.task_id = t.id AND ${units})`);
    else where.push(`t.id IN (SELECT task_id FROM roles WHERE ${units})`);
    args.push(...ids, ...(f.role ? [f.role] : []));
  } else if (f.role) {
    // Checked per task (index roles_task_role): listing every task of a role first reads a third of `roles`.
    where.push('EXISTS (SELECT 1 FROM roles r WHERE r.task_id = t.id AND r.role = ?)');
    args.push(f.role);
  }
  if (f.dueFrom !== undefined || f.dueTo !== undefined) {
    where.push('t.id IN (SELECT task_id FROM deadlines WHERE date BETWEEN ? AND ?)');
    args.push(f.dueFrom ?? '0000-01-01', f.dueTo ?? '9999-12-31');
  }
  if (q) {
    // The trigram tokenizer indexes runs of three characters: shorter queries scan the (filtered) rows.
    if (fts) {
      where.push('t.id IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?)');
      args.push(phrase(q));
    } else {
      where.push("t.text LIKE ? ESCAPE '\\'");
      args.push(likePattern(q));
    }
  }
  for (const [column, value] of [
    ['p.year', f.year],
    ['p.series_id', f.series],
    ['t.notice_id', f.notice],
  ] as const)
    if (value !== undefined) {
      where.push(`${column} = ?`);
      args.push(value);
    }
  const sql =
    'SELECT t.id, t.notice_id AS notice, n.title AS noticeTitle, p.key AS plan, p.title AS planTitle, ' +
    'p.year AS year, t.path, t.title, t.text, t.start, t.end FROM tasks t JOIN plans p ON p.id = t.plan_id ' +
    `JOIN notices n ON n.id = t.notice_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ` +
    'ORDER BY n.date, t.notice_id, t.id LIMIT ?';
  const rows = db.prepare(sql).all(...args, f.limit ?? DEFAULT_LIMIT) as Omit<
    TaskRow,
    (typeof ROLES)[number] | 'deadlines'
  >[];
  // The units and deadlines of every row at once (one statement each, not two per row).
  const ids = JSON.stringify(rows.map((r) => r.id));
  const byTask = new Map<number, TaskRow>();
  const out = rows.map((r) => {
    const row: TaskRow = { ...r, lead: [], cooperating: [], responsible: [], guidance: [], deadlines: [] };
    byTask.set(r.id, row);
    return row;
  });
  const each = 'task_id IN (SELECT value FROM json_each(?))';
  for (const { task, role, name } of db
    .prepare(`SELECT task_id AS task, role, name FROM roles WHERE ${each} ORDER BY rowid`)
    .all(ids) as { task: number; role: Role; name: string }[]) {
    const list = byTask.get(task)![role];
    if (!list.includes(name)) list.push(name);
  }
  for (const { task, ...d } of db
    .prepare(`SELECT task_id AS task, text, date, kind, start, end FROM deadlines WHERE ${each} ORDER BY id`)
    .all(ids) as ({ task: number } & TaskRow['deadlines'][number])[])
    byTask.get(task)!.deadlines.push(d);
  return out;
}

/** A unit of the archive: its canonical name, every spelling met, and its tasks per role. */
export interface UnitRow {
  id: number;
  name: string;
  kind: string;
  spellings: string[];
  notices: number;
  lead: number;
  cooperating: number;
  responsible: number;
  guidance: number;
}

/** Every unit (or the one a name denotes), most tasks first. */
export function queryUnits(db: Db, name?: string): UnitRow[] {
  const ids = name === undefined ? null : unitIds(db, name);
  const rows = db
    .prepare(
      'SELECT u.id, u.name, u.kind, COUNT(DISTINCT r.notice_id) AS notices, ' +
        "SUM(r.role = 'lead') AS lead, SUM(r.role = 'cooperating') AS cooperating, " +
        "SUM(r.role = 'responsible') AS responsible, SUM(r.role = 'guidance') AS guidance " +
        'FROM units u LEFT JOIN roles r ON r.unit_id = u.id ' +
        (ids ? `WHERE u.id IN (${ids.map(() => '?').join(',') || 'NULL'}) ` : '') +
        'GROUP BY u.id ORDER BY COUNT(r.rowid) DESC, u.name',
    )
    .all(...(ids ?? [])) as Omit<UnitRow, 'spellings'>[];
  const spellings = db
    .prepare('SELECT name FROM unit_names WHERE unit_id = ? ORDER BY notices DESC, name')
    .pluck();
  return rows.map((r) => ({
    ...r,
    lead: r.lead ?? 0,
    cooperating: r.cooperating ?? 0,
    responsible: r.responsible ?? 0,
    guidance: r.guidance ?? 0,
    spellings: spellings.all(r.id) as string[],
  }));
}
