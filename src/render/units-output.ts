/** The per-unit duty lists written out: an aligned terminal table, JSON, Markdown (remark) or CSV. */
import type { Root, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { ROLES, type NoticeGraph } from '../graph/schema.js';
import { csvDocument } from './csv.js';
import type { UnitFormat } from './formats.js';
import { EMPTY_CELL, PLAN_COLUMN, ROLE_VERBS, UNIT_COLUMNS, UNIT_JOINER, WRITTEN_AS } from './labels.js';
import { deadlineCell } from './table.js';
import type { Duty, UnitDuties } from './units.js';
import { alignedTable, displayWidth, truncate } from './width.js';

/** Widest task title in the terminal table, in columns (the other formats keep it whole). */
export const TABLE_TITLE_WIDTH = 40;

interface Line {
  unit: string;
  role: string;
  plan: string;
  path: string;
  title: string;
  deadlines: string;
}

function lines(units: UnitDuties[]): Line[] {
  return units.flatMap((u) =>
    ROLES.flatMap((role) =>
      u[role].map((d: Duty) => ({
        unit: u.name,
        role: ROLE_VERBS[role],
        plan: d.planId,
        path: d.path,
        title: d.title,
        deadlines: deadlineCell(d.deadlines),
      })),
    ),
  );
}

/** Writes the lists in `format`; `graph` supplies the document and source for JSON. */
export function renderUnits(graph: NoticeGraph, units: UnitDuties[], format: UnitFormat): string {
  switch (format) {
    case 'json':
      return (
        JSON.stringify(
          {
            document: { title: graph.document.title, date: graph.document.date },
            source: { path: graph.source.path, sha256: graph.source.sha256 },
            units,
          },
          null,
          2,
        ) + '\n'
      );
    case 'csv':
      return csvDocument(
        [
          UNIT_COLUMNS.unit,
          UNIT_COLUMNS.role,
          PLAN_COLUMN,
          UNIT_COLUMNS.task,
          UNIT_COLUMNS.title,
          UNIT_COLUMNS.deadlines,
        ],
        lines(units).map((l) => [l.unit, l.role, l.plan, l.path, l.title, l.deadlines]),
      );
    case 'md':
      return markdown(units);
    case 'table':
      return terminalTable(units);
  }
}

/**
 * One aligned table; the unit's name only on its first row, followed by the other spellings the notice writes
 * for it in parentheses ("国家发展和改革委员会（国家发展改革委、发展改革委）").
 */
function terminalTable(units: UnitDuties[]): string {
  const rows: string[][] = [];
  let previous = '';
  const spelled = new Map(units.map((u) => [u.name, spellings(u)]));
  for (const l of lines(units)) {
    rows.push([
      l.unit === previous ? '' : l.unit + (spelled.get(l.unit) ?? ''),
      l.role,
      l.plan ? `${l.plan} ${l.path}` : l.path,
      truncate(l.title, TABLE_TITLE_WIDTH),
      l.deadlines || EMPTY_CELL,
    ]);
    previous = l.unit;
  }
  return alignedTable(Object.values(UNIT_COLUMNS), rows);
}

/** The names a notice writes for a unit other than its canonical one, as "（A、B）", or ''. */
function spellings(u: UnitDuties): string {
  const aka = u.names.filter((n) => n !== u.name);
  return aka.length > 0 ? `（${aka.join(UNIT_JOINER)}）` : '';
}

function markdown(units: UnitDuties[]): string {
  const cell = (value: string) => ({
    type: 'tableCell' as const,
    children: [{ type: 'text' as const, value }],
  });
  const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
  const header = [
    UNIT_COLUMNS.role,
    PLAN_COLUMN,
    UNIT_COLUMNS.task,
    UNIT_COLUMNS.title,
    UNIT_COLUMNS.deadlines,
  ];
  const children: RootContent[] = units.flatMap((u) => {
    const table: Table = {
      type: 'table',
      children: [
        row(header),
        ...lines([u]).map((l) => row([l.role, l.plan, l.path, l.title, l.deadlines || EMPTY_CELL])),
      ],
    };
    const aka = u.names.filter((n) => n !== u.name);
    return [
      { type: 'heading', depth: 2, children: [{ type: 'text', value: u.name }] },
      ...(aka.length > 0
        ? [
            {
              type: 'paragraph' as const,
              children: [{ type: 'text' as const, value: `${WRITTEN_AS}：${aka.join(UNIT_JOINER)}` }],
            },
          ]
        : []),
      table,
    ];
  });
  const root: Root = { type: 'root', children };
  return unified().use(remarkGfm, { stringLength: displayWidth }).use(remarkStringify).stringify(root);
}
