/**
 * The task-division table (任务分解表) as data: one row per task, in document order, with its targets,
 * deadlines, units by role (inherited ones included) and source place. CSV and XLSX are written from it.
 */
import { ROLES, type NoticeGraph, type TaskNode, type UnitNode } from '../graph/schema.js';
import { deadlinesOf, indexGraph, tasksInOrder, unitsIn, type GraphIndex } from './graph-index.js';
import {
  ITEM_JOINER,
  OPTIONAL_TASK_COLUMNS,
  TASK_COLUMNS,
  UNIT_JOINER,
  type TaskColumn,
  type WrittenColumn,
} from './labels.js';
import { placeFormatter } from './place.js';

/** Options shared by the task outputs. */
export interface TaskOutputOptions {
  /** The decoded input the graph was built from, so that 来源 can give a line number. */
  raw?: string;
  /** Keeps only the tasks where some unit (in any role) passes. */
  unit?: (unit: UnitNode) => boolean;
}

/** One row of the table. */
export interface TaskRow {
  task: TaskNode;
  /** The plan's id and title ('' when the task lies outside every plan). */
  planId: string;
  planTitle: string;
  cells: Record<TaskColumn, string>;
  /** Cells of the optional columns ('' when empty). */
  optional: Record<keyof typeof OPTIONAL_TASK_COLUMNS, string>;
}

/**
 * The columns to write for these rows, in order: the fixed ones, with each optional one (指导单位) after 责任单位
 * when some row fills it, so that a table read back gives the same units by role.
 */
export function writtenColumns(rows: readonly TaskRow[]): WrittenColumn[] {
  const fixed = Object.keys(TASK_COLUMNS) as TaskColumn[];
  const optional = (Object.keys(OPTIONAL_TASK_COLUMNS) as (keyof typeof OPTIONAL_TASK_COLUMNS)[]).filter(
    (k) => rows.some((r) => r.optional[k] !== ''),
  );
  const at = fixed.indexOf('responsible') + 1;
  return [...fixed.slice(0, at), ...optional, ...fixed.slice(at)];
}

/** A row's cell in a written column. */
export const cellOf = (row: TaskRow, key: WrittenColumn): string =>
  key in row.cells ? row.cells[key as TaskColumn] : row.optional[key as keyof typeof OPTIONAL_TASK_COLUMNS];

/** The deadline column's text for one deadline: its date, or its own words when it has none. */
export function deadlineLabel(deadline: { date: string | null; text: string }): string {
  return deadline.date ?? deadline.text;
}

/** The deadline cell: each distinct label once (年底前 and 2020年 are both 2020-12-31), in order. */
export function deadlineCell(deadlines: readonly { date: string | null; text: string }[]): string {
  return [...new Set(deadlines.map(deadlineLabel))].join(ITEM_JOINER);
}

/** Whether a task has some unit the filter keeps (every task passes when there is no filter). */
export function taskHasUnit(index: GraphIndex, id: string, unit: TaskOutputOptions['unit']): boolean {
  return unit === undefined || ROLES.some((role) => unitsIn(index, id, role).some(unit));
}

/** The rows of the table, in document order. */
export function taskRows(graph: NoticeGraph, options: TaskOutputOptions = {}): TaskRow[] {
  const index = indexGraph(graph);
  const place = placeFormatter(options.raw);
  return tasksInOrder(index)
    .filter((task) => taskHasUnit(index, task.id, options.unit))
    .map((task) => {
      const plan = index.planOf(task.id);
      const names = (role: (typeof ROLES)[number]): string =>
        unitsIn(index, task.id, role)
          .map((u) => u.name)
          .join(UNIT_JOINER);
      const targets = index.out(task.id, 'target').flatMap((e) => {
        const n = index.node(e.to);
        return n?.type === 'target' ? [n.text] : [];
      });
      return {
        task,
        planId: plan?.id ?? '',
        planTitle: plan?.title ?? '',
        cells: {
          path: task.path,
          title: task.title,
          text: task.text,
          targets: targets.join(ITEM_JOINER),
          deadlines: deadlineCell(deadlinesOf(index, task.id)),
          lead: names('lead'),
          cooperating: names('cooperating'),
          responsible: names('responsible'),
          source: place(task),
        },
        optional: { guidance: names('guidance') },
      };
    });
}
