/**
 * Lines in reading order → paragraphs → the raw text of the Source, one paragraph a line with a blank line
 * between paragraphs, and the layout (page and box of every piece of every line).
 * A paragraph starts at an indented (or centred, or flush-right) line, at a change of font size, after a
 * vertical gap, at a heading marker (一、 (一) 1.) or role label (牵头单位…) after a line that ends a sentence,
 * and after a line that ends a sentence well short of the right margin (or fills little of it), or that is set off
 * from the left margin (centred, flush right) and stops short of the right one. Where none of these holds, a line
 * that opens with the next marker of the numbering so far (（一） after 三、, （二） after （一）) opens a paragraph
 * all the same, as in text (src/layout/paragraphs.ts): without first-line indents, a heading that fills its line
 * (三、深入推进…工作) or a paragraph whose note ends a full line (…商务部指导）) gives no other sign. And in the
 * notice's head (before its first sentence), the line after one that ends with a colon (the 主送机关, 各省、…各直属机构：)
 * opens a paragraph: the letter's body never goes on from it; so does the line after a notice's title whose last
 * line fills it (…的通知, no clause end in it).
 */
import { isRoleLine } from '../../extract/roles.js';
import { layoutGrammar } from '../../layout/grammar.js';
import { normaliseText } from '../../layout/normalise.js';
import { endsColonBeforeNumber, endsLead, isTitlePara, markerOf, Sequence } from '../../layout/paragraphs.js';
import { structureGrammar } from '../../parse/grammar.js';
import type { SourceLine } from '../types.js';
import { joinSeparator } from './cjk.js';
import type { PdfLine } from './types.js';

/** Indented: starts more than this many font sizes right of the column's left edge. */
const INDENT = 0.8;
/** A line ends "well short" of the margin when it stops this many font sizes before the right edge. */
const SHORT = 2;
/** A line is a paragraph's last beyond doubt when it fills less than this share of the column. */
const CLEARLY_SHORT = 0.7;
/** A page (or column) of at most this many lines may be the end of a letter, with no full line of its own. */
const FEW_LINES = 4;
/** Font sizes differing by more than this share belong to different paragraphs. */
const SIZE_CHANGE = 0.2;
/** A gap between baselines over this many times the usual line pitch separates paragraphs. */
const GAP = 1.6;
/** Characters that end a sentence or clause (closing quotes and brackets after them are skipped). */
const SENTENCE_END = /[。！？；：!?;:](?:[”’」』）)\]】]*)$/;

/** A column of one page: its left and right edges. */
interface Edges {
  left: number;
  right: number;
}

/** The edge most lines share: the smallest (or largest) value that at least two values lie close to. */
function robustEdge(values: number[], tolerance: number, side: 'min' | 'max'): number {
  const s = [...values].sort((a, b) => (side === 'min' ? a - b : b - a));
  const near = (a: number, b: number) => Math.abs(a - b) <= tolerance;
  return s.find((v, i) => s.slice(i + 1).some((w) => near(v, w))) ?? s[0]!;
}

function columnEdges(lines: PdfLine[]): Map<string, Edges> {
  const groups = new Map<string, PdfLine[]>();
  for (const l of lines) {
    const k = `${l.page}:${l.side}`;
    groups.set(k, [...(groups.get(k) ?? []), l]);
  }
  const edges = new Map<string, Edges>();
  for (const [k, ls] of groups) {
    const size = ls[0]!.size;
    edges.set(k, {
      left: robustEdge(
        ls.map((l) => l.x0),
        size / 2,
        'min',
      ),
      right: robustEdge(
        ls.map((l) => l.x1),
        size,
        'max',
      ),
    });
  }
  // A page whose lines all start indented (a page of one-line paragraphs) takes the usual edge of its side; a page
  // of a few lines that all stop short of it (the end of a letter: signature and date, flush right), the usual
  // right edge.
  const counts = new Map([...groups].map(([k, ls]) => [k, ls.length]));
  const usualOf = (side: string, edge: 'left' | 'right'): number | undefined => {
    const own = [...edges].filter(([k]) => k.endsWith(`:${side}`)).map(([, e]) => e[edge]);
    return own.sort((a, b) => a - b)[Math.floor(own.length / 2)];
  };
  for (const side of ['full', 'left', 'right']) {
    const [left, right] = [usualOf(side, 'left'), usualOf(side, 'right')];
    if (left === undefined || right === undefined) continue;
    for (const [k, e] of edges) {
      if (!k.endsWith(`:${side}`)) continue;
      if (e.left > left + lines[0]!.size) e.left = left;
      if (e.right < right - lines[0]!.size && (counts.get(k) ?? 0) <= FEW_LINES) e.right = right;
    }
  }
  return edges;
}

