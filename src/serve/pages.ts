/** The web app's pages, server-rendered from the archive's queries. Every notice text goes through `esc`. */
import type { Db } from '../archive/db.js';
import { loadGraph, loadText } from '../archive/load.js';
import { loadSeriesDiff } from '../archive/series-diffs.js';
import {
  isRole,
  parseDue,
  queryTaskPage,
  queryUnit,
  queryUnits,
  type TaskFilter,
  type TaskPage,
  type TaskRow,
} from '../archive/query.js';
import { queryCalendar, queryNotices, querySeries, querySeriesDiffs } from '../archive/query-series.js';
import { ROLES } from '../graph/schema.js';
import { renderDiffHtml } from '../render/diff-html.js';
import { esc, link, page, table } from './html.js';

const q = encodeURIComponent;
/** Task rows a page shows: a query's count is computed in SQL, its rows a page at a time. */
export const PAGE_SIZE = 50;
/** The last page number taken (50 million rows); past it, or not a whole number, page 1. */
const MAX_PAGE = 1_000_000;
const factLink = (notice: number, start: number | null, end: number | null, text: string): string =>
  start === null || end === null
    ? esc(text)
    : link(`/notices/${notice}?start=${start}&end=${end}#fact`, text); // #fact: the browser scrolls to the span

function home(db: Db): string {
  const notices = queryNotices(db, { limit: 200 }).map((n) => [
    link(`/notices/${n.id}`, n.title),
    esc(n.issuers),
    esc(n.date),
    link(`/tasks?notice=${n.id}`, n.tasks),
  ]);
  const series = querySeries(db, { multi: true }).map((s) => [
    link(`/series/${s.id}`, s.title),
    esc(s.issuer),
    esc(s.years),
    esc(s.diffs),
  ]);
  return page(
    '档案 archive',
    `<h2>计划系列 plan series</h2>${table(['series', 'issuer', 'years', 'diffs'], series)}` +
      `<h2>通知 notices</h2>${table(['title', 'issuers', 'date', 'tasks'], notices)}`,
  );
}

function taskTable(rows: TaskRow[]): string {
  const units = (names: string[]) => names.map((n) => link(`/units/${q(n)}`, n)).join('、');
  return table(
    ['notice', 'plan', 'path', '任务 task', '完成时限', '牵头', '配合', '责任', '指导'],
    rows.map((r) => [
      link(`/notices/${r.notice}`, r.noticeTitle),
      esc(`${r.plan} ${r.year ?? ''}`),
      esc(r.path),
      factLink(r.notice, r.start, r.end, r.title),
      r.deadlines.map((d) => factLink(r.notice, d.start, d.end, d.date ?? d.text)).join('<br>'),
      units(r.lead),
      units(r.cooperating),
      units(r.responsible),
      units(r.guidance),
    ]),
  );
}

function tasks(db: Db, params: URLSearchParams): string {
  const f: TaskFilter = {};
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const unit = get('unit');
  const role = get('role');
  const due = get('due');
  const text = get('q');
  if (unit) f.unit = unit;
  if (role && isRole(role)) f.role = role;
  if (due) {
    const d = parseDue(due);
    if (typeof d !== 'string') Object.assign(f, { dueFrom: d.from, dueTo: d.to });
  }
  if (text) f.q = text;
  for (const k of ['year', 'notice', 'series'] as const) {
    const n = Number(get(k));
    if (get(k) && Number.isInteger(n)) f[k] = n;
  }
  const input = (name: string, label: string) =>
    `<label>${label} <input name="${name}" value="${esc(params.get(name) ?? '')}"></label>`;
  const roles = ['', ...ROLES].map((r) => `<option${r === role ? ' selected' : ''}>${r}</option>`).join('');
  const form =
    `<form method="get" action="/tasks">${input('unit', '单位')}<label>role <select name="role">${roles}</select></label>` +
    `${input('due', '时限 A..B')}${input('q', '文字')}${input('year', '年')}<button>filter</button></form>`;
  const at = Number(get('page') ?? 1);
  const number = Number.isInteger(at) && at >= 1 && at <= MAX_PAGE ? at : 1;
  const result = queryTaskPage(db, { ...f, limit: PAGE_SIZE, offset: (number - 1) * PAGE_SIZE });
  return page(
    '任务 tasks',
    `${form}${count(result)}${taskTable(result.rows)}${pager(params, number, result)}`,
  );
}

/** How many tasks a query found ("more than N" past the count's cap). */
const count = (r: TaskPage): string => `<p>${r.more ? `more than ${r.total}` : r.total} tasks</p>`;

/** Links to the previous and next page of a task query, with its other parameters kept. */
function pager(params: URLSearchParams, number: number, r: TaskPage): string {
  const to = (n: number, label: string) => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    return link(`/tasks?${p.toString()}`, label);
  };
  const last = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
  const links = [
    ...(number > 1 ? [to(number - 1, '← previous')] : []),
    `page ${number} of ${last}${r.more ? '+' : ''}`,
    ...(number < last || r.more ? [to(number + 1, 'next →')] : []),
  ];
  return `<p class="pager">${links.join(' ')}</p>`;
}

