/** Rows of archive queries printed as an aligned table, JSON or CSV (UTF-8 with a BOM, CRLF, RFC 4180). */
import type { TaskRow, UnitRow } from '../archive/query.js';
import type { SeriesDiffRow, SeriesRow } from '../archive/query-series.js';
import { csvDocument } from '../render/csv.js';
import { deadlineCell } from '../render/table.js';
import { alignedTable, truncate } from '../render/width.js';

/** What the rows are. */
type Rows =
  ['tasks', TaskRow[]] | ['units', UnitRow[]] | ['series', SeriesRow[]] | ['diffs', SeriesDiffRow[]];

/** A column's width cap in the terminal table (the JSON and CSV keep everything). */
const CELL = 40;

const join = (xs: readonly string[]): string => xs.join('、');
const summaryCell = (s: Record<string, number>): string =>
  Object.entries(s)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

function cells(...[kind, rows]: Rows): { header: string[]; rows: string[][] } {
  if (kind === 'tasks')
    return {
      header: [
        'notice',
        'plan',
        'year',
        'path',
        'task',
        '完成时限',
        '牵头单位',
        '配合单位',
        '责任单位',
        '指导单位',
      ],
      rows: rows.map((r) => [
        String(r.notice),
        r.plan,
        String(r.year ?? ''),
        r.path,
        r.title,
        deadlineCell(r.deadlines),
        join(r.lead),
        join(r.cooperating),
        join(r.responsible),
        join(r.guidance),
      ]),
    };
  if (kind === 'units')
    return {
      header: ['unit', 'kind', 'notices', 'lead', 'cooperating', 'responsible', 'guidance', 'spellings'],
      rows: rows.map((r) => [
        r.name,
        r.kind,
        String(r.notices),
        String(r.lead),
        String(r.cooperating),
        String(r.responsible),
        String(r.guidance),
        join(r.spellings),
      ]),
    };
  if (kind === 'series')
    return {
      header: ['series', 'issuer', 'topic', 'title', 'editions', 'years', 'diffs'],
      rows: rows.map((r) => [
        String(r.id),
        r.issuer,
        r.topic ?? '',
        r.title,
        String(r.editions),
        r.years,
        String(r.diffs),
      ]),
    };
  return {
    header: ['old year', 'new year', 'old notice', 'new notice', 'changes'],
    rows: rows.map((r) => [
      String(r.oldYear ?? ''),
      String(r.newYear ?? ''),
      String(r.oldNotice),
      String(r.newNotice),
      summaryCell(r.summary),
    ]),
  };
}

/** Prints rows on stdout in the format; resolves to the exit status (0). */
export function printRows(kind: Rows[0], rows: Rows[1], format: 'table' | 'json' | 'csv'): number {
  if (format === 'json') {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const t = cells(...([kind, rows] as Rows));
  if (format === 'csv') process.stdout.write(csvDocument(t.header, t.rows));
  else if (t.rows.length === 0) process.stderr.write(`no ${kind}\n`);
  else
    process.stdout.write(
      alignedTable(
        t.header,
        t.rows.map((r) => r.map((c) => truncate(c, CELL))),
      ) + '\n',
    );
  return 0;
}
