/**
 * Rows to lines: a task table written as the lines the notice parser reads, so that a table's tasks take the
 * same road as a paragraph plan's (sections, tasks and their paths, role lines through the unit and role
 * grammar, deadlines and targets through theirs). Each piece of a line keeps the cell it came from.
 *
 * - A category row (one cell across the row) and each cell of a merged category column → a heading 一、.
 * - Rows sharing a merged 序号 (or title) cell → one task; a 序号 such as 三/(一)/1 (the path column of
 *   `convert --format csv`) → the headings above it, then the item; "1.2" → sub-item (2) of item 1; no 序号 →
 *   the row's order.
 * - Title and content → the item's text; unit cells → role lines (a cell saying "牵头：X；配合：Y" → one line per
 *   role); the deadline cell → a 完成时限 line unless the content already says it.
 * - Leader (a person), remarks and unknown columns → the task's attributes, with a diagnostic for unknown ones.
 */
import type { Role } from '../graph/schema.js';
import { findHeader, tableGrammar, type ColumnKind, type TableHeader } from '../ingest/table/header.js';
import { rowCells, type Table, type TableCell } from '../ingest/table/model.js';
import { structureGrammar } from './grammar.js';

/** A stretch of a line and the cell it came from (none for a generated marker or label). */
export interface Piece {
  text: string;
  cell?: TableCell;
}

/** One line: its pieces, and the attributes of the task it opens (recorded when not empty). */
export interface TableLine {
  pieces: Piece[];
  attributes?: Record<string, string>;
}

/** A diagnostic of the table reader (no place in the text: it names the table, row and column). */
export interface TableDiagnostic {
  code: string;
  severity: 'warning' | 'info';
  message: string;
}

/** What one table becomes. */
export interface TableLines {
  lines: TableLine[];
  /** Plan titles, in order (the 方案 column's values), for inputs that are a table alone. */
  plans: string[];
  diagnostics: TableDiagnostic[];
  /** Whether a task-table header was found. */
  isTaskTable: boolean;
}

const ROLE_KINDS: readonly Role[] = ['lead', 'cooperating', 'responsible', 'guidance'];
/** Kinds whose cells go to the task's attributes. */
const ATTRIBUTE_KINDS = new Set<ColumnKind | null>(['leader', 'remarks', 'targets', 'source', null]);

/** "第1个表格" style place of a table for messages. */
export const tableName = (t: Table): string => (t.name ? `sheet '${t.name}'` : `table ${t.index + 1}`);

/** Chinese numeral of 1..99 from the structure grammar's digits (the inverse of its reader). */
function chinese(n: number): string {
  const { digits, ten } = structureGrammar().raw.numerals;
  const of = new Map<number, string>();
  for (const [ch, v] of Object.entries(digits)) if (!of.has(v) && v > 0) of.set(v, ch);
  if (n < 10) return of.get(n) ?? String(n);
  const hi = Math.floor(n / 10);
  const lo = n % 10;
  return (hi === 1 ? '' : (of.get(hi) ?? '')) + ten + (lo === 0 ? '' : (of.get(lo) ?? ''));
}

/** Reads a table into lines. A table with no known header gives each row as one line (cells joined by a space). */
export function tableLines(table: Table): TableLines {
  const header = findHeader(table);
  if (!header) {
    const lines = table.grid.flatMap((_, r) => {
      const cells = rowCells(table, r).filter((c) => c.row === r && c.text !== '');
      return cells.length === 0
        ? []
        : [
            {
              pieces: cells.flatMap((c, n) => [...(n > 0 ? [{ text: ' ' }] : []), { text: c.text, cell: c }]),
            },
          ];
    });
    return { lines, plans: [], diagnostics: [], isTaskTable: false };
  }
  return new RowWriter(table, header).write();
}

