/**
 * Queries over the archive: tasks by unit, role, deadline range, year, plan series and text; units with their
 * spellings; plan series and their stored diffs; the deadline calendar. Shared by the CLI and the web app.
 */
import { ROLES, type Role } from '../graph/schema.js';
import type { Db } from './db.js';
import type BetterSqlite3 from 'better-sqlite3';
import { matchIsExact, matchQuery } from './derive.js';

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
  /** Text search: tasks whose text holds the string (ASCII letters in any case), through the bigram index. */
  q?: string;
  limit?: number;
  /** Rows skipped before the first returned (paging). */
  offset?: number;
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

/** A LIKE pattern for a literal substring (escape character: \). */
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Matches a query counts at most: past it a page says "more than". */
export const COUNT_CAP = 10_000;

/** Statements of a handle by SQL text (a query's SQL depends only on which filters it has and its unit count). */
const statements = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();
const STATEMENTS_KEPT = 200;

/** A statement prepared once per handle. */
function statement(db: Db, sql: string): BetterSqlite3.Statement {
  let kept = statements.get(db);
  if (!kept) statements.set(db, (kept = new Map()));
  let s = kept.get(sql);
  if (!s) {
    if (kept.size >= STATEMENTS_KEPT) kept.clear();
    kept.set(sql, (s = db.prepare(sql)));
  }
  return s;
}

/** The SQL of the tasks that pass a filter: a FROM clause, its conditions and arguments, the sort column. */
interface Candidates {
  from: string;
  where: string[];
  args: unknown[];
  sort: string;
  /** The task id selected (`k.task_id`, or `ut.task_id` when a unit's tasks drive: DISTINCT then). */
  id: string;
}

/**
 * How a filter is answered. The most selective filter drives (a notice's tasks; the full-text index; a deadline
 * window; a unit's tasks with their sort keys; a role by year in sort order; else task_keys by year, series or in
 * sort order), the others are checked per task through covering indexes, and a text search longer than one
 * bigram is checked against the text itself (the index gives a superset). Null when nothing can match (an
 * unknown unit).
 */
function candidates(db: Db, f: TaskFilter): Candidates | null {
  const where: string[] = [];
  const args: unknown[] = [];
  const q = f.q?.trim() || undefined;
  const match = q === undefined ? null : matchQuery(q);
  const due = f.dueFrom !== undefined || f.dueTo !== undefined;
  const window = [f.dueFrom ?? '0000-01-01', f.dueTo ?? '9999-12-31'];
  const ids = f.unit === undefined ? null : unitIds(db, f.unit);
  if (ids?.length === 0) return null;
  const units = ids ? `unit_id IN (${ids.map(() => '?').join(',')})${f.role ? ' AND role = ?' : ''}` : '';
  const unitArgs = ids ? [...ids, ...(f.role ? [f.role] : [])] : [];
  const through = (sub: string, subArgs: unknown[]): string => {
    args.push(...subArgs);
    return `(${sub}) m CROSS JOIN task_keys k ON k.task_id = m.id`;
  };
  let from: string;
  let sort = 'k.sort';
  let id = 'k.task_id';
  let driven: 'notice' | 'text' | 'due' | 'unit' | 'role' | 'keys';
  if (f.notice !== undefined) {
    driven = 'notice';
    from = 'task_keys k';
  } else if (match !== null) {
    driven = 'text';
    from = through('SELECT rowid AS id FROM tasks_fts WHERE tasks_fts MATCH ?', [match]);
  } else if (due) {
    driven = 'due';
    from = through('SELECT DISTINCT task_id AS id FROM deadlines WHERE date BETWEEN ? AND ?', window);
  } else if (ids && f.series === undefined && q === undefined) {
    // A unit's tasks with their sort keys (unit_tasks): no lookup of each task's keys before the sort.
    driven = 'unit';
    from = 'unit_tasks ut';
    id = 'DISTINCT ut.task_id';
    sort = 'ut.sort';
    where.push(`ut.${units.replace(' AND role', ' AND ut.role')}`);
    args.push(...unitArgs);
    if (f.year !== undefined) {
      where.push('ut.year = ?');
      args.push(f.year);
    }
  } else if (ids) {
    driven = 'unit';
    from = through(`SELECT DISTINCT task_id AS id FROM roles WHERE ${units}`, unitArgs);
  } else if (f.role) {
    driven = 'role';
    from = 'task_roles tr CROSS JOIN task_keys k ON k.task_id = tr.task_id';
    sort = 'tr.sort';
    where.push('tr.role = ?');
    args.push(f.role);
    if (f.year !== undefined) {
      where.push('tr.year = ?');
      args.push(f.year);
    }
  } else {
    driven = 'keys';
    from = 'task_keys k';
  }
  if (ids && driven !== 'unit') {
    // `+`: the unit is checked on the task's few roles, not looked up once per unit id (305 for 市生态环境局).
    const role = f.role ? ' AND r.role = ?' : '';
    where.push(
      `EXISTS (SELECT 1 FROM roles r WHERE r.task_id = k.task_id${role} AND +r.unit_id IN (${ids.map(() => '?').join(',')}))`,
    );
    args.push(...(f.role ? [f.role] : []), ...ids);
  } else if (!ids && f.role && driven !== 'role') {
    where.push('EXISTS (SELECT 1 FROM roles r WHERE r.task_id = k.task_id AND r.role = ?)');
    args.push(f.role);
  }
  if (due && driven !== 'due') {
    where.push('EXISTS (SELECT 1 FROM deadlines d WHERE d.task_id = k.task_id AND d.date BETWEEN ? AND ?)');
    args.push(...window);
  }
  for (const [column, value] of [
    ['k.year', driven === 'role' || id !== 'k.task_id' ? undefined : f.year],
    ['k.series_id', f.series],
    ['k.notice_id', f.notice],
  ] as const)
    if (value !== undefined) {
      where.push(`${column} = ?`);
      args.push(value);
    }
  if (q !== undefined && !(driven === 'text' && matchIsExact(q))) {
    where.push("EXISTS (SELECT 1 FROM tasks t WHERE t.id = k.task_id AND t.text LIKE ? ESCAPE '\\')");
    args.push(likePattern(q));
  }
  return { from, where, args, sort, id };
}