function linePitch(lines: PdfLine[]): number {
  const d: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.page === b.page && a.side === b.side && b.y > a.y) d.push(b.y - a.y);
  }
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)] ?? Infinity;
}

function startsBlock(text: string): boolean {
  return structureGrammar().marker(text) !== null || isRoleLine(text);
}

/** Whether `line` opens a new paragraph after `prev`. */
function breaksBefore(prev: PdfLine, line: PdfLine, edges: Map<string, Edges>, pitch: number): boolean {
  if (prev.block || line.block) return true;
  const here = edges.get(`${line.page}:${line.side}`)!;
  const there = edges.get(`${prev.page}:${prev.side}`)!;
  if (Math.abs(line.size - prev.size) > SIZE_CHANGE * Math.max(line.size, prev.size)) return true;
  if (line.x0 > here.left + INDENT * line.size) return true;
  if (prev.page === line.page && prev.side === line.side && line.y - prev.y > GAP * pitch) return true;
  const room = there.right - prev.x1;
  const ends = SENTENCE_END.test(prev.text);
  if (ends && room > SHORT * prev.size) return true;
  if (prev.x1 - there.left < CLEARLY_SHORT * (there.right - there.left)) return true;
  // A line set off from the left edge (centred, flush right: a signature, a 成文日期) that stops short of the right
  // one is a line of its own: the 附件 label that opens the next page does not go on from the date.
  if (prev.x0 > there.left + INDENT * prev.size && room > SHORT * prev.size) return true;
  return ends && startsBlock(line.text);
}

/** The Source text and layout of the lines. */
export function paragraphText(lines: PdfLine[]): { raw: string; layout: SourceLine[] } {
  const prose = lines.filter((l) => !l.block);
  const edges = columnEdges(prose);
  const pitch = linePitch(prose);
  let raw = '';
  const layout: SourceLine[] = [];
  const seq = new Sequence();
  const g = layoutGrammar();
  let head = true;
  let para = '';
  // Decisions read the text as the rules will (Chromium's ⼋、 is 八、); the raw text stays as printed.
  const read = lines.map((l) => ({ ...l, text: normaliseText(l.text) }));
  read.forEach((line, i) => {
    const prev = read[i - 1];
    const marker = markerOf(line.text);
    const salutation =
      head &&
      prev !== undefined &&
      ((endsLead(prev.text, g) && !endsColonBeforeNumber(prev.text, line.text, g)) ||
        (isTitlePara(para, g) && !g.noStart.includes(line.text[0] ?? '')));
    const breaks =
      !prev || breaksBefore(prev, line, edges, pitch) || salutation || (marker !== null && seq.next(marker));
    if (breaks) seq.see(marker);
    para = breaks ? line.text : para + line.text;
    if (salutation || [...line.text].some((c) => g.sentenceEnds.includes(c) && !g.leadEnds.includes(c)))
      head = false;
    const printed = lines[i]!;
    if (prev) raw += breaks ? '\n\n' : joinSeparator(lines[i - 1]!.text, printed.text);
    const start = raw.length;
    raw += printed.text;
    const box = { x: line.x0, y: line.y - line.size, w: line.x1 - line.x0, h: line.size };
    layout.push({ start, end: raw.length, page: line.page, box: roundBox(box) });
  });
  return { raw: raw + '\n', layout };
}

const round = (n: number): number => Math.round(n * 10) / 10;

function roundBox(b: NonNullable<SourceLine['box']>): NonNullable<SourceLine['box']> {
  return { x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) };
}
