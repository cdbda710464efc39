/**
 * Table provenance of graph nodes: the cell a node's raw span starts in (or the first cell inside the span, for
 * a task whose line opens with a generated marker), and the attributes kept beside a task's row.
 */
import type { SourceTables } from '../ingest/types.js';
import type { TextSpan } from '../parse/tree.js';

/** A node's cell: table, row, column (1-based), spans when above 1. */
export interface NodeCell {
  table: number;
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}

/** The first cell ending after `at` (cells are sorted by start and do not overlap), by binary search. */
function firstCellFrom(tables: SourceTables, at: number): number {
  let lo = 0;
  let hi = tables.cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tables.cells[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cell of a raw span: the one holding its start. */
export function cellAt(tables: SourceTables | undefined, span: TextSpan): NodeCell | undefined {
  if (!tables || tables.cells.length === 0) return undefined;
  const c = tables.cells[firstCellFrom(tables, span.start)];
  if (!c || c.start > span.start) return undefined;
  const { table, row, col, rowSpan, colSpan } = c;
  return { table, row, col, ...(rowSpan ? { rowSpan } : {}), ...(colSpan ? { colSpan } : {}) };
}

const attributeIndex = new WeakMap<SourceTables, Map<number, Record<string, string>>>();

/** `{attributes}` of the task whose line starts at raw offset `at`, or nothing. */
export function attributesAt(
  tables: SourceTables | undefined,
  at: number | undefined,
): { attributes?: Record<string, string> } {
  if (!tables || at === undefined || tables.attributes.length === 0) return {};
  let byStart = attributeIndex.get(tables);
  if (!byStart) {
    byStart = new Map(tables.attributes.map((a) => [a.start, a.values]));
    attributeIndex.set(tables, byStart);
  }
  const values = byStart.get(at);
  return values ? { attributes: values } : {};
}
