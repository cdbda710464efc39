/**
 * Lines in reading order → paragraphs → the raw text of the Source, one paragraph a line with a blank line
 * between paragraphs, and the layout (page and box of every piece of every line).
 * Where a paragraph starts is decided by the paragraph model every input shares (src/layout/paragraphs.ts): the
 * lines go in with their geometry (box, page, column, font size), which the model reads as evidence against the
 * edges of each column on each page (indent, room before the right edge, vertical gap, change of size), beside the
 * text evidence it reads for every input (markers that fit the numbering, role labels, sentence ends, titles and
 * the head's 主送机关, notes in brackets before a run-in heading). A cell of a ruled grid (`block`) is a paragraph
 * of its own.
 */
import { normaliseText } from '../../layout/normalise.js';
import { paragraphsFromLines } from '../../layout/paragraphs.js';
import type { SourceLine } from '../types.js';
import { joinSeparator } from './cjk.js';
import type { PdfLine } from './types.js';

/** The Source text and layout of the lines. */
export function paragraphText(lines: PdfLine[]): { raw: string; layout: SourceLine[] } {
  // Decisions read the text as the rules will (Chromium's ⼋、 is 八、); the raw text stays as printed.
  const { breaks } = paragraphsFromLines(
    lines.map((l, i) => ({
      text: normaliseText(l.text),
      x0: l.x0,
      x1: l.x1,
      y: l.y,
      page: l.page,
      fontSize: l.size,
      column: l.side,
      block: l.block,
      blankBefore: l.block || lines[i - 1]?.block,
    })),
  );
  let raw = '';
  const layout: SourceLine[] = [];
  lines.forEach((line, i) => {
    if (i > 0) raw += breaks[i] ? '\n\n' : joinSeparator(lines[i - 1]!.text, line.text);
    const start = raw.length;
    raw += line.text;
    const box = { x: line.x0, y: line.y - line.size, w: line.x1 - line.x0, h: line.size };
    layout.push({ start, end: raw.length, page: line.page, box: roundBox(box) });
  });
  return { raw: raw + '\n', layout };
}

const round = (n: number): number => Math.round(n * 10) / 10;

function roundBox(b: NonNullable<SourceLine['box']>): NonNullable<SourceLine['box']> {
  return { x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) };
}
