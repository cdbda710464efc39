/**
 * The metadata table of a notice saved from a government site (索引号, 主题分类, 发文机关, 成文日期, 标题,
 * 发文字号, 发布日期): label cells followed by value cells, or cells holding a label with its value (发文机关：国务院).
 * Read into document fields, and the table's cells are left out of the body text.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { DocumentInfo } from '../graph/schema.js';
import { labelPairs } from '../parse/cover.js';
import { structureGrammar } from '../parse/grammar.js';

/**
 * Labels of the site's table and the document field each fills (null: read, but no field of ours): the
 * structure grammar's `cover.metaTableLabels`, with the fields of its `cover.labels`.
 */
function labels(): Map<string, keyof DocumentInfo | null> {
  const { metaTableLabels, labels } = structureGrammar().raw.cover;
  return new Map(metaTableLabels.map((l) => [l, labels[l] === 'none' ? null : (labels[l] ?? null)]));
}

const CELL = new Set(['td', 'th', 'dt', 'dd', 'span', 'b', 'strong', 'label']);
const SPACES = /[\s\u3000\u00a0]+/g;
const LABEL_END = /[:：]$/;
const DATE = /^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/;
const ISSUER_SPLIT = /[\s、,，;；]+/;

const cellText = (e: Element): string => toText(e).replace(SPACES, '');

function isoDate(value: string): string | undefined {
  const m = DATE.exec(value);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

function assign(meta: Partial<DocumentInfo>, field: keyof DocumentInfo, value: string): void {
  if (value === '') return;
  if (field === 'issuers') meta.issuers = value.split(ISSUER_SPLIT).filter(Boolean);
  else if (field === 'date' || field === 'publishDate') {
    const date = isoDate(value);
    if (date) meta[field] = date;
  } else if (field === 'title' || field === 'docNumber') meta[field] = value;
}

/**
 * Finds the label/value cells of the metadata table. Returns the fields found and the elements to leave out
 * of the body (the tables that hold the labels).
 */
export function readMetaTable(tree: Root): { meta: Partial<DocumentInfo>; tables: Set<Element> } {
  const meta: Partial<DocumentInfo> = {};
  const tables = new Set<Element>();
  const LABELS = labels();
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName !== 'tr' && node.tagName !== 'dl') return;
    const cells = node.children.filter((c): c is Element => c.type === 'element' && CELL.has(c.tagName));
    let found = false;
    cells.forEach((cell, i) => {
      const label = cellText(cell).replace(LABEL_END, '');
      if (!LABELS.has(label)) {
        // A cell holding its label and value (发文机关：国务院), or a row's pairs in one cell.
        for (const pair of labelPairs(toText(cell).trim())) {
          if (!LABELS.has(pair.label)) continue;
          found = true;
          const field = LABELS.get(pair.label);
          if (field) assign(meta, field, pair.value.replace(SPACES, field === 'issuers' ? ' ' : ''));
        }
        return;
      }
      found = true;
      const field = LABELS.get(label);
      const next = cells[i + 1];
      if (field && next)
        assign(
          meta,
          field,
          toText(next)
            .trim()
            .replace(SPACES, field === 'issuers' ? ' ' : ''),
        );
    });
    if (found && parent && parent.type === 'element') tables.add(parent);
  });
  return { meta, tables };
}