class RowWriter {
  private readonly g = tableGrammar();
  private readonly lines: TableLine[] = [];
  private readonly plans: string[] = [];
  private readonly diagnostics: TableDiagnostic[] = [];
  private readonly col: Partial<Record<ColumnKind, number>> = {};
  private readonly categoryCols: number[];
  private headings = 0;
  private order = 0;
  private openPath: string[] = [];
  private plan: string | null = null;

  constructor(
    private readonly table: Table,
    private readonly header: TableHeader,
  ) {
    header.kinds.forEach((k, c) => {
      if (k !== null && this.col[k] === undefined) this.col[k] = c;
    });
    const titleCol = this.col.title ?? this.col.content ?? table.width;
    // A merged column left of the task's text that no kind names groups tasks, like a category column.
    this.categoryCols = header.kinds.flatMap((k, c) =>
      k === 'category' || (k === null && c < titleCol && table.grid.some((row) => (row[c]?.rowSpan ?? 1) > 1))
        ? [c]
        : [],
    );
    header.kinds.forEach((k, c) => {
      if (k === null && !this.categoryCols.includes(c) && header.labels[c] !== '')
        this.diagnostics.push({
          code: 'table-unknown-column',
          severity: 'warning',
          message: `${tableName(table)}: column ${c + 1} '${header.labels[c]}' is not a header the table grammar (grammars/tables.yaml) knows; its cells are kept as task attributes`,
        });
    });
    if (this.col.title === undefined && this.col.content === undefined)
      this.diagnostics.push({
        code: 'table-no-task-column',
        severity: 'warning',
        message: `${tableName(table)}: no task or content column in the header (${header.labels.join(' | ')}); tasks are made of the other cells`,
      });
  }

  write(): TableLines {
    const { table, header } = this;
    for (let r = 0; r < header.start; r++)
      for (const c of rowCells(table, r))
        if (c.row === r && c.text) this.lines.push({ pieces: [{ text: c.text, cell: c }] });
    let group: number[] = [];
    let key: TableCell | null = null;
    const flush = (): void => {
      if (group.length > 0) this.task(group);
      group = [];
    };
    for (let r = header.end; r < table.grid.length; r++) {
      const cells = rowCells(table, r).filter((c) => c.text !== '');
      if (cells.length === 0) continue;
      this.planOf(r, flush);
      if (this.isCategoryRow(r, cells)) {
        flush();
        key = null;
        const cell = cells.find((c) => c.col !== this.col.plan)!;
        this.heading(cell, 'level1');
        continue;
      }
      for (const c of this.categoryCols) {
        const cell = table.grid[r]![c];
        if (cell && cell.row === r && cell.text) {
          flush();
          key = null;
          this.heading(cell, this.hasCategoryRows() ? 'level2' : 'level1');
        }
      }
      const k = this.keyCell(r);
      if (k === null || k !== key) flush();
      key = k;
      group.push(r);
    }
    flush();
    return { lines: this.lines, plans: this.plans, diagnostics: this.diagnostics, isTaskTable: true };
  }

  private cellAt(r: number, kind: ColumnKind): TableCell | null {
    const c = this.col[kind];
    return c === undefined ? null : (this.table.grid[r]![c] ?? null);
  }

  /** The cell that ties rows into one task: a merged 序号, else a merged title. */
  private keyCell(r: number): TableCell | null {
    const n = this.cellAt(r, 'number');
    if (n?.text) return n;
    const t = this.cellAt(r, 'title');
    return t?.text && t.rowSpan > 1 ? t : null;
  }

  private planOf(r: number, flush: () => void): void {
    const cell = this.cellAt(r, 'plan');
    if (!cell?.text || cell.text === this.plan) return;
    flush();
    this.plan = cell.text;
    this.plans.push(cell.text);
    this.openPath = [];
    this.lines.push({ pieces: [{ text: cell.text, cell }] });
  }

