/**
 * The history of several editions (`gongwen diff A B C…`) as Markdown or a single-file HTML page: the editions,
 * then plan by plan a row per task that changed or is not in every edition — its paths, its targets' values
 * edition by edition, the units that joined or left, and the changes of each step.
 */
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { EditionHistory, Thread } from '../diff/history.js';
import { esc } from './diff-html.js';
import { heading, paragraph, table } from './diff-markdown.js';
import { describeChange, formatTarget } from './diff-text.js';
import { ROLE_VERBS as ROLE_LABELS } from './labels.js';

/** Column headers. */
export const HISTORY_COLUMNS = {
  edition: '版本',
  title: '标题',
  date: '日期',
  task: '任务',
  targets: '目标',
  units: '单位',
  changes: '变化',
};

const name = (h: EditionHistory, k: number) => String(h.editions[k]?.year ?? `#${k + 1}`);

/** The cells of one thread: paths, targets that moved, units that joined or left, changes by step. */
export function threadCells(
  h: EditionHistory,
  t: Thread,
): { task: string; targets: string[]; units: string[]; changes: string[] } {
  const task = t.paths.map((p) => (p === null ? '—' : p || '(方案)')).join(' → ');
  const targets = t.targets
    .filter((x) => new Set(x.values.map((v) => JSON.stringify(v))).size > 1)
    .map(
      (x) =>
        `${x.indicator}: ${x.values.map((v, k) => `${name(h, k)} ${v ? formatTarget(v) : '—'}`).join(' → ')}`,
    );
  const units = t.units.map((u) => {
    const role = ROLE_LABELS[u.role as keyof typeof ROLE_LABELS] ?? u.role;
    const joined = u.present.flatMap((p, k) =>
      p && k > 0 && !u.present[k - 1] ? [`${name(h, k)}加入`] : [],
    );
    const left = u.present.flatMap((p, k) => (!p && k > 0 && u.present[k - 1] ? [`${name(h, k)}退出`] : []));
    return `${u.unit}(${role}) ${[...joined, ...left].join('、')}`.trim();
  });
  const changes = t.changes.map(
    (c) => `${name(h, c.step)}→${name(h, c.step + 1)} ${describeChange(c.change)}`,
  );
  return { task, targets, units, changes };
}

const plansOf = (h: EditionHistory) => [...new Set(h.threads.map((t) => t.plan))];

/** The Markdown history. */
export function renderHistoryMarkdown(h: EditionHistory): string {
  const C = HISTORY_COLUMNS;
  const children: RootContent[] = [
    heading(1, h.editions.map((e) => e.title).join(' → ')),
    table(
      [C.edition, C.title, C.date],
      h.editions.map((e, k) => [name(h, k), e.title, e.date ?? '']),
    ),
  ];
  if (h.threads.length === 0) children.push(paragraph('无实质变化。No substantive change.'));
  for (const plan of plansOf(h)) {
    const rows = h.threads
      .filter((t) => t.plan === plan)
      .map((t) => {
        const c = threadCells(h, t);
        return [c.task, c.targets.join(';'), c.units.join(';'), c.changes.join(';')];
      });
    children.push(heading(2, plan), table([C.task, C.targets, C.units, C.changes], rows));
  }
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-' })
    .stringify({ type: 'root', children } as Root);
}

const list = (items: string[]) =>
  items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';

/** The HTML history: one page, inline CSS, no script. */
export function renderHistoryHtml(h: EditionHistory): string {
  const C = HISTORY_COLUMNS;
  const editions = h.editions
    .map(
      (e, k) => `<tr><td>${esc(name(h, k))}</td><td>${esc(e.title)}</td><td>${esc(e.date ?? '')}</td></tr>`,
    )
    .join('');
  const plans = plansOf(h)
    .map((plan) => {
      const rows = h.threads
        .filter((t) => t.plan === plan)
        .map((t) => {
          const c = threadCells(h, t);
          return `<tr><td>${esc(c.task)}<div class="text">${esc(t.text)}</div></td><td>${list(c.targets)}</td><td>${list(c.units)}</td><td>${list(c.changes)}</td></tr>`;
        })
        .join('');
      return `<h2>${esc(plan)}</h2><table><thead><tr><th>${C.task}</th><th>${C.targets}</th><th>${C.units}</th><th>${C.changes}</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(h.editions.map((e) => e.title).join(' → '))}</title>
<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}.text{color:#555;font-size:.85em;margin-top:.3em}ul{margin:0;padding-left:1.1em}</style>
</head><body><h1>${esc(h.editions.map((e) => e.title).join(' → '))}</h1>
<table><thead><tr><th>${C.edition}</th><th>${C.title}</th><th>${C.date}</th></tr></thead><tbody>${editions}</tbody></table>
${plans}
</body></html>
`;
}
