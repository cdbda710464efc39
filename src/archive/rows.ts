/**
 * A NoticeGraph flattened into the archive's rows, ready to insert (store.ts): made in a worker thread, so the
 * main thread of `archive add` only hands each table's rows to SQLite. Each table is one JSON array of row
 * arrays (the writer parses it and runs one statement a row). Rows refer to each other by their
 * index in this notice (a task's plan is its plan's index in `plans`); the writer turns indexes into row ids.
 */
import type { GraphNode, NoticeGraph } from '../graph/schema.js';
import { seriesKey, seriesTitle } from './series.js';

/** The tables whose rows a notice brings, in the order they are written. */
export const ROW_TABLES = [
  'plans',
  'sections',
  'tasks',
  'units',
  'roles',
  'deadlines',
  'targets',
  'refs',
  'repairs',
] as const;
export type RowTable = (typeof ROW_TABLES)[number];

type Cell = string | number | null;

/** A notice's rows: the notice's own columns, each table's rows as JSON text (absent when it has none). */
export interface NoticeRows {
  /** sha256, path, format, title, issuers, doc_number, date, year. */
  notice: Cell[];
  plans: number;
  tasks: number;
  tables: Partial<Record<RowTable, string>>;
}

/** The plan a node belongs to: the plan id its own id starts with (`air/三/(一)/1#deadline-0` → air). */
function planOf(id: string, plans: Map<string, number>): number | null {
  const head = id.split(/[/#]/, 1)[0]!;
  return plans.get(head) ?? null;
}

/**
 * The rows of a graph. Row layouts (store.ts reads them by position):
 * plans [key, title, year, topic, seriesKey, issuer, seriesTitle, start, end];
 * sections [plan, key, path, marker, level, title, start, end];
 * tasks [plan, key, path, number, title, text, start, end, page];
 * units [canonical name, kind, name met];
 * roles [plan, task, holder, canonical name, name, role, inherited, note, start, end];
 * deadlines [plan, task, holder, text, date, kind, period, start, end];
 * targets [plan, task, holder, text, indicator, comparator, value JSON, unit, baseline, kind, start, end];
 * refs [holder, title, docNumber]; repairs [ruleId, start, end, raw, fixed].
 */
export function noticeRows(graph: NoticeGraph): NoticeRows {
  const doc = graph.document;
  const issuer = doc.issuers[0] ?? '';
  const rows: Record<RowTable, Cell[][]> = {
    plans: [],
    sections: [],
    tasks: [],
    units: [],
    roles: [],
    deadlines: [],
    targets: [],
    refs: [],
    repairs: [],
  };
  const byId = new Map<string, GraphNode>();
  const plans = new Map<string, number>();
  for (const n of graph.nodes) {
    byId.set(n.id, n);
    if (n.type !== 'plan') continue;
    plans.set(n.id, rows.plans.length);
    rows.plans.push([
      n.id,
      n.title,
      n.year ?? doc.year ?? null,
      n.topic,
      seriesKey(issuer, n.topic, n.title),
      issuer,
      seriesTitle(n.title),
      n.span?.start ?? null,
      n.span?.end ?? null,
    ]);
  }
  const tasks = new Map<string, number>();
  for (const n of graph.nodes) {
    if (n.type === 'unit') {
      rows.units.push([n.canonical ?? n.name, n.kind, n.name]);
      continue;
    }
    if (n.type !== 'section' && n.type !== 'task') continue;
    const plan = planOf(n.id, plans);
    if (plan === null) continue;
    const start = n.span?.start ?? null;
    const end = n.span?.end ?? null;
    if (n.type === 'section')
      rows.sections.push([plan, n.id, n.path, n.marker, n.level, n.title, start, end]);
    else {
      tasks.set(n.id, rows.tasks.length);
      rows.tasks.push([plan, n.id, n.path, n.number, n.title, n.text, start, end, n.page ?? null]);
    }
  }
  for (const e of graph.edges) {
    const to = byId.get(e.to);
    if (!to) continue;
    const plan = planOf(e.from, plans);
    const task = tasks.get(e.from) ?? null;
    const span = e.span ?? to.span;
    const start = span?.start ?? null;
    const end = span?.end ?? null;
    if (to.type === 'unit')
      rows.roles.push([
        plan,
        task,
        e.from,
        to.canonical ?? to.name,
        to.name,
        e.type,
        e.inherited ? 1 : 0,
        e.note ?? null,
        start,
        end,
      ]);
    else if (to.type === 'deadline')
      rows.deadlines.push([plan, task, e.from, to.text, to.date, to.kind, to.period ?? null, start, end]);
    else if (to.type === 'target')
      rows.targets.push([
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
        start,
        end,
      ]);
    else if (to.type === 'reference') rows.refs.push([e.from, to.title, to.docNumber ?? null]);
  }
  for (const r of graph.repairs) rows.repairs.push([r.ruleId, r.start, r.end, r.raw, r.fixed]);
  const tables: NoticeRows['tables'] = {};
  for (const t of ROW_TABLES) if (rows[t].length > 0) tables[t] = JSON.stringify(rows[t]);
  return {
    notice: [
      graph.source.sha256,
      graph.source.path ?? null,
      graph.source.format,
      doc.title,
      doc.issuers.join('、'),
      doc.docNumber ?? null,
      doc.date ?? null,
      doc.year ?? null,
    ],
    plans: rows.plans.length,
    tasks: rows.tasks.length,
    tables,
  };
}