  private categoryRows: boolean | undefined;
  private hasCategoryRows(): boolean {
    if (this.categoryRows === undefined) {
      this.categoryRows = false;
      for (let r = this.header.end; r < this.table.grid.length && !this.categoryRows; r++) {
        const cells = rowCells(this.table, r).filter((c) => c.text !== '');
        this.categoryRows = cells.length > 0 && this.isCategoryRow(r, cells);
      }
    }
    return this.categoryRows;
  }

  /** One cell with text, starting in this row and spanning most of it (or alone in the first column). */
  private isCategoryRow(r: number, cells: TableCell[]): boolean {
    const own = cells.filter((c) => c.col !== this.col.plan && !this.categoryCols.includes(c.col));
    if (own.length !== 1) return false;
    const [cell] = own as [TableCell];
    if (cell.row !== r || this.categoryCols.includes(cell.col)) return false;
    return cell.colSpan >= Math.max(2, this.table.width / 2) || (cell.col === 0 && !/^\d/.test(cell.text));
  }

  private heading(cell: TableCell, kind: 'level1' | 'level2'): void {
    const own = structureGrammar().marker(cell.text);
    if (own?.kind === 'level1' || own?.kind === 'level2') {
      this.lines.push({ pieces: [{ text: cell.text, cell }] });
      return;
    }
    const n = kind === 'level1' ? ++this.headings : 0;
    const marker = this.g.marker(kind, chinese(n || 1));
    this.lines.push({ pieces: [{ text: marker }, { text: cell.text, cell }] });
    this.openPath = [];
  }

  /** The marker pieces of a task row from its 序号 (or the row order). */
  private markerOf(numberCell: TableCell | null): Piece[] {
    const { itemSeparators, decimalPoints } = structureGrammar().classes;
    const text = (numberCell?.text ?? '').trim().replace(new RegExp(`[${itemSeparators}]$`), '');
    const g = this.g;
    const cell = numberCell!;
    if (/^\d+$/.test(text)) return [{ text: g.marker('item', String(Number(text))), cell }];
    const sub = new RegExp(`^(\\d+)[${decimalPoints}](\\d+)$`).exec(text);
    if (sub) return [{ text: g.marker('subitem', String(Number(sub[2]))), cell }];
    if (text.includes('/') || text.startsWith('[')) return this.pathMarker(text, cell);
    const own = structureGrammar().marker(text);
    if (own?.kind === 'item' || own?.kind === 'subitem')
      return [{ text: g.marker(own.kind, String(own.value)), cell }];
    // An empty 序号 in a numbered table: a task without a number, as an unnumbered paragraph with its units.
    if (text === '' && this.col.number !== undefined) return [];
    if (text)
      this.diagnostics.push({
        code: 'table-number',
        severity: 'info',
        message: `${tableName(this.table)}: row ${cell.row + 1}: 序号 '${text}' is no number; the task is numbered by its row`,
      });
    return [{ text: g.marker('item', String(++this.order)) }];
  }

  /** A path such as 三/(一)/1 or 四/20/(1): headings for the steps not yet open, then the task's marker. */
  private pathMarker(path: string, cell: TableCell): Piece[] {
    const steps = path.split('/');
    const last = steps.pop()!;
    let same = 0;
    while (same < steps.length && steps[same] === this.openPath[same]) same++;
    for (let k = same; k < steps.length; k++) {
      const step = steps[k]!;
      if (/^\d+$/.test(step) || /^\(\d+\)$/.test(step)) continue; // a parent task: its own row came first
      const kind = step.startsWith('(') ? 'level2' : 'level1';
      this.lines.push({ pieces: [{ text: this.g.marker(kind, step.replace(/[()]/g, '')) }] });
    }
    this.openPath = steps;
    if (last.startsWith('[')) return [];
    const kind = last.startsWith('(') ? 'subitem' : 'item';
    return [{ text: this.g.marker(kind, last.replace(/[()]/g, '')), cell }];
  }

