/**
 * A PlanDiff as a Word document (the docx library), the review an office circulates: the title and the editions,
 * a summary table of counts per kind of change, then plan by plan the changed tasks side by side (old | new |
 * changes), deleted words struck through in red on the old side and inserted ones underlined in green on the new.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CHANGE_KINDS, type PlanDiff, type WordOp } from '../diff/schema.js';
import type { NoticeGraph } from '../graph/schema.js';
import { DIFF_HTML_LABELS, rowsOf, textOf, type DiffRowGroup } from './diff-html.js';
import { KIND_LABELS, describeChange, ocrVariantsLine, yearShiftLine } from './diff-text.js';
import { indexGraph, type GraphIndex } from './graph-index.js';

/** The headers of the document's tables. */
export const DIFF_DOCX_LABELS = {
  summary: '变化汇总',
  kind: '变化',
  count: '数量',
  total: '合计',
  none: '无实质变化。',
};

const FONT = 'SimSun';
const run = (text: string, extra: Record<string, unknown> = {}) =>
  new TextRun({ text, font: FONT, ...extra });
const para = (text: string, bold = false) => new Paragraph({ children: [run(text, bold ? { bold } : {})] });
const cellOf = (children: Paragraph[], width: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });
const table = (widths: number[], rows: Paragraph[][][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((cells) => new TableRow({ children: cells.map((c, i) => cellOf(c, widths[i] ?? 10)) })),
  });

/** One side of a row: each holder's path and text, with the words only that side has marked. */
function side(
  index: GraphIndex,
  ids: string[],
  ops: WordOp[] | undefined,
  keep: 'delete' | 'insert',
): Paragraph[] {
  if (ids.length === 0) return [para('—')];
  return ids.flatMap((id) => {
    const path = id.includes('/') ? id.slice(id.indexOf('/') + 1) : DIFF_HTML_LABELS.planLevel;
    const runs = ops
      ? ops
          .filter((o) => o.op === 'equal' || o.op === keep)
          .map((o) =>
            o.op === 'equal'
              ? run(o.text)
              : keep === 'delete'
                ? run(o.text, { strike: true, color: 'C00000' })
                : run(o.text, { underline: {}, color: '007A33', bold: true }),
          )
      : [run(textOf(index, id))];
    return [
      new Paragraph({ children: [run(path, { bold: true, size: 18 })] }),
      new Paragraph({ children: runs }),
    ];
  });
}

function planTable(rows: DiffRowGroup[], oldIx: GraphIndex, newIx: GraphIndex): Table {
  const header = [DIFF_HTML_LABELS.old, DIFF_HTML_LABELS.new, DIFF_HTML_LABELS.changes].map((h) => [
    para(h, true),
  ]);
  return table(
    [38, 38, 24],
    [
      header,
      ...rows.map((r) => [
        side(oldIx, r.oldIds, r.diff, 'delete'),
        side(newIx, r.newIds, r.diff, 'insert'),
        r.changes.map((c) => para(describeChange(c))),
      ]),
    ],
  );
}

/** The Word report of `diff`; the two graphs it was made from give the texts of the tasks. */
export async function renderDiffDocx(
  diff: PlanDiff,
  oldGraph: NoticeGraph,
  newGraph: NoticeGraph,
): Promise<Buffer> {
  const oldIx = indexGraph(oldGraph);
  const newIx = indexGraph(newGraph);
  const rows = rowsOf(diff, oldIx, newIx).filter((r) => r.changes.length > 0);
  const kinds = CHANGE_KINDS.filter((k) => diff.summary[k]);
  const summary = kinds.length
    ? table(
        [70, 30],
        [
          [[para(DIFF_DOCX_LABELS.kind, true)], [para(DIFF_DOCX_LABELS.count, true)]],
          ...kinds.map((k) => [[para(`${KIND_LABELS[k]} (${k})`)], [para(String(diff.summary[k]))]]),
          [[para(DIFF_DOCX_LABELS.total, true)], [para(String(diff.changes.length), true)]],
          ...(diff.ocrVariants?.length
            ? [[[para(`${KIND_LABELS.ocr_variant} (ocr_variant)`)], [para(String(diff.ocrVariants.length))]]]
            : []),
        ],
      )
    : para(DIFF_DOCX_LABELS.none);
  const ocrLine = ocrVariantsLine(diff);
  const plans = [...new Set(rows.map((r) => r.plan))];
  const children = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [run(diff.new.document.title)],
    }),
    para(
      `${DIFF_HTML_LABELS.old}: ${diff.old.document.title} (${diff.old.document.date ?? '—'}) · ` +
        `${DIFF_HTML_LABELS.new}: ${diff.new.document.title} (${diff.new.document.date ?? '—'})`,
    ),
    ...(diff.yearShift ? [para(yearShiftLine(diff.yearShift))] : []),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(DIFF_DOCX_LABELS.summary)] }),
    summary,
    ...(ocrLine !== null ? [para(ocrLine)] : []),
    ...plans.flatMap((plan) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(planTitle(newIx, plan))] }),
      planTable(
        rows.filter((r) => r.plan === plan),
        oldIx,
        newIx,
      ),
    ]),
  ];
  const doc = new Document({
    creator: 'gongwen',
    title: diff.new.document.title,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

function planTitle(index: GraphIndex, plan: string): string {
  const node = index.node(plan);
  return node?.type === 'plan' ? `${node.title} (${plan})` : plan;
}
