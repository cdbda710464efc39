/**
 * A PlanDiff as Markdown, built as an mdast tree and written by remark-stringify (with remark-gfm): a summary
 * table of counts per kind of change first, then plan by plan a table of its changes.
 */
import type { Heading, Paragraph, Root, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { CHANGE_KINDS, type Listed, type PlanDiff } from '../diff/schema.js';
import {
  KIND_LABELS,
  changePlace,
  describeChange,
  listed,
  ocrVariantsLine,
  yearShiftLine,
} from './diff-text.js';

/** Column headers of the tables. */
export const DIFF_MD_COLUMNS = {
  kind: '变化',
  count: '数量',
  place: '位置',
  change: '内容',
  confidence: '置信度',
};

const text = (value: string) => ({ type: 'text' as const, value });
/** An mdast heading. */
export const heading = (depth: Heading['depth'], value: string): Heading => ({
  type: 'heading',
  depth,
  children: [text(value)],
});
/** An mdast paragraph. */
export const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] });
const row = (cells: string[]): TableRow => ({
  type: 'tableRow',
  children: cells.map((c) => ({ type: 'tableCell', children: c ? [text(c)] : [] })),
});
/** An mdast table: a header row, then the rows. */
export const table = (header: string[], rows: string[][]): Table => ({
  type: 'table',
  align: header.map(() => null),
  children: [row(header), ...rows.map(row)],
});

function summary(diff: PlanDiff): RootContent[] {
  const rows = CHANGE_KINDS.filter((k) => diff.summary[k]).map((k) => [
    `${KIND_LABELS[k]} (${k})`,
    String(diff.summary[k]),
  ]);
  if (rows.length === 0) return [paragraph('无实质变化。No substantive change.')];
  return [table([DIFF_MD_COLUMNS.kind, DIFF_MD_COLUMNS.count], rows)];
}

function planSection(plan: string, changes: Listed[]): RootContent[] {
  const rows = changes.map((c) => [changePlace(c), describeChange(c), c.confidence.toFixed(2)]);
  return [
    heading(2, plan),
    table([DIFF_MD_COLUMNS.place, DIFF_MD_COLUMNS.change, DIFF_MD_COLUMNS.confidence], rows),
  ];
}

/** The Markdown report of a diff. */
export function renderDiffMarkdown(diff: PlanDiff): string {
  const all = listed(diff);
  const plans = [...new Set(all.map((c) => c.plan))];
  const ocr = ocrVariantsLine(diff);
  const root: Root = {
    type: 'root',
    children: [
      heading(1, `${diff.old.document.title} → ${diff.new.document.title}`),
      paragraph(
        `${diff.old.document.date ?? ''} → ${diff.new.document.date ?? ''}; ${diff.matches.length} tasks matched, ` +
          `${diff.matches.filter((m) => m.oldPath !== m.newPath).length} of them renumbered.`,
      ),
      ...(diff.yearShift ? [paragraph(yearShiftLine(diff.yearShift))] : []),
      ...summary(diff),
      ...(ocr !== null ? [paragraph(ocr)] : []),
      ...plans.flatMap((p) =>
        planSection(
          p,
          all.filter((c) => c.plan === p),
        ),
      ),
    ],
  };
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-' }).stringify(root);
}