  private task(rows: number[]): void {
    const { g, table } = this;
    const seen = new Set<TableCell>();
    const distinct = (kind: ColumnKind): TableCell[] =>
      rows.flatMap((r) => {
        const cell = this.cellAt(r, kind);
        if (!cell?.text || seen.has(cell)) return [];
        seen.add(cell);
        return [cell];
      });
    const marker = this.markerOf(this.cellAt(rows[0]!, 'number'));
    const titles = distinct('title');
    const contents = distinct('content');
    const text: Piece[] = [];
    for (const t of titles)
      text.push({ text: t.text, cell: t }, ...(/[。；;！？]$/.test(t.text) ? [] : [{ text: '。' }]));
    contents.forEach((c, n) => text.push(...(n > 0 ? [{ text: '；' }] : []), { text: c.text, cell: c }));
    const whole = text.map((p) => p.text).join('');
    const attributes: Record<string, string> = {};
    for (let c = 0; c < table.width; c++) {
      const kind = this.header.kinds[c] ?? null;
      if (!ATTRIBUTE_KINDS.has(kind) || this.categoryCols.includes(c)) continue;
      const values = rows.flatMap((r) => {
        const cell = table.grid[r]![c];
        if (!cell?.text || seen.has(cell)) return [];
        seen.add(cell);
        return [cell.text];
      });
      if (values.length > 0) attributes[this.header.labels[c] || `${c + 1}`] = values.join('；');
    }
    // Filled on: a person found in a unit column below joins the attributes.
    this.lines.push({ pieces: [...marker, ...text], attributes });
    for (const d of distinct('deadline')) {
      // Each item of the cell (年底前；2020年) that the task's text does not already say.
      const items = d.text
        .split(/[；;]/)
        .map((s) => g.dateWords(s.trim()))
        .filter((s) => s !== '' && !whole.includes(s));
      if (items.length > 0)
        this.lines.push({ pieces: [{ text: g.label('deadline') }, { text: items.join('；'), cell: d }] });
    }
    const byRole = new Map<Role, Piece[][]>();
    const add = (role: Role, pieces: Piece[]): void =>
      void byRole.set(role, [...(byRole.get(role) ?? []), pieces]);
    for (const role of ROLE_KINDS)
      for (const cell of distinct(role)) {
        const parts = g.inlineRoles(cell.text);
        const list = parts.length > 0 ? parts.filter((p) => p.text) : [{ role, text: cell.text }];
        for (const p of list) {
          const names = p.text.split(/[、，,；;\s]+/).filter(Boolean);
          const persons = names.filter((n) => g.isPerson(n));
          if (persons.length === 0) add(p.role, [{ text: p.text, cell }]);
          else {
            // A person is never a unit: kept beside the task, the units of the cell still read.
            const units = names.filter((n) => !persons.includes(n));
            if (units.length > 0) add(p.role, [{ text: units.join('、'), cell }]);
            const label = this.header.labels[cell.col] ?? '';
            persons.push(...(attributes[label] ? [attributes[label]] : []));
            attributes[label] = persons.join('、');
            this.diagnostics.push({
              code: 'table-person-in-unit-column',
              severity: 'warning',
              message: `${tableName(table)}: row ${cell.row + 1}, column ${cell.col + 1} '${label}': ${persons.join('、')} is a person, not a unit; kept as a task attribute`,
            });
          }
        }
      }
    for (const role of ROLE_KINDS) {
      const lists = byRole.get(role);
      if (!lists) continue;
      const joined = lists.flatMap((l, n) => [...(n > 0 ? [{ text: '、' }] : []), ...l]);
      this.lines.push({ pieces: [{ text: g.label(role) }, ...joined] });
    }
    if (byRole.size === 0 && whole !== '')
      this.diagnostics.push({
        code: 'table-no-unit',
        severity: 'info',
        message: `${tableName(table)}: row ${rows[0]! + 1}: the task names no unit`,
      });
  }
}
