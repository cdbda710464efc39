/** The Chinese labels and joiners the outputs print: column headers, role names, separators. */
import type { Role } from '../graph/schema.js';

/** Columns of the task-division table (任务分解表), in order. */
export const TASK_COLUMNS = {
  path: '序号',
  title: '任务',
  text: '具体内容',
  targets: '目标',
  deadlines: '完成时限',
  lead: '牵头单位',
  cooperating: '配合单位',
  responsible: '责任单位',
  source: '来源',
} as const;

/** Columns written only when some row fills them, after 责任单位 (a plan with 指导 clauses). */
export const OPTIONAL_TASK_COLUMNS = {
  guidance: '指导单位',
} as const;

/** The key of a task-table column. */
export type TaskColumn = keyof typeof TASK_COLUMNS;

/** The key of a column of the table as written: the fixed ones and the optional ones. */
export type WrittenColumn = TaskColumn | keyof typeof OPTIONAL_TASK_COLUMNS;

/** The header of a written column. */
export const columnHeader = (key: WrittenColumn): string =>
  key in TASK_COLUMNS
    ? TASK_COLUMNS[key as TaskColumn]
    : OPTIONAL_TASK_COLUMNS[key as keyof typeof OPTIONAL_TASK_COLUMNS];

/** Header of the plan column, prepended where several plans share one table (CSV). */
export const PLAN_COLUMN = '方案';

/** The role line label of each role, as a notice writes it. */
export const ROLE_LABELS: Record<Role, string> = {
  lead: '牵头单位',
  cooperating: '配合单位',
  responsible: '责任单位',
  guidance: '指导单位',
};

/** The short name of each role in the per-unit lists. */
export const ROLE_VERBS: Record<Role, string> = {
  lead: '牵头',
  cooperating: '配合',
  responsible: '责任',
  guidance: '指导',
};

/** Joins unit names. */
export const UNIT_JOINER = '、';

/** Joins deadlines and targets (their texts may hold 、 and commas themselves). */
export const ITEM_JOINER = '；';

/** Shown in a table cell that has nothing. */
export const EMPTY_CELL = '—';

/** Columns of the per-unit list (`gongwen units`), in order. */
export const UNIT_COLUMNS = {
  unit: '单位',
  role: '职责',
  task: '序号',
  title: '任务',
  deadlines: '完成时限',
} as const;

/** Labels of the document fields in the Markdown output. */
export const DOCUMENT_FIELDS = {
  issuers: '发文机关',
  docNumber: '文号',
  date: '成文日期',
  publishDate: '发布日期',
  recipients: '主送',
} as const;

/** Leads the list of names a notice writes for a unit, under its canonical name. */
export const WRITTEN_AS = '文中写作';
