/**
 * Puts one NoticeGraph into the archive: its rows in every table, its graph JSON and repaired text (deflated by
 * the caller). The caller wraps a batch in one transaction and derives the indexes after it (derive.ts).
 */
import type { GraphNode, NoticeGraph } from '../graph/schema.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './db.js';
import { seriesId } from './series.js';

type Statement = BetterSqlite3.Statement<unknown[]>;

/** Prepared statements of the inserts, made once per database. */
interface Inserts {
  notice: Statement;
  blob: Statement;
  plan: Statement;
  section: Statement;
  task: Statement;
  unitFind: Statement;
  unitAdd: Statement;
  nameSeen: Statement;
  role: Statement;
  deadline: Statement;
  target: Statement;
  ref: Statement;
  repair: Statement;
  has: Statement;
}

/** What the archive keeps whole of a notice, deflated: its graph JSON and its exact repaired text (or nothing). */
export interface Blobs {
  graph: Buffer;
  /** Empty when the text is not exact: it is then laid out from the graph's leaves when read. */
  text: Buffer;
  exact: boolean;
}

const cache = new WeakMap<Db, Inserts>();

function inserts(db: Db): Inserts {
  let s = cache.get(db);
  if (s) return s;
  const q = (sql: string) => db.prepare(sql);
  s = {
    notice: q(
      'INSERT INTO notices (sha256, path, format, title, issuers, doc_number, date, year, added_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    blob: q('INSERT INTO notice_blobs VALUES (?, ?, ?, ?)'),
    plan: q(
      'INSERT INTO plans (notice_id, key, title, year, topic, series_id, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    section: q(
      'INSERT INTO sections (notice_id, plan_id, key, path, marker, level, title, start, end) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    task: q(
      'INSERT INTO tasks (notice_id, plan_id, key, path, number, title, text, start, end, page) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    unitFind: q('SELECT id FROM units WHERE name = ?').pluck(),
    unitAdd: q('INSERT INTO units (name, kind) VALUES (?, ?)'),
    nameSeen: q(
      'INSERT INTO unit_names VALUES (?, ?, 1) ON CONFLICT (unit_id, name) DO UPDATE SET notices = notices + 1',
    ),
    role: q('INSERT INTO roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    deadline: q(
      'INSERT INTO deadlines (notice_id, plan_id, task_id, holder, text, date, kind, period, start, end) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    target: q('INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    ref: q('INSERT INTO refs VALUES (?, ?, ?, ?)'),
    repair: q('INSERT INTO repairs VALUES (?, ?, ?, ?, ?, ?)'),
    has: q('SELECT 1 FROM notices WHERE sha256 = ?').pluck(),
  };
  cache.set(db, s);
  return s;
}

/** Whether a notice with this input hash is in the archive. */
export function hasNotice(db: Db, sha256: string): boolean {
  return inserts(db).has.get(sha256) !== undefined;
}

/** The plan a node belongs to: the plan id its own id starts with (`air/三/(一)/1#deadline-0` → air). */
function planOf(id: string, plans: Map<string, number>): number | null {
  const head = id.split(/[/#]/, 1)[0]!;
  return plans.get(head) ?? null;
}

/** What `addGraph` did. */
export interface Added {
  notice: number;
  series: number[];
}

/**
 * Adds a graph (not yet in the archive: check `hasNotice`) with its deflated JSON and text. Returns the notice's
 * row id and the series its plans joined.
 */
export function addGraph(db: Db, graph: NoticeGraph, blobs: Blobs): Added {
  const s = inserts(db);
  const doc = graph.document;
  const notice = Number(
    s.notice.run(
      graph.source.sha256,
      graph.source.path ?? null,
      graph.source.format,
      doc.title,
      doc.issuers.join('、'),
      doc.docNumber ?? null,
      doc.date ?? null,
      doc.year ?? null,
      new Date().toISOString(),
    ).lastInsertRowid,
  );
  s.blob.run(notice, blobs.graph, blobs.text, blobs.exact ? 1 : 0);
  const byId = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const plans = new Map<string, number>();
  const tasks = new Map<string, number>();
  const series: number[] = [];
  const issuer = doc.issuers[0] ?? '';
  for (const n of graph.nodes) {
    if (n.type !== 'plan') continue;
    const sid = seriesId(db, issuer, n.topic, n.title);
    series.push(sid);
    const year = n.year ?? doc.year ?? null;
    const id = s.plan.run(
      notice,
      n.id,
      n.title,
      year,
      n.topic,
      sid,
      n.span?.start ?? null,
      n.span?.end ?? null,
    );
    plans.set(n.id, Number(id.lastInsertRowid));
  }
  for (const n of graph.nodes) {
    const plan = planOf(n.id, plans);
    if (n.type === 'section' && plan !== null)
      s.section.run(
        notice,
        plan,
        n.id,
        n.path,
        n.marker,
        n.level,
        n.title,
        n.span?.start ?? null,
        n.span?.end ?? null,
      );
    else if (n.type === 'task' && plan !== null) {
      const id = Number(
        s.task.run(
          notice,
          plan,
          n.id,
          n.path,
          n.number,
          n.title,
          n.text,
          n.span?.start ?? null,
          n.span?.end ?? null,
          n.page ?? null,
        ).lastInsertRowid,
      );
      tasks.set(n.id, id);
    }
  }
  const units = new Map<string, number>();
  const unitId = (node: Extract<GraphNode, { type: 'unit' }>): number => {
    const key = node.canonical ?? node.name;
    let id = units.get(key) ?? (s.unitFind.get(key) as number | undefined);
    if (id === undefined) id = Number(s.unitAdd.run(key, node.kind).lastInsertRowid);
    if (!units.has(key)) units.set(key, id);
    return id;
  };
  for (const n of graph.nodes) if (n.type === 'unit') s.nameSeen.run(unitId(n), n.name);
  for (const e of graph.edges) {
    const to = byId.get(e.to);
    if (!to) continue;
    const plan = planOf(e.from, plans);
    const task = tasks.get(e.from) ?? null;
    const span = e.span ?? to.span;
    if (to.type === 'unit')
      s.role.run(
        notice,
        plan,
        task,
        e.from,
        unitId(to),
        to.name,
        e.type,
        e.inherited ? 1 : 0,
        e.note ?? null,
        span?.start ?? null,
        span?.end ?? null,
      );
    else if (to.type === 'deadline')
      s.deadline.run(
        notice,
        plan,
        task,
        e.from,
        to.text,
        to.date,
        to.kind,
        to.period ?? null,
        span?.start ?? null,
        span?.end ?? null,
      );
    else if (to.type === 'target')
      s.target.run(
        notice,
        plan,
        task,
        e.from,
        to.text,
        to.indicator,
        to.comparator,
        JSON.stringify(to.value),
        to.unit,
        to.baseline ?? null,
        to.kind,
        span?.start ?? null,
        span?.end ?? null,
      );
    else if (to.type === 'reference') s.ref.run(notice, e.from, to.title, to.docNumber ?? null);
  }
  for (const r of graph.repairs) s.repair.run(notice, r.ruleId, r.start, r.end, r.raw, r.fixed);
  return { notice, series };
}
