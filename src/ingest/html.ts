/**
 * HTML ingest (rehype-parse): a notice saved from a government site. Scripts, styles and navigation go; the
 * site's metadata table feeds `meta` (see html-meta.ts); the body is the element that holds most of the page's
 * text (descending while one child holds most of it), read with its paragraph breaks, one paragraph a line.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { decodeBytes } from './decode.js';
import { readMetaTable } from './html-meta.js';
import { takeTaskTables, withTables } from './table/html.js';
import { assemble } from './table/source.js';
import { assertNotBlank } from './text.js';
import type { Source } from './types.js';

/** Elements that are never the notice's text. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'iframe',
  'form',
  'button',
  'select',
  'head',
]);
/** A child holding at least this share of its parent's text is where the body is. */
const MAIN_SHARE = 0.7;

const textLength = (node: Element | Root): number => toText(node).replace(/\s+/g, '').length;

function prune(tree: Root, drop: Set<Element>): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (parent && index !== undefined && (DROP.has(node.tagName) || drop.has(node))) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
}

/** The element that holds the body: from the root down, while one child holds most of the text. */
function mainBlock(tree: Root): Element | Root {
  let at: Element | Root = tree;
  for (;;) {
    if (at.type === 'element' && at.tagName === 'table') return at; // a table is read whole (src/ingest/table)
    const total = textLength(at);
    const children: Element[] = (at.children as ElementContent[]).filter(
      (c): c is Element => c.type === 'element',
    );
    const main: Element | undefined = children.find((c) => textLength(c) >= MAIN_SHARE * total);
    if (!main) return at;
    at = main;
  }
}

/** Plain text of the body: one paragraph a line, no blank lines, each line trimmed. */
function bodyText(node: Element | Root): string {
  return toText(node)
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+$/u, '').replace(/^[ \t\u00a0\u3000]+/u, ''))
    .filter((l) => l !== '')
    .join('\n');
}

/** The body's text; its task tables (see src/ingest/table) as rows, with their cells' places. */
export function htmlBody(block: Element | Root): Pick<Source, 'raw' | 'tables'> {
  // A page whose body is the table itself: the table is taken out of a root of its own.
  const main: Element | Root =
    block.type === 'element' && block.tagName === 'table' ? { type: 'root', children: [block] } : block;
  const tables = takeTaskTables(main);
  if (tables.length === 0) return { raw: bodyText(main) + '\n' };
  return assemble(withTables(bodyText(main), tables));
}

/** Reads an HTML page into a Source (format 'html', the encoding its bytes were decoded from). */
export function ingestHtml(bytes: Uint8Array, path?: string): Source {
  const { text, encoding } = decodeBytes(bytes, path);
  const tree = unified().use(rehypeParse).parse(text);
  const { meta, tables } = readMetaTable(tree);
  prune(tree, tables);
  const body = htmlBody(mainBlock(tree));
  const raw = body.raw;
  assertNotBlank(raw.trim(), path);
  return {
    raw,
    ...(body.tables ? { tables: body.tables } : {}),
    format: 'html',
    encoding,
    lineEndings: 'lf',
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}
