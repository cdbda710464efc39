/**
 * The repaired notice as clean Markdown, built as an mdast tree and written by remark-stringify (with
 * remark-gfm): the title, the document fields, each plan as a heading, sections as headings by level, tasks as
 * paragraphs led by their number, their units as a definition-style list, and the other paragraphs.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { ROLES, type GraphNode, type NoticeGraph } from '../graph/schema.js';
import { indexGraph, unitsIn, type GraphIndex } from './graph-index.js';
import { DOCUMENT_FIELDS, ROLE_LABELS, UNIT_JOINER } from './labels.js';

/** Heading depth of the plans; a section of level n goes n below it (capped at 6). */
export const PLAN_DEPTH = 2;
const MAX_DEPTH = 6;

/** Separates a label from its value in the field and unit lists. */
const LABEL_SEPARATOR = '：';

/** The heading text of a section: 三、重点工作, (一)实施差异化管理. */
export function sectionHeading(section: { marker: string; title: string }): string {
  const marker = /^[(（]/.test(section.marker) ? section.marker : `${section.marker}、`;
  return `${marker}${section.title}`;
}

/** The label a task's paragraph starts with: 1. for an item, (1) for a sub-item, nothing when unnumbered. */
export function taskNumberLabel(number: string | null): string | null {
  if (number === null) return null;
  return /^\d+$/.test(number) ? `${number}.` : number;
}

/** The Markdown text of a notice. */
export function renderMarkdown(graph: NoticeGraph): string {
  const index = indexGraph(graph);
  const root: Root = {
    type: 'root',
    children: [heading(1, graph.document.title), ...documentFields(graph), ...childrenOf(index, 'notice')],
  };
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-' }).stringify(root);
}

function heading(depth: number, text: string): Heading {
  return {
    type: 'heading',
    depth: Math.min(depth, MAX_DEPTH) as Heading['depth'],
    children: [{ type: 'text', value: text }],
  };
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function labelled(label: string, value: string): ListItem {
  return {
    type: 'listItem',
    spread: false,
    children: [
      paragraph([
        { type: 'strong', children: [{ type: 'text', value: label }] },
        { type: 'text', value: LABEL_SEPARATOR + value },
      ]),
    ],
  };
}

function list(items: ListItem[]): List[] {
  return items.length === 0 ? [] : [{ type: 'list', ordered: false, spread: false, children: items }];
}

function documentFields(graph: NoticeGraph): List[] {
  const d = graph.document;
  const fields: [string, string | undefined][] = [
    [DOCUMENT_FIELDS.issuers, d.issuers.join(UNIT_JOINER) || undefined],
    [DOCUMENT_FIELDS.docNumber, d.docNumber],
    [DOCUMENT_FIELDS.date, d.date],
    [DOCUMENT_FIELDS.publishDate, d.publishDate],
    [DOCUMENT_FIELDS.recipients, d.recipients.join(UNIT_JOINER) || undefined],
  ];
  return list(fields.flatMap(([label, value]) => (value ? [labelled(label, value)] : [])));
}

/** The units of a task, section or plan, one line per role; notes such as 依职责分别牵头 in brackets. */
function roles(index: GraphIndex, id: string): List[] {
  return list(
    ROLES.flatMap((role) => {
      const names = unitsIn(index, id, role).map((u) => u.name);
      if (names.length === 0) return [];
      const notes = [...new Set(index.out(id, role).flatMap((e) => e.note ?? []))];
      const note = notes.length > 0 ? `（${notes.join(UNIT_JOINER)}）` : '';
      return [labelled(ROLE_LABELS[role], names.join(UNIT_JOINER) + note)];
    }),
  );
}

function childrenOf(index: GraphIndex, id: string): RootContent[] {
  return index.children(id).flatMap((child) => block(index, child));
}

function block(index: GraphIndex, node: GraphNode): RootContent[] {
  switch (node.type) {
    case 'plan':
      return [heading(PLAN_DEPTH, node.title), ...roles(index, node.id), ...childrenOf(index, node.id)];
    case 'section':
      return [
        heading(PLAN_DEPTH + node.level, sectionHeading(node)),
        ...roles(index, node.id),
        ...childrenOf(index, node.id),
      ];
    case 'task': {
      const label = taskNumberLabel(node.number);
      const lead: PhrasingContent[] = label
        ? [
            { type: 'strong', children: [{ type: 'text', value: label }] },
            { type: 'text', value: ' ' },
          ]
        : [];
      return [
        paragraph([...lead, { type: 'text', value: node.text }]),
        ...roles(index, node.id),
        ...childrenOf(index, node.id),
      ];
    }
    case 'paragraph':
    case 'residue':
      return node.text === index.graph.document.title
        ? []
        : [paragraph([{ type: 'text', value: node.text }])];
    default:
      // Role lines are shown from the role edges; units, deadlines, targets and references are not blocks.
      return [];
  }
}