const whereClause = (c: Candidates): string => (c.where.length ? ` WHERE ${c.where.join(' AND ')}` : '');

/** A page of a task query: its rows, and how many tasks match (at most `COUNT_CAP`; `more`: there are more). */
export interface TaskPage {
  rows: TaskRow[];
  total: number;
  more: boolean;
}

/** The tasks that pass every filter, in notice date order (`offset`, `limit`: the page), with their count. */
export function queryTaskPage(db: Db, f: TaskFilter, cap = COUNT_CAP): TaskPage {
  const c = candidates(db, f);
  if (!c) return { rows: [], total: 0, more: false };
  // One statement gives the count and, within the first `cap` rows, the page: the ids in order up to cap + 1.
  const ids = statement(db, `SELECT ${c.id} FROM ${c.from}${whereClause(c)} ORDER BY ${c.sort} LIMIT ?`)
    .pluck()
    .all(...c.args, cap + 1) as number[];
  const from = f.offset ?? 0;
  const to = from + (f.limit ?? DEFAULT_LIMIT);
  const rows = to <= cap ? assemble(db, ids.slice(from, to)) : pageOf(db, f, c);
  return { rows, total: Math.min(ids.length, cap), more: ids.length > cap };
}

/** The tasks that pass every filter, in notice date order (at most `limit`, after `offset`). */
export function queryTasks(db: Db, f: TaskFilter): TaskRow[] {
  const c = candidates(db, f);
  return c ? pageOf(db, f, c) : [];
}

function pageOf(db: Db, f: TaskFilter, c: Candidates): TaskRow[] {
  const page = statement(
    db,
    `SELECT ${c.id} FROM ${c.from}${whereClause(c)} ORDER BY ${c.sort} LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...c.args, f.limit ?? DEFAULT_LIMIT, f.offset ?? 0) as number[];
  return assemble(db, page);
}

/** The rows of tasks (in the order given) with their units and deadlines: three statements for the whole page. */
function assemble(db: Db, taskIds: number[]): TaskRow[] {
  if (taskIds.length === 0) return [];
  const ids = JSON.stringify(taskIds);
  const rows = statement(
    db,
    'SELECT t.id, t.notice_id AS notice, n.title AS noticeTitle, p.key AS plan, p.title AS planTitle, ' +
      'p.year AS year, t.path, t.title, t.text, t.start, t.end FROM json_each(?) j ' +
      'CROSS JOIN tasks t ON t.id = j.value JOIN plans p ON p.id = t.plan_id ' +
      'JOIN notices n ON n.id = t.notice_id ORDER BY j.key',
  ).all(ids) as Omit<TaskRow, (typeof ROLES)[number] | 'deadlines'>[];
  const byTask = new Map<number, TaskRow>();
  const out = rows.map((r) => {
    const row: TaskRow = { ...r, lead: [], cooperating: [], responsible: [], guidance: [], deadlines: [] };
    byTask.set(r.id, row);
    return row;
  });
  const each = 'task_id IN (SELECT value FROM json_each(?))';
  for (const { task, role, name } of statement(
    db,
    `SELECT task_id AS task, role, name FROM roles WHERE ${each} ORDER BY rowid`,
  ).all(ids) as { task: number; role: Role; name: string }[]) {
    const list = byTask.get(task)![role];
    if (!list.includes(name)) list.push(name);
  }
  for (const { task, ...d } of statement(
    db,
    `SELECT task_id AS task, text, date, kind, start, end FROM deadlines WHERE ${each} ORDER BY id`,
  ).all(ids) as ({ task: number } & TaskRow['deadlines'][number])[])
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
  return unitRows(db, name === undefined ? null : unitIds(db, name));
}

/**
 * The one unit a name denotes: the unit of that canonical name, else the unit that spelling was met for in the
 * most notices (市生态环境局 is 305 cities' units over 10,000 notices: a unit's page shows one, not all 305).
 */
export function queryUnit(db: Db, name: string): UnitRow | undefined {
  const id = db
    .prepare(
      'SELECT id FROM units WHERE name = ? UNION ALL ' +
        'SELECT * FROM (SELECT unit_id FROM unit_names WHERE name = ? ORDER BY notices DESC, unit_id LIMIT 1)',
    )
    .pluck()
    .get(name, name) as number | undefined;
  return id === undefined ? undefined : unitRows(db, [id])[0];
}

function unitRows(db: Db, ids: number[] | null): UnitRow[] {
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
