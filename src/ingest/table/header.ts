/**
 * The task-table header grammar (grammars/tables.yaml): which header words mean which column kind, and the
 * role labels inside a unit cell ("牵头：X；配合：Y"). Its specs are checked when it is loaded.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, GRAMMARS_DIR, loadGrammar, registerGrammar } from '../../grammars.js';
import { ROLES, type Role } from '../../graph/schema.js';
import { rowCells, type Table } from './model.js';

const FILE = 'tables.yaml';

/** What a column of a task table holds. */
export const COLUMN_KINDS = [
  'number',
  'category',
  'title',
  'content',
  'lead',
  'cooperating',
  'responsible',
  'guidance',
  'deadline',
  'leader',
  'remarks',
  'plan',
  'targets',
  'source',
] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

const Kind = z.enum(COLUMN_KINDS);
const FileSchema = z.object({
  minKnown: z.number().int().positive(),
  columns: z.array(z.object({ kind: Kind, words: z.array(z.string().min(1)).min(1) })),
  markers: z.object({ level1: z.string(), level2: z.string(), item: z.string(), subitem: z.string() }),
  lineLabels: z.object({
    lead: z.string(),
    cooperating: z.string(),
    responsible: z.string(),
    guidance: z.string(),
    deadline: z.string(),
  }),
  colon: z.string().min(1),
  person: z.string(),
  unitChars: z.string().min(1),
  unitHeads: z.array(z.string()),
  personSpecs: z.object({ persons: z.array(z.string()).min(1), units: z.array(z.string()).min(1) }),
  isoDate: z.string(),
  dateWords: z.string(),
  inlineRoles: z.array(z.object({ label: z.string().min(1), role: z.enum(ROLES) })).min(1),
  specs: z.array(z.object({ header: z.array(z.string()), kinds: z.array(Kind.nullable()) })).min(1),
  inlineSpecs: z
    .array(
      z.object({ cell: z.string(), parts: z.array(z.object({ role: z.enum(ROLES), text: z.string() })) }),
    )
    .min(1),
});

/** One part of a unit cell that names its role inline: "牵头：市发展改革委". */
export interface InlinePart {
  role: Role;
  text: string;
}

/** The kinds of marker a row is written with. */
export type MarkerKind = 'level1' | 'level2' | 'item' | 'subitem';

/** The compiled grammar. */
export interface TableGrammar {
  minKnown: number;
  /** A marker written with its number (already Chinese for headings). */
  marker(kind: MarkerKind, n: string): string;
  /** The label line for a role or the deadline: "牵头单位：". */
  label(of: Role | 'deadline'): string;
  /** Whether a name in a unit column is a person's (张三), not a unit's. */
  isPerson(name: string): boolean;
  /** A spreadsheet date (2021-06-30) as deadline words, or the text unchanged. */
  dateWords(text: string): string;
  /** The kind a header cell's text names, or null. */
  kindOf(header: string): ColumnKind | null;
  /** The kind of a header word written alone ("牵头单位", "序号（编号）"), or null: no longer text that holds one. */
  exactKind(header: string): ColumnKind | null;
  /** The parts of a unit cell that labels its roles inline; [] when it has no label. */
  inlineRoles(cell: string): InlinePart[];
}

/** Header text compared bare: no spaces, no bracketed qualifier ("牵头单位（部门）"), no trailing colon. */
const bareHeader = (s: string): string =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[:：*]+$/, '');

function compile(raw: z.infer<typeof FileSchema>): TableGrammar {
  const words = raw.columns
    .flatMap((c) => c.words.map((w) => ({ word: w, kind: c.kind })))
    .sort((a, b) => b.word.length - a.word.length);
  const exact = new Map(words.map((w) => [w.word, w.kind]));
  const labels = [...raw.inlineRoles].sort((a, b) => b.label.length - a.label.length);
  const labelRe = new RegExp(`(?:^|[；;，,。\\s])(${labels.map((l) => l.label).join('|')})[:：]\\s*`, 'gu');
  const roleOf = new Map(labels.map((l) => [l.label, l.role]));
  const iso = new RegExp(raw.isoDate);
  const person = new RegExp(raw.person, 'u');
  const unitChar = new Set(raw.unitChars);
  return {
    isPerson: (name) =>
      person.test(name) &&
      ![...name.replace(/同志$/, '')].some((ch) => unitChar.has(ch)) &&
      !raw.unitHeads.some((h) => name.startsWith(h)),
    minKnown: raw.minKnown,
    marker: (kind, n) => raw.markers[kind].replace('{n}', n),
    label: (of) => raw.lineLabels[of] + raw.colon,
    dateWords(text) {
      const m = iso.exec(text.trim());
      if (!m?.groups) return text;
      const { year = '', month = '', day = '' } = m.groups;
      return raw.dateWords
        .replace('{year}', year)
        .replace('{month}', String(Number(month)))
        .replace('{day}', String(Number(day)));
    },
    kindOf(header) {
      const h = bareHeader(header);
      if (h === '') return null;
      return exact.get(h) ?? words.find((w) => h.includes(w.word))?.kind ?? null;
    },
    exactKind: (header) => exact.get(bareHeader(header)) ?? null,
    inlineRoles(cell) {
      const hits = [...cell.matchAll(labelRe)];
      if (hits.length === 0) return [];
      return hits.map((m, n) => {
        const from = m.index + m[0].length;
        const to = hits[n + 1]?.index ?? cell.length;
        const text = cell
          .slice(from, to)
          .replace(/^[\s；;，,。]+|[\s；;，,。]+$/gu, '')
          .trim();
        return { role: roleOf.get(m[1]!)!, text };
      });
    },
  };
}

