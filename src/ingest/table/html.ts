/**
 * HTML tables (also Word's, through mammoth's HTML): `<table>` → Table with its row and column spans. Task
 * tables found in a page's body are taken out and replaced by a placeholder line, so that the page's text is read
 * as before and each table is put back in its place as rows (see source.ts).
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { findHeader } from './header.js';
import { resolveGrid, type RawRow, type Table } from './model.js';
import type { Part } from './source.js';

/** Marks a placeholder line: private-use characters no notice holds. */
const MARK = '\uE000';

const isElement = (n: ElementContent | Root): n is Element => n.type === 'element';

/** The rows of a table element, not those of tables nested in it. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (!isElement(child) || child.tagName === 'table') continue;
      if (child.tagName === 'tr') rows.push(child);
      else walk(child);
    }
  };
  walk(table);
  return rows;
}

const spanOf = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** Reads one `<table>` element. */
export function readHtmlTable(table: Element, index: number): Table {
  const rows: RawRow[] = rowsOf(table).map((tr) =>
    tr.children.filter(isElement).flatMap((cell) => {
      if (cell.tagName !== 'td' && cell.tagName !== 'th') return [];
      const rowSpan = spanOf(cell.properties.rowSpan);
      const colSpan = spanOf(cell.properties.colSpan);
      return [{ text: toText(cell), ...(rowSpan ? { rowSpan } : {}), ...(colSpan ? { colSpan } : {}) }];
    }),
  );
  return resolveGrid(rows, index);
}

/**
 * Takes the task tables (those whose header the table grammar knows) out of `root`, each replaced by a
 * placeholder paragraph; other tables stay. Returns the tables in document order.
 */
export function takeTaskTables(root: Element | Root): Table[] {
  const found: Table[] = [];
  const walk = (node: Element | Root): void => {
    node.children.forEach((child, k) => {
      if (child.type !== 'element') return;
      if (child.tagName !== 'table') return walk(child);
      const table = readHtmlTable(child, found.length);
      if (!findHeader(table)) return;
      node.children[k] = {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [{ type: 'text', value: `${MARK}${found.length}${MARK}` }],
      };
      found.push(table);
    });
  };
  walk(root);
  return found;
}

/** Splits text that holds placeholder lines into parts, each placeholder replaced by its table. */
export function withTables(text: string, tables: readonly Table[]): Part[] {
  const parts: Part[] = [];
  let plain: string[] = [];
  for (const line of text.split('\n')) {
    const m = new RegExp(`^${MARK}(\\d+)${MARK}$`).exec(line.trim());
    const table = m ? tables[Number(m[1])] : undefined;
    if (!table) {
      plain.push(line);
      continue;
    }
    parts.push(plain.join('\n'), table);
    plain = [];
  }
  parts.push(plain.join('\n'));
  return parts;
}
