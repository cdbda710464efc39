/**
 * A PlanDiff as a single-file HTML report for planners: summary counts, then plan by plan the tasks side by
 * side (old | new | changes) with word-level marks, and filters by unit and by kind of change. Inline CSS and
 * script only, so it reads from file:// without a server.
 */
import { CHANGE_KINDS, type Listed, type PlanDiff, type WordOp } from '../diff/schema.js';
import type { NoticeGraph } from '../graph/schema.js';
import { DIFF_HTML_CSS, DIFF_HTML_SCRIPT } from './diff-html-assets.js';
import {
  DIRECTION_LABELS,
  KIND_LABELS,
  changePlace,
  describeChange,
  listed,
  ocrVariantsLine,
  yearShiftLine,
} from './diff-text.js';
import { indexGraph, type GraphIndex } from './graph-index.js';
import { esc } from '../serve/html.js';

/** Visible words of the report's frame. */
export const DIFF_HTML_LABELS = {
  old: '原方案',
  new: '新方案',
  changes: '变化',
  total: '变化总数',
  unit: '单位',
  allUnits: '全部单位',
  unchanged: '显示未变化的任务',
  planLevel: '方案总体',
};

/** HTML-escapes a text (the web app's helper: one escaping for every HTML the tool writes). */
export { esc };

/** One row of the side-by-side report: the old and new holders (tasks, or the plan) and their changes. */
export interface DiffRowGroup {
  plan: string;
  oldIds: string[];
  newIds: string[];
  /** Its changes, then the differences set aside as OCR variants. */
  changes: Listed[];
  diff?: WordOp[];
  order: number;
}

const ROLE_EDGES = ['lead', 'cooperating', 'responsible'] as const;

function unitsOf(index: GraphIndex, id: string): string[] {
  return ROLE_EDGES.flatMap((t) => index.out(id, t)).flatMap((e) => {
    const n = index.node(e.to);
    return n?.type === 'unit' ? [n.name] : [];
  });
}

/** The text of a task, or the title of a section or plan. */
export function textOf(index: GraphIndex, id: string): string {
  const n = index.node(id);
  if (n?.type === 'task') return n.text;
  if (n?.type === 'section' || n?.type === 'plan') return n.title;
  return '';
}

function cell(index: GraphIndex, ids: string[], ops: WordOp[] | undefined, keep: WordOp['op']): string {
  if (ids.length === 0) return '<td><span class="empty">—</span></td>';
  const parts = ids.map((id) => {
    const path = id.includes('/') ? id.slice(id.indexOf('/') + 1) : DIFF_HTML_LABELS.planLevel;
    const body = ops
      ? ops
          .filter((o) => o.op === 'equal' || o.op === keep)
          .map((o) =>
            o.op === 'equal'
              ? esc(o.text)
              : `<${keep === 'delete' ? 'del' : 'ins'}>${esc(o.text)}</${keep === 'delete' ? 'del' : 'ins'}>`,
          )
          .join('')
      : esc(textOf(index, id));
    return `<div class="path">${esc(path)}</div><div class="text">${body}</div>`;
  });
  return `<td>${parts.join('')}</td>`;
}

function changeItem(c: Listed): string {
  const dir = 'direction' in c ? ` ${c.direction}` : '';
  const dirLabel = 'direction' in c ? `(${DIRECTION_LABELS[c.direction]})` : '';
  const label = `${KIND_LABELS[c.kind]}${dirLabel}`;
  const rest = describeChange(c).slice(label.length).trim();
  const where = c.kind === 'unit_renamed' ? ` <span class="path">${esc(changePlace(c))}</span>` : '';
  return `<li class="k-${c.kind}${dir}"><span class="label">${esc(label)}</span> ${esc(rest)}${where}</li>`;
}

/** The rows of the side-by-side report, in the order of the new document (removed tasks last). */
export function rowsOf(diff: PlanDiff, oldIx: GraphIndex, newIx: GraphIndex): DiffRowGroup[] {
  const newPlanOf = new Map(diff.plans.map((p) => [p.old, p.new]));
  const oldPlanOf = new Map(diff.plans.map((p) => [p.new, p.old]));
  const order = new Map(newIx.graph.nodes.map((n, i) => [n.id, i]));
  const oldOrder = new Map(oldIx.graph.nodes.map((n, i) => [n.id, i]));
  const id = (plan: string, path: string | undefined) => (path ? `${plan}/${path}` : plan);
  const rows = new Map<string, DiffRowGroup>();
  const rowFor = (plan: string, oldIds: string[], newIds: string[]): DiffRowGroup => {
    const key = `${oldIds.join(',')}|${newIds.join(',')}`;
    let row = rows.get(key);
    if (!row) {
      const first = newIds[0] ?? '';
      const pos = order.get(first) ?? newIx.graph.nodes.length + (oldOrder.get(oldIds[0] ?? '') ?? 0);
      row = { plan, oldIds, newIds, changes: [], order: pos };
      rows.set(key, row);
    }
    return row;
  };
  for (const m of diff.matches)
    rowFor(m.plan, [id(oldPlanOf.get(m.plan) ?? m.plan, m.oldPath)], [id(m.plan, m.newPath)]);
  for (const c of listed(diff)) {
    const plan = c.kind === 'task_removed' ? (newPlanOf.get(c.plan) ?? c.plan) : c.plan;
    const oldPlan = c.kind === 'task_removed' ? c.plan : (oldPlanOf.get(c.plan) ?? c.plan);
    let row: DiffRowGroup;
    if (c.kind === 'task_split')
      row = rowFor(
        plan,
        [id(oldPlan, c.oldPath)],
        c.newPaths.map((p) => id(plan, p)),
      );
    else if (c.kind === 'task_merged')
      row = rowFor(
        plan,
        c.oldPaths.map((p) => id(oldPlan, p)),
        [id(plan, c.newPath)],
      );
    else if (c.kind === 'task_added') row = rowFor(plan, [], [id(plan, c.newPath)]);
    else if (c.kind === 'task_removed') row = rowFor(plan, [id(oldPlan, c.oldPath)], []);
    else if (c.kind === 'unit_renamed' || c.oldPath === undefined) row = rowFor(plan, [oldPlan], [plan]);
    else row = rowFor(plan, [id(oldPlan, c.oldPath)], [id(plan, c.newPath)]);
    row.changes.push(c);
    if (c.kind === 'wording_changed') row.diff = c.diff;
  }
  return [...rows.values()].sort((a, b) => a.order - b.order);
}