function check(g: TableGrammar, raw: z.infer<typeof FileSchema>): void {
  const fail = (what: string): never => {
    throw new GrammarError(`${GRAMMARS_DIR}/${FILE}`, what);
  };
  for (const spec of raw.specs) {
    if (spec.header.length !== spec.kinds.length)
      fail(`spec [${spec.header.join(', ')}]: ${spec.kinds.length} kinds for ${spec.header.length} cells`);
    spec.header.forEach((h, n) => {
      const got = g.kindOf(h);
      if (got !== spec.kinds[n]) fail(`spec header '${h}': kind ${got}, expected ${spec.kinds[n]}`);
    });
  }
  for (const p of raw.personSpecs.persons) if (!g.isPerson(p)) fail(`'${p}' must read as a person`);
  for (const u of raw.personSpecs.units) if (g.isPerson(u)) fail(`'${u}' must read as a unit`);
  for (const spec of raw.inlineSpecs) {
    const got = JSON.stringify(g.inlineRoles(spec.cell));
    if (got !== JSON.stringify(spec.parts)) fail(`inline spec '${spec.cell}': got ${got}`);
  }
}

let compiled: TableGrammar | null = null;

/** Loads grammars/tables.yaml once and checks its specs. */
export function tableGrammar(): TableGrammar {
  if (compiled) return compiled;
  const raw = loadGrammar(FILE, FileSchema);
  const g = compile(raw);
  if (!examplesChecked(FILE)) check(g, raw);
  compiled = g;
  return g;
}

registerGrammar(FILE, tableGrammar);

/** A table's header: how many rows it takes and the kind of each grid column (null: unknown). */
export interface TableHeader {
  /** The first row of the header (rows above it are titles). */
  start: number;
  /** The first row after the header. */
  end: number;
  kinds: (ColumnKind | null)[];
  /** The header text of each column (both rows joined by '/' when two rows). */
  labels: string[];
}

/** How many rows from the top may hold a title before the header. */
const HEADER_SEARCH_ROWS = 3;

/** Finds the header of a task table, or null when no row near the top has enough known header cells. */
export function findHeader(table: Table, g: TableGrammar = tableGrammar()): TableHeader | null {
  for (let r = 0; r < Math.min(table.grid.length, HEADER_SEARCH_ROWS); r++) {
    const cells = rowCells(table, r);
    const known = new Set(cells.map((c) => g.kindOf(c.text)).filter((k) => k !== null));
    if (known.size < g.minKnown) continue;
    const kinds: (ColumnKind | null)[] = [];
    const labels: string[] = [];
    for (let c = 0; c < table.width; c++) {
      const cell = table.grid[r]![c];
      kinds.push(cell ? g.kindOf(cell.text) : null);
      labels.push(cell?.text ?? '');
    }
    let end = r + 1;
    // A second header row: under a cell that spans columns, cells that name kinds of their own.
    const spanning = rowCells(table, r).some((c) => c.colSpan > 1 && c.rowSpan === 1);
    if (spanning && end < table.grid.length) {
      const below = rowCells(table, end).filter((c) => c.row === end);
      if (below.some((c) => g.kindOf(c.text) !== null)) {
        for (const cell of below)
          for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
            const own = g.kindOf(cell.text);
            if (own !== null || kinds[c] === null) kinds[c] = own;
            labels[c] = `${labels[c]}/${cell.text}`;
          }
        end++;
      }
    }
    return { start: r, end, kinds, labels };
  }
  return null;
}