function units(db: Db): string {
  const rows = queryUnits(db).map((u) => [
    link(`/units/${q(u.name)}`, u.name),
    esc(u.kind),
    esc(u.lead),
    esc(u.cooperating),
    esc(u.responsible),
    esc(u.guidance),
    esc(u.spellings.join('、')),
  ]);
  return page(
    '单位 units',
    table(['unit', 'kind', 'lead', 'cooperating', 'responsible', 'guidance', 'spellings'], rows),
  );
}

function unit(db: Db, name: string): string | null {
  const u = queryUnit(db, name);
  if (!u) return null;
  const parts = ROLES.map((role) => {
    const r = queryTaskPage(db, { unit: u.name, role, limit: PAGE_SIZE });
    const all = link(`/tasks?unit=${q(u.name)}&role=${role}`, 'all as a task list');
    return `<h2>${role}</h2>${count(r)}${taskTable(r.rows)}${r.total > r.rows.length ? `<p>${all}</p>` : ''}`;
  });
  return page(u.name, `<p>spellings: ${esc(u.spellings.join('、'))}</p>${parts.join('')}`);
}

/**
 * The deadline calendar: CALENDAR_PAGE deadlines a page (`offset`), saying which ones are shown and linking the
 * next page when the window holds more.
 */
function calendar(db: Db, params: URLSearchParams): string {
  const from = params.get('from') ?? '0000-01-01';
  const to = params.get('to') ?? '9999-12-31';
  const asked = Number(params.get('offset') ?? 0);
  const offset = Number.isSafeInteger(asked) && asked > 0 ? asked : 0;
  const found = queryCalendar(db, from, to, { offset });
  const rows = found.rows.map((d) => [
    esc(d.date),
    esc(d.text),
    d.task === null ? '' : link(`/notices/${d.notice}`, `${d.path ?? ''} ${d.title ?? ''}`),
  ]);
  const shown = offset + rows.length;
  const next = new URLSearchParams(params);
  next.set('offset', String(shown));
  const status =
    offset > 0 || found.more
      ? `<p class="pager">deadlines ${rows.length ? `${offset + 1}–${shown}` : `none after ${offset}`}` +
        `${found.more ? ` (more after them: ${link(`/calendar?${next.toString()}`, 'next →')})` : ''}</p>`
      : '';
  return page('时限 calendar', `${status}${table(['date', 'deadline', 'task'], rows)}`);
}

function notice(db: Db, id: number, params: URLSearchParams): string | null {
  const [n] = queryNotices(db, { id });
  if (!n) return null;
  const { text, exact } = loadText(db, id);
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  const valid =
    params.has('start') &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start <= end &&
    end <= text.length;
  const body = valid
    ? `${esc(text.slice(0, start))}<mark id="fact">${esc(text.slice(start, end))}</mark>${esc(text.slice(end))}`
    : esc(text);
  const note = exact
    ? ''
    : '<p>(text laid out from the graph: the input was not at hand when it was added)</p>';
  return page(n.title, `<p>${esc(n.issuers)} ${esc(n.date)} · ${esc(n.path)}</p>${note}<pre>${body}</pre>`);
}

function series(db: Db, id: number): string | null {
  const [s] = querySeries(db, { id });
  if (!s) return null;
  const rows = querySeriesDiffs(db, id).map((d) => [
    esc(`${d.oldYear ?? '?'} → ${d.newYear ?? '?'}`),
    link(`/diff/${d.oldPlan}/${d.newPlan}`, 'report'),
    esc(
      Object.entries(d.summary)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ),
  ]);
  return page(
    s.title,
    `<p>${esc(s.issuer)} · ${esc(s.years)}</p>${table(['editions', 'diff', 'changes'], rows)}`,
  );
}

function diffReport(db: Db, oldPlan: number, newPlan: number): string | null {
  const d = loadSeriesDiff(db, oldPlan, newPlan);
  if (!d) return null;
  const notices = db
    .prepare('SELECT notice_id FROM plans WHERE id IN (?, ?) ORDER BY id')
    .pluck()
    .all(oldPlan, newPlan) as number[];
  const [o, n] = notices.length === 2 ? notices : [notices[0]!, notices[0]!];
  return renderDiffHtml(d, loadGraph(db, o!), loadGraph(db, n!));
}

/** The page for a path (split into decoded parts) and query, or null for 404. */
export function routes(db: Db, parts: string[], params: URLSearchParams): string | null {
  const id = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);
  const [head, a, b] = parts;
  if (head === undefined) return home(db);
  if (head === 'tasks' && !a) return tasks(db, params);
  if (head === 'units' && !a) return units(db);
  if (head === 'units' && a && !b) return unit(db, a);
  if (head === 'calendar' && !a) return calendar(db, params);
  const x = id(a);
  if (x === null || parts.length > (head === 'diff' ? 3 : 2)) return null;
  if (head === 'notices') return notice(db, x, params);
  if (head === 'series') return series(db, x);
  const y = id(b);
  if (head === 'diff' && y !== null) return diffReport(db, x, y);
  return null;
}
