/**
 * Markdown ingest (remark-parse, with remark-gfm for tables): headings, paragraphs, list items, quotes and code → plain lines the
 * parser understands, one block a line; tables through src/ingest/table (task tables as tasks, others a row a line). A `#` heading becomes its text; markers typed in the text (一、 (一) 1.)
 * stay; an ordered list item gets its number back ("1."), which Markdown syntax had taken; the lines of a
 * paragraph join without a space between CJK characters.
 */
import type { List, Nodes, Root, RootContent, Table as MdTable } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { joinSeparator } from './pdf/cjk.js';
import { resolveGrid, type Table } from './table/model.js';
import { assemble, type Part } from './table/source.js';
import type { Source } from './types.js';

/** The text content of a node (text, inline code and the like), breaks as line breaks. */
function toString(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && node.type !== 'html') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(toString).join('') : '';
}

/** The text of a block with its soft line breaks joined as in a paragraph. */
function flowText(node: RootContent): string {
  return toString(node)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .reduce((acc, l) => (acc === '' ? l : acc + joinSeparator(acc, l) + l), '');
}

function listLines(list: List): string[] {
  const start = list.start ?? 1;
  return list.children.flatMap((item, i) => {
    const [first, ...rest] = item.children.flatMap(blockLines);
    if (first === undefined) return [];
    return [list.ordered ? `${start + i}.${first}` : first, ...rest];
  });
}

function blockLines(node: RootContent): string[] {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return [flowText(node)].filter((l) => l !== '');
    case 'list':
      return listLines(node);
    case 'blockquote':
      return node.children.flatMap(blockLines);
    case 'code':
      return node.value.split('\n').filter((l) => l.trim() !== '');
    default:
      return [];
  }
}

/** A GFM table on the grid of src/ingest/table (Markdown has no spans). */
const gridOf = (node: MdTable, index: number): Table =>
  resolveGrid(
    node.children.map((row) => row.children.map((cell) => ({ text: flowText(cell) }))),
    index,
  );

/** A Markdown document as text and tables in order: one block a line; each table read by src/ingest/table. */
export function markdownSource(markdown: string): Pick<Source, 'raw' | 'tables'> {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const parts: Part[] = [];
  let lines: string[] = [];
  for (const block of tree.children) {
    if (block.type !== 'table') {
      lines.push(...blockLines(block));
      continue;
    }
    parts.push(lines.join('\n'), gridOf(block, parts.length / 2));
    lines = [];
  }
  parts.push(lines.join('\n'));
  if (parts.length === 1) return { raw: lines.join('\n') + '\n' };
  const { raw, tables } = assemble(parts);
  return { raw, tables };
}

/** The plain text of a Markdown document: one block a line, ending with a line break. */
export function markdownToText(markdown: string): string {
  return markdownSource(markdown).raw;
}