function rowUnits(row: DiffRowGroup, oldIx: GraphIndex, newIx: GraphIndex): string[] {
  const units = new Set([
    ...row.oldIds.flatMap((i) => unitsOf(oldIx, i)),
    ...row.newIds.flatMap((i) => unitsOf(newIx, i)),
  ]);
  for (const c of row.changes) {
    if ('unit' in c) units.add(c.unit);
    if (c.kind === 'unit_renamed') units.add(c.oldName).add(c.newName);
  }
  return [...units];
}

function rowHtml(row: DiffRowGroup, oldIx: GraphIndex, newIx: GraphIndex): string {
  const units = rowUnits(row, oldIx, newIx);
  const kinds = [...new Set(row.changes.map((c) => c.kind))];
  const changes = row.changes.length
    ? `<ul class="changes">${row.changes.map(changeItem).join('')}</ul>`
    : '';
  return (
    `<tr class="row${kinds.length ? '' : ' unchanged'}" data-units="${esc(units.join('|'))}" data-kinds="${kinds.join(' ')}">` +
    cell(oldIx, row.oldIds, row.diff, 'delete') +
    cell(newIx, row.newIds, row.diff, 'insert') +
    `<td>${changes}</td></tr>`
  );
}

/** The HTML report of `diff`; the two graphs it was made from give the texts and units of the tasks. */
export function renderDiffHtml(diff: PlanDiff, oldGraph: NoticeGraph, newGraph: NoticeGraph): string {
  const oldIx = indexGraph(oldGraph);
  const newIx = indexGraph(newGraph);
  const rows = rowsOf(diff, oldIx, newIx);
  const total = diff.changes.length;
  const variants = diff.ocrVariants?.length ?? 0;
  const counts =
    CHANGE_KINDS.filter((k) => diff.summary[k])
      .map((k) => `<div class="count" data-kind="${k}"><b>${diff.summary[k]}</b>${esc(KIND_LABELS[k])}</div>`)
      .join('') +
    (variants
      ? `<div class="count" data-kind="ocr_variant"><b>${variants}</b>${esc(KIND_LABELS.ocr_variant)}</div>`
      : '');
  const ocrLine = ocrVariantsLine(diff);
  const units = [...new Set(rows.flatMap((r) => rowUnits(r, oldIx, newIx)))].sort();
  const kinds = [
    ...CHANGE_KINDS.filter((k) => diff.summary[k]),
    ...(variants ? (['ocr_variant'] as const) : []),
  ]
    .map((k) => `<label><input type="checkbox" value="${k}" checked> ${esc(KIND_LABELS[k])}</label>`)
    .join('');
  const plans = [...new Set(rows.map((r) => r.plan))].map((plan) => {
    const title = newIx.node(plan);
    const body = rows
      .filter((r) => r.plan === plan)
      .map((r) => rowHtml(r, oldIx, newIx))
      .join('\n');
    return (
      `<section class="plan" data-plan="${esc(plan)}"><h2>${esc(title?.type === 'plan' ? title.title : plan)}</h2>` +
      `<table class="tasks"><colgroup><col><col><col class="changes"></colgroup><thead><tr><th>${DIFF_HTML_LABELS.old}</th><th>${DIFF_HTML_LABELS.new}</th><th>${DIFF_HTML_LABELS.changes}</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`
    );
  });
  const { old: o, new: n } = diff;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${o.document.title} → ${n.document.title}`)}</title><style>${DIFF_HTML_CSS}</style></head>
<body>
<header><h1>${esc(n.document.title)}</h1><p class="meta">${esc(`${DIFF_HTML_LABELS.old}: ${o.document.title} (${o.document.date ?? '—'}) · ${DIFF_HTML_LABELS.new}: ${n.document.date ?? '—'}`)}</p>${diff.yearShift ? `<p class="meta year-shift">${esc(yearShiftLine(diff.yearShift))}</p>` : ''}</header>
<section id="summary"><div class="count total" data-kind="total"><b>${total}</b>${DIFF_HTML_LABELS.total}</div>${counts}</section>${ocrLine !== null ? `\n<p class="meta ocr-variants">${esc(ocrLine)}</p>` : ''}
<section id="filters"><label>${DIFF_HTML_LABELS.unit} <select id="unit-filter"><option value="">${DIFF_HTML_LABELS.allUnits}</option>${units.map((u) => `<option value="${esc(u)}">${esc(u)}</option>`).join('')}</select></label>
<fieldset id="kind-filter">${kinds}</fieldset>
<label><input type="checkbox" id="show-unchanged"> ${DIFF_HTML_LABELS.unchanged}</label> <span id="visible-count"></span></section>
${plans.join('\n')}
<script>${DIFF_HTML_SCRIPT}</script>
</body></html>
`;
}
