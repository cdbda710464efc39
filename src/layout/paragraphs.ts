/**
 * The paragraph model of the reading stage: lines in reading order → where a paragraph starts, decided on
 * evidence, for every input (hard-wrapped text, OCR text, and any caller with a page's lines).
 *
 * API (stable; the PDF and Word readers may call it):
 *
 *   paragraphsFromLines(lines: LayoutLine[]): Paragraphing
 *     lines:  { text, indent?, indentChars?, x0?, x1?, y?, page?, fontSize?, column?, block?, blankBefore? } in
 *             reading order; `text` is the line's visible text (no indentation). Paged lines (with x0/x1: a PDF's)
 *             are measured against the edges of their column on their page (geometry.ts: indent, room before the
 *             right edge, vertical gap over the usual pitch); text lines against the text's own full-line length in
 *             printed width (an ideograph 1, ASCII ½). A `block` line (a grid cell) is a paragraph of its own.
 *     returns { breaks: boolean[], evidence: string[], measure }: breaks[i] is true when lines[i] opens a paragraph
 *             (breaks[0] is true), evidence[i] names the deciding evidence (`first`, `blank`, `short`, `indent`,
 *             `marker`, `label`, `list`, `sentence`, `title`, `salutation`, `size`, `gap`, `note` for breaks; `continues` for joins).
 *
 * Evidence, in order: a blank line or a vertical gap before the line, a change of font size, an indented line,
 * the previous line short against the measure (paged: well short of its column's right edge after a sentence end
 * or a line set off from the left edge, or filling little of the column; a line cut short by an unbreakable word
 * does not end a paragraph); a line that starts with punctuation never opens one; then a role
 * label (牵头单位:…; a line ending with one, …责任单位:, goes on with its value on the next line, and after a full
 * role line a line holding a sentence (…许可证;严格执行…) opens a paragraph: a list of units holds none), a heading marker that fits the numbering sequence (一、 after 一、 is 二、; a line that starts
 * with 零 or a number after a full line continues the sentence unless it is the next marker; after a lead, 包括：,
 * a marker whose successor runs inline further on, …；（2）…, starts the list inline), and a previous line
 * that ends a sentence followed by any marker or by a short line with no final punctuation (a title); a note in
 * brackets after a sentence end (…总量。（生态环境部指导）) at a line's end, followed by a run-in heading (a short
 * sentence, 严格控制增量，逐步解决…问题。, that more text follows).
 */
import { structureGrammar, type MarkerKind } from '../parse/grammar.js';
import { isPaged, lineGeometry, type LineGeometry, type PagedLine } from './geometry.js';
import { layoutGrammar, type LayoutGrammar } from './grammar.js';

/** An indent is at least this many columns more than the continuation lines' (a lone blank is noise). */
const MIN_INDENT = 2;

/** One line in reading order (paged input: with its box, page, font size and column; see geometry.ts). */
export interface LayoutLine extends PagedLine {
  /** The visible text, without indentation. */
  text: string;
  /** Indentation before the text, in columns (text input; an ideographic space is two). */
  indent?: number;
  /** The same indentation in characters, as `text.length` counts them (an ideographic space is one, a tab four). */
  indentChars?: number;
  /** A blank line stood before this one. */
  blankBefore?: boolean;
}

/** Where paragraphs start, and why. */
export interface Paragraphing {
  breaks: boolean[];
  evidence: string[];
  /** The full-line length the text lines were measured against (characters), or 0 for paged input. */
  measure: number;
}

/** The full-line length of a text's lines: the length most lines reach (the mode of the longer half). */
export function measureOf(lengths: readonly number[]): number {
  return measureWithSupport(lengths).measure;
}

/**
 * The measure (measureOf) and how many lines have exactly that length: 1 when no two of the longer half are alike,
 * and the measure is then only the longest line (a grid's cells, not a printed page's lines).
 */
export function measureWithSupport(lengths: readonly number[]): { measure: number; lines: number } {
  const sorted = [...lengths].sort((a, b) => a - b);
  const top = sorted.slice(Math.floor(sorted.length / 2));
  const counts = new Map<number, number>();
  for (const n of top) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [n, c] of counts) if (c > most || (c === most && n > best)) [best, most] = [n, c];
  return { measure: best, lines: most };
}

/**
 * The printed width of `text` in ideographs: a CJK or full-width character is one, an ASCII or other narrow one
 * (below U+1100, half-width forms) half. Real hard wraps break by printed width, so a line of digits and Latin
 * letters holds about twice as many characters as a line of ideographs before it wraps.
 */
export function printWidth(text: string): number {
  let w = 0;
  for (const c of text) w += narrow(c.codePointAt(0)!) ? 0.5 : 1;
  return w;
}

/** True for a code point printed half as wide as an ideograph. */
const narrow = (cp: number): boolean =>
  cp < 0x1100 || (cp >= 0xff61 && cp <= 0xffdc) || (cp >= 0xffe8 && cp <= 0xffee);

/**
 * A line's full length in printed width (printWidth): its text and its indentation, an ideographic space one and
 * a blank half (columns / 2), so that a first line indented by two ideographic spaces is as long as the full lines
 * after it and a line of ASCII values (000014349/2023-26788) as short as it prints.
 */
export const lineLength = (l: LayoutLine): number =>
  printWidth(l.text) + (l.indent !== undefined ? l.indent / 2 : (l.indentChars ?? 0));

/**
 * What a line's narrow characters may print wider than half an ideograph: fonts set digits and letters at about ½
 * to ¾ (digits, - / . up to 0.6), and a CJK font may set ASCII punctuation as wide as an ideograph (Chromium's
 * 65%和55% lines fill the measure at a printWidth 3 short, LibreOffice's 牵头单位:…). The measure is taken at ½;
 * whether a line reaches it, with each digit up to 0.6, letter up to ¾ and , : ; % ( ) up to 1: a line of ASCII values
 * (000014349/2023-26788) is still short, a line with numbers and punctuation full.
 */
export function narrowSlack(text: string): number {
  let n = 0;
  for (const c of text)
    if (narrow(c.codePointAt(0)!) && !/\s/u.test(c))
      n += WIDE_PUNCT.includes(c) ? PUNCT_SLACK : /\p{L}/u.test(c) ? LETTER_SLACK : DIGIT_SLACK;
  return n;
}

const DIGIT_SLACK = 0.1;
const LETTER_SLACK = 0.25;
const PUNCT_SLACK = 0.5;
/** ASCII punctuation a CJK font may set as wide as an ideograph (blanks have no slack: a gap is no glyph). */
const WIDE_PUNCT = ',:;%()';

/** How much shorter than the measure a line may be and still be full. */
export const slack = (measure: number, g: LayoutGrammar): number =>
  Math.max(1, Math.round(g.tolerance * measure));

/** True when `text` ends a sentence or clause (closing quotes and brackets skipped). */
export function endsSentence(text: string, g: LayoutGrammar = layoutGrammar()): boolean {
  let i = text.length - 1;
  while (i >= 0 && g.closers.includes(text[i]!)) i--;
  return i >= 0 && g.sentenceEnds.includes(text[i]!);
}

/** True when `text` ends a sentence with a full stop (。！？, closing quotes and brackets skipped), not a clause. */
function endsFullStop(text: string, g: LayoutGrammar): boolean {
  let i = text.length - 1;
  while (i >= 0 && g.closers.includes(text[i]!)) i--;
  return i >= 0 && g.fullStops.includes(text[i]!);
}

/** True when `text` ends with a role label and its colon (…责任单位:): the label's value is on the next line. */
function endsLabel(text: string, g: LayoutGrammar): boolean {
  const t = text.trimEnd();
  if (!g.leadEnds.includes(t[t.length - 1] ?? '')) return false;
  const before = t.slice(0, -1).trimEnd();
  return g.roleLabels.some((label) => before.endsWith(label));
}

/**
 * True when `text` holds a sentence end outside brackets with more text after it that is not a role label (…许可证;
 * 严格执行…): a sentence, which a list of units (a role line's value: names, 、 and ， between them) never holds.
 */
function holdsSentence(text: string, g: LayoutGrammar): boolean {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (g.brackets.some((b) => b[0] === c)) depth++;
    else if (g.brackets.some((b) => b[1] === c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && g.sentenceEnds.includes(c) && !g.leadEnds.includes(c)) {
      let j = k + 1;
      while (j < text.length && g.closers.includes(text[j]!)) j++;
      if (j < text.length && !opensLabel(text.slice(j), g)) return true;
    }
  }
  return false;
}

/** The characters of `text` before its first list separator (blanks not counted). */
function firstRun(text: string, g: LayoutGrammar): number {
  let n = 0;
  for (const c of text) {
    if (g.listSeparators.includes(c)) break;
    if (!BLANK_CHAR.test(c)) n++;
  }
  return n;
}

/** The characters of `text` after its last list separator (blanks not counted). */
function lastRun(text: string, g: LayoutGrammar): number {
  let n = 0;
  for (let k = text.length - 1; k >= 0 && !g.listSeparators.includes(text[k]!); k--)
    if (!BLANK_CHAR.test(text[k]!)) n++;
  return n;
}

const BLANK_CHAR = /[\s\u3000]/;

/** True when `text` ends with a colon that leads into what follows (主送机关：, 通知如下：), not a time's. */
export function endsLead(text: string, g: LayoutGrammar): boolean {
  // A colon after a digit is a time's (17:35:↵09) or a ratio's, not a lead.
  return g.leadEnds.includes(text[text.length - 1] ?? '') && !/\p{Nd}/u.test(text[text.length - 2] ?? '');
}

/** True when `text` ends with a notice title's last words: 的 and a title word (的通知, 的意见). */
function endsTitle(text: string, g: LayoutGrammar): boolean {
  const c = structureGrammar().raw.cover;
  // A title quoted as a book title (…的通知》) ends there too.
  let end = text.length;
  while (end > 0 && g.closers.includes(text[end - 1]!)) end--;
  const bare = text.slice(0, end);
  return c.titleSuffixes.some((w) => bare.endsWith(c.titleLink + w));
}

/**
 * True when `prev` ends with a colon and `text` goes on with a number that is its value: after a digit the colon is
 * a time's (发布时间:2020-05-29 14:36:↵23); after a label, a line that is a bare number is the label's value
 * (浏览次数:↵1), never a paragraph of its own.
 */
export function endsColonBeforeNumber(prev: string, text: string, g: LayoutGrammar): boolean {
  if (!g.leadEnds.includes(prev[prev.length - 1] ?? '') || !/^\p{Nd}/u.test(text)) return false;
  return /\p{Nd}/u.test(prev[prev.length - 2] ?? '') || /^\p{Nd}+$/u.test(text);
}

/** True when `para` reads as a notice's title: it ends with a title's last words and holds no clause end (，。；：). */
export function isTitlePara(para: string, g: LayoutGrammar): boolean {
  if (!endsTitle(para, g) || [...para].some((c) => g.clauseEnds.includes(c))) return false;
  // A quoted title (…的通知》) is the paragraph's own only when nothing but a 发文字号 comes before its quote:
  // 为贯彻落实《…的通知》 is a sentence citing one.
  const quote = g.titleQuotes.find((q) => q[1] === para[para.length - 1]);
  if (!quote) return true;
  const before = para.slice(0, Math.max(0, para.indexOf(quote[0]!)));
  return before === '' || structureGrammar().cover.docNumber.test(before);
}

/** True when `text` opens with a role label and its colon (牵头单位:…). */
function opensLabel(text: string, g: LayoutGrammar): boolean {
  for (const label of g.roleLabels) {
    if (!text.startsWith(label)) continue;
    const rest = text.slice(label.length).trimStart();
    if (rest.startsWith(':') || rest.startsWith('：')) return true;
  }
  return false;
}

/** The numbering marker a line opens with, unless it reads as a decimal number (1.5万吨). */
export function markerOf(text: string): { kind: MarkerKind; value: number } | null {
  const m = structureGrammar().marker(text);
  if (!m) return null;
  if (isDecimal(text, m)) return null;
  return m;
}

/** True when the item marker `m` at the start of `text` reads as a decimal number (1.5万吨, 4.10月底前). */
function isDecimal(text: string, m: { kind: MarkerKind; length: number }): boolean {
  const point = structureGrammar().raw.decimalPoints;
  return m.kind === 'item' && point.includes(text[m.length - 1] ?? '') && /^\d/.test(text.slice(m.length));
}

/**
 * True when `para` (the paragraph so far) holds, after a clause end, the marker just before `m` of the same kind:
 * the line opening with `m` goes on with a list run inline ((1)…;(2)…;(3)…), not a paragraph of its own.
 */
function inlineBefore(para: string, m: { kind: MarkerKind; value: number }, g: LayoutGrammar): boolean {
  const sg = structureGrammar();
  for (let k = 1; k < para.length; k++) {
    if (!g.sentenceEnds.includes(para[k - 1]!)) continue;
    const x = sg.marker(para.slice(k, k + MARKER_SPAN));
    if (x && x.kind === m.kind && x.value === m.value - 1) return true;
  }
  return false;
}

/** Characters read after a clause end when looking for an inline marker (（十二）、 is the longest). */
const MARKER_SPAN = 8;

/** A label of the text's own that opens a paragraph (计算方法：, 指标来源：): a few Han characters and a colon. */
function ownLabel(text: string, g: LayoutGrammar): string | null {
  const m = /^\p{Script=Han}{2,6}/u.exec(text);
  return m && g.leadEnds.includes(text[m[0].length] ?? '') ? m[0] : null;
}

/** The numbering seen so far, per marker kind: the marker that fits next is the last one plus one, or a 1. */
export class Sequence {
  private last = new Map<MarkerKind, number>();
  /** Kinds below a marker seen since their last one: they may start again at 1. */
  private fresh = new Set<MarkerKind>();
  fits(m: { kind: MarkerKind; value: number }): boolean {
    const last = this.last.get(m.kind);
    return m.value === 1 || (last !== undefined && m.value === last + 1);
  }
  /** True when `m` is the marker after the last one of its kind, or a 1 where its kind starts (again). */
  next(m: { kind: MarkerKind; value: number }): boolean {
    const last = this.last.get(m.kind);
    if (m.value === 1) return last === undefined || this.fresh.has(m.kind);
    return last !== undefined && m.value === last + 1;
  }
  see(m: { kind: MarkerKind; value: number } | null): void {
    if (!m) return;
    this.last.set(m.kind, m.value);
    this.fresh.delete(m.kind);
    for (const k of KINDS.slice(KINDS.indexOf(m.kind) + 1)) this.fresh.add(k);
  }
}

/** Marker kinds from the highest level down. */
const KINDS: readonly MarkerKind[] = ['level1', 'level2', 'item', 'subitem'];

/** Font sizes differing by more than this share (of the larger) belong to different paragraphs. */
const SIZE_CHANGE = 0.2;
/** A paged line ends "well short" of the column when it stops this many font sizes before the right edge. */
const SHORT = 2;
/** A line is a paragraph's last beyond doubt when it fills less than this share of its column. */
const CLEARLY_SHORT = 0.7;

/** Room (font sizes) beyond the next line's first piece that a line must leave to have ended by its length. */
const FIT_SPARE = 1.5;
/** Printed width (font sizes) a narrow character may take: digits and letters, letter-spaced or set wide. */
const NARROW_WIDTH = 0.75;

/**
 * The printed width (font sizes) of the first piece of `text` a typesetter keeps whole at a line's start: a run of
 * ASCII letters and digits (a number, a word), else one character; with the opening quotes and brackets before it
 * (none ends a line) and the punctuation after it that no line starts with (、，。).
 */
export function firstPiece(text: string, g: LayoutGrammar): number {
  const chars = [...text.trim()];
  const openers = [...g.brackets, ...g.titleQuotes].map((b) => b[0]!).join('') + '“‘「『';
  let k = 0;
  let width = 0;
  const widthOf = (c: string) => (narrow(c.codePointAt(0)!) ? NARROW_WIDTH : 1);
  while (k < chars.length && openers.includes(chars[k]!)) width += widthOf(chars[k++]!);
  if (k < chars.length && /[A-Za-z0-9]/.test(chars[k]!))
    while (k < chars.length && /[A-Za-z0-9.,%/:_-]/.test(chars[k]!)) width += widthOf(chars[k++]!);
  else if (k < chars.length) width += widthOf(chars[k++]!);
  while (k < chars.length && g.noStart.includes(chars[k]!)) width += widthOf(chars[k++]!);
  return width;
}

/** The length evidence of each line, and for paged input its geometry. */
interface Lengths {
  /** The line stops before the measure (text); paged, the same as `ends`. */
  short: boolean[];
  /** The line ends its paragraph by its length: it is short (text); paged, it is short and ends a sentence or is
   * set off from the left edge (a centred or flush-right line), or it fills little of its column. */
  ends: boolean[];
  /** The full-line length of text lines (characters), 0 for paged input. */
  measure: number;
  /** Paged input: the page's geometry (indents and vertical gaps). */
  geometry?: LineGeometry;
}

/** The length of each line against the measure (text) or against its column on its page (paged input). */
function lengthsOf(lines: readonly LayoutLine[]): Lengths {
  const g = layoutGrammar();
  if (isPaged(lines)) {
    const geometry = lineGeometry(lines);
    // A line a few characters short with no sentence end is no evidence: a typesetter (or an OCR layer's
    // spacing) leaves room before a word or number it keeps whole.
    // Nor is it when the next line's first unbreakable piece would not have fitted in the room left; when it would
    // have, with room to spare, the line ended there (返回, 所在位置：…网 > 专题 before a title).
    const ends = lines.map(
      (l, i) =>
        geometry.fill[i]! < CLEARLY_SHORT ||
        (geometry.room[i]! > SHORT && (endsSentence(l.text, g) || geometry.indent[i]!)) ||
        (lines[i + 1] !== undefined && geometry.room[i]! > firstPiece(lines[i + 1]!.text, g) + FIT_SPARE),
    );
    return { short: ends, ends, measure: 0, geometry };
  }
  const lengths = lines.map(lineLength);
  const measure = measureOf(lengths);
  const full = measure > 0 ? (measure - slack(measure, g)) / measure : 1;
  const short = lengths.map((n, i) => measure > 0 && (n + narrowSlack(lines[i]!.text)) / measure < full);
  return { short, ends: short, measure };
}

/** Decides where paragraphs start among `lines` (see the module's doc comment). */
export function paragraphsFromLines(lines: readonly LayoutLine[]): Paragraphing {
  const g = layoutGrammar();
  const { short, ends, measure, geometry } = lengthsOf(lines);
  const usualIndent = lines.filter((l, i) => i > 0 && !short[i - 1]!).map((l) => l.indent ?? 0);
  const baseIndent = usualIndent.length ? Math.min(...usualIndent) : 0;
  const seq = new Sequence();
  const breaks: boolean[] = [];
  const evidence: string[] = [];
  // Before the first sentence that ends other than with a colon, the text is the notice's head: its first line
  // ending with a colon is the 主送机关 (各省、…各直属机构：), which the letter's body never continues.
  let head = true;
  const indented = (l: LayoutLine) => (l.indent ?? 0) >= baseIndent + MIN_INDENT;
  // A text that marks paragraphs by indenting their first line: after a paragraph's short last line, the next
  // line is nearly always indented. There a line at the base indent after a full line continues its paragraph.
  const afterShort = lines.filter((_, i) => i > 0 && short[i - 1]!);
  const indentMarked =
    measure > 0 &&
    afterShort.length >= MIN_INDENTED &&
    afterShort.filter(indented).length >= INDENT_SHARE * afterShort.length;
  // The same with blank lines: where nearly every short line is followed by a blank one, a line after a full
  // line with no blank before it continues its paragraph (a note inside it is no paragraph's end).
  const blankMarked =
    measure > 0 &&
    afterShort.length >= MIN_INDENTED &&
    afterShort.filter((l) => l.blankBefore).length >= INDENT_SHARE * afterShort.length;
  // Paged lines that mark paragraphs by first-line indents: after a line that ends its paragraph, the next is
  // nearly always indented (a full line with no punctuation there is no title).
  const endsAt = lines.map((_, i) => i).filter((i) => i > 0 && ends[i - 1]!);
  const pagedIndents =
    geometry !== undefined &&
    endsAt.length >= MIN_INDENTED &&
    endsAt.filter((i) => geometry.indent[i]!).length >= INDENT_SHARE * endsAt.length;
  const ctx: Context = {
    geometry,
    baseIndent,
    seq,
    g,
    indentMarked: indentMarked || blankMarked,
    blankOnly: blankMarked && !indentMarked,
    para: '',
    nextShort: false,
    labels: new Set(),
    ahead: '',
    inlineNext: () => false,
  };
  lines.forEach((line, i) => {
    ctx.next = lines[i + 1];
    ctx.ahead = aheadOf(lines, i, g.runIn + 2);
    ctx.inlineNext = (m) => inlineAfter(lines, i, m, g);
    ctx.nextShort = short[i + 1] ?? false;
    let why = i === 0 ? 'first' : reason(i, lines[i - 1]!, line, [ends[i - 1]!, short[i]!], ctx);
    if (
      why === 'continues' &&
      head &&
      i > 0 &&
      endsLead(lines[i - 1]!.text, g) &&
      !endsColonBeforeNumber(lines[i - 1]!.text, line.text, g)
    )
      why = 'salutation';
    const prev = lines[i - 1]?.text ?? '';
    const stops = [...prev].some((c) => g.sentenceEnds.includes(c) && !g.leadEnds.includes(c));
    if (stops || (i > 0 && endsLead(prev, g) && !short[i - 1]!)) head = false;
    // In the head, a line ending in a title's last words (…的通知) ends the title even when it fills the
    // measure, and a line opening with the title's head word (关于) starts the title after the issuers' line.
    const closes = g.noStart.includes(line.text[0] ?? '');
    if (why === 'continues' && head && !closes && isTitlePara(ctx.para, g)) why = 'title';
    // Not inside a quoted title still open (京政办发〔2016〕26号《北京市人民政府办公厅↵关于印发…的通知》).
    if (
      why === 'continues' &&
      head &&
      line.text.startsWith(structureGrammar().raw.cover.titleHead) &&
      !openQuote(ctx.para, g)
    )
      why = 'title';
    if (
      why === 'continues' &&
      !indentMarked &&
      !blankMarked &&
      !pagedIndents &&
      i >= 2 &&
      breaks[i - 1] &&
      !g.noStart.includes(line.text[0] ?? '')
    )
      if (isTitle(lines[i - 2]!, lines[i - 1]!, g, evidence[i - 1] === 'short', line, short[i]!))
        why = 'title';
    breaks.push(why !== 'continues');
    evidence.push(why);
    if (why !== 'continues') {
      const m = structureGrammar().marker(line.text);
      seq.see(m && (!isDecimal(line.text, m) || seq.next(m)) ? m : null);
      const label = ownLabel(line.text, g);
      if (label) ctx.labels.add(label);
      ctx.para = line.text;
    } else ctx.para += line.text;
    // A paragraph that is a notice's title (…的通知, no sentence in it) opens its head again: on a web page the
    // site's furniture before it has sentences, but the line after the title ending with a colon is the 主送机关.
    if (isTitlePara(ctx.para, g)) head = true;
  });
  return { breaks, evidence, measure };
}

/** Punctuation or a blank: a line with none is a title or a bare body line. */
const PUNCT = /[\p{P}\s]/u;

/** Indent-marked text: at least this many lines after a short line, and this share of them indented. */
const MIN_INDENTED = 3;
const INDENT_SHARE = 0.8;

/** What the decision for a line knows of the text and of the lines before it. */
interface Context {
  /** Paged input: indents and vertical gaps. */
  geometry?: LineGeometry;
  baseIndent: number;
  seq: Sequence;
  g: LayoutGrammar;
  /** The text marks paragraphs by indenting their first line or by blank lines. */
  indentMarked: boolean;
  /** Blank lines, not indents, mark the text's paragraphs. */
  blankOnly: boolean;
  /** The current paragraph's text so far. */
  para: string;
  /** The line after the one decided, and whether it is short. */
  next?: LayoutLine;
  nextShort: boolean;
  /** Labels of the text's own that opened paragraphs so far (计算方法). */
  labels: Set<string>;
  /** The text from the decided line on (a few lines, joined): what the line opens with. */
  ahead: string;
  /** True when the marker after `m` runs inline (mid-line, after a clause end) in the lines from the decided one. */
  inlineNext: (m: { kind: MarkerKind; value: number }) => boolean;
}

/**
 * True when `line`, which opened a paragraph after `before`, is a whole title even when it fills the measure: it
 * follows a full stop (not a clause end: after ； the sentence goes on) or a short line and holds no punctuation at all (a body line of a measure's length nearly
 * always has a comma or a stop; a title has none), so the line after it opens the next paragraph — unless that
 * line goes on with it: a short line with no punctuation (the title's tail) or a clause of a few characters that
 * ends a sentence (…力争有所改↵善。全市…).
 */
function isTitle(
  before: LayoutLine,
  line: LayoutLine,
  g: LayoutGrammar,
  afterShort: boolean,
  next: LayoutLine | undefined,
  nextShort: boolean,
): boolean {
  // After a clause end (；) the sentence goes on: a title follows a full stop or a short line.
  if (!(afterShort || endsFullStop(before.text, g)) || PUNCT.test(line.text)) return false;
  if (!next) return true;
  if (nextShort && !PUNCT.test(next.text)) return false;
  const tail = next.text.slice(0, TAIL_CLAUSE + 1);
  return ![...tail].some((c, k) => k > 0 && g.sentenceEnds.includes(c) && !PUNCT.test(tail.slice(0, k)));
}

/** Characters read ahead for the next marker of an inline list. */
const INLINE_WINDOW = 240;

/**
 * True when the marker after `m` of its kind stands mid-line after a clause end in the lines from `i` on (within
 * INLINE_WINDOW characters): …（1）配置…；（2）制定… is a list run inline, so its first marker does not open a paragraph
 * either. A marker at a line's start is no evidence (a list of one item a paragraph wraps there too).
 */
function inlineAfter(
  lines: readonly LayoutLine[],
  i: number,
  m: { kind: MarkerKind; value: number },
  g: LayoutGrammar,
): boolean {
  const sg = structureGrammar();
  let read = 0;
  for (let k = i; k < lines.length && read < INLINE_WINDOW; k++) {
    const text = lines[k]!.text;
    if (k > i && lines[k]!.blankBefore) return false;
    for (let at = 1; at < text.length && read + at < INLINE_WINDOW; at++) {
      if (!g.sentenceEnds.includes(text[at - 1]!) || g.leadEnds.includes(text[at - 1]!)) continue;
      const x = sg.marker(text.slice(at, at + MARKER_SPAN));
      if (x && x.kind === m.kind && x.value === m.value + 1) return true;
    }
    read += text.length;
  }
  return false;
}

/** The text of `lines` from `i` on, joined, at least `n` characters of it (or all that is left). */
function aheadOf(lines: readonly LayoutLine[], i: number, n: number): string {
  let out = '';
  for (let k = i; k < lines.length && out.length < n; k++) out += lines[k]!.text;
  return out;
}

/**
 * True when `para` ends with a note in brackets that follows a sentence end (…总量。（生态环境部指导）): the
 * sentence before it is whole and so is the note, so what follows is a new sentence, and may be a new paragraph.
 */
export function endsNote(para: string, g: LayoutGrammar = layoutGrammar()): boolean {
  const close = para[para.length - 1] ?? '';
  const open = g.brackets.find((b) => b[1] === close)?.[0];
  if (!open) return false;
  let depth = 0;
  for (let k = para.length - 1; k >= 0; k--) {
    if (para[k] === close) depth++;
    else if (para[k] === open && --depth === 0)
      return k > 0 && g.sentenceEnds.includes(para[k - 1]!) && !g.leadEnds.includes(para[k - 1]!);
  }
  return false;
}

/**
 * True when `text` opens with a run-in heading: a sentence of at most `runIn` characters, with no digit or bracket,
 * that ends with a full stop and is followed by more text rather than a note of its own (…试点。（生态环境部指导）
 * is a whole item of a paragraph, not the heading of the next one).
 */
export function opensRunIn(text: string, g: LayoutGrammar = layoutGrammar()): boolean {
  return runInOf(text, g) !== null;
}

/** The run-in heading `text` opens with (its sentence, without the full stop; see opensRunIn), or null. */
function runInOf(text: string, g: LayoutGrammar): string | null {
  const end = [...text.slice(0, g.runIn + 1)].findIndex((c) => g.fullStops.includes(c));
  if (end < 2) return null;
  const head = text.slice(0, end);
  if (/\p{N}/u.test(head) || g.brackets.some((b) => head.includes(b[0]!) || head.includes(b[1]!)))
    return null;
  const after = text[end + 1];
  return after !== undefined && !g.brackets.some((b) => b[0] === after) ? head : null;
}

/**
 * The run-in heading of the paragraph `para`: the sentence it opens with, or after a marker and its heading
 * sentence ((四)践行绿色生活方式，…利用。以绿色生活方式为引领，促进生活垃圾减量。…) the sentence after that.
 */
function paraRunIn(para: string, g: LayoutGrammar): string | null {
  if (!structureGrammar().marker(para)) return runInOf(para, g);
  const stop = [...para].findIndex((c) => g.fullStops.includes(c));
  return stop < 0 ? null : runInOf(para.slice(stop + 1), g);
}

/** The clauses of a run-in heading (严格控制增量，逐步解决…问题 has two). */
const clauses = (head: string, g: LayoutGrammar): number =>
  1 + [...head].filter((c) => g.clauseEnds.includes(c)).length;

/**
 * True when `text` opens with a run-in heading shaped like the one of `para` (as many clauses), or `para` has
 * none: sibling run-in headings are written in parallel (多措并举，加强…利用。 then 开展建筑垃圾治理，提高…水平。),
 * so after a note a sentence of another shape (推动公共机构无纸化办公。 after 以绿色生活方式为引领，促进…。) goes on
 * with the paragraph's sentences.
 */
function opensSiblingRunIn(para: string, text: string, g: LayoutGrammar): boolean {
  const head = runInOf(text, g);
  if (head === null) return false;
  const own = paraRunIn(para, g);
  return own === null || clauses(own, g) === clauses(head, g);
}

/** True when `para` holds an opening book-title quote (《) not closed after it: the quoted title goes on. */
function openQuote(para: string, g: LayoutGrammar): boolean {
  return g.titleQuotes.some((q) => {
    const o = para.lastIndexOf(q.charAt(0));
    return o >= 0 && para.indexOf(q.charAt(1), o) < 0;
  });
}

/** True when `para` holds an opening bracket not closed after it (the note it opens goes on). */
function openBracket(para: string, g: LayoutGrammar): boolean {
  for (const pair of g.brackets) {
    const o = para.lastIndexOf(pair.charAt(0));
    if (o >= 0 && para.indexOf(pair.charAt(1), o) < 0) return true;
  }
  return false;
}

/** The first clause of `text` (up to its first comma or stop), if it ends within `runIn` characters. */
function firstClause(text: string, g: LayoutGrammar): string | null {
  const end = [...text.slice(0, g.runIn + 1)].findIndex((c) => g.clauseEnds.includes(c));
  return end > 0 ? text.slice(0, end) : null;
}

/**
 * True when `text` opens in parallel with a sentence of `para` (以规模养殖场为重点，… then 以收集、利用等环节为重点，
 * …): its first clause ends with the same `parallelTail` characters or more as the first clause of one of the
 * paragraph's sentences did, as sibling paragraphs open.
 */
function parallel(para: string, text: string, g: LayoutGrammar): boolean {
  const b = firstClause(text, g);
  if (!b) return false;
  let from = 0;
  for (let k = 0; k <= para.length; k++) {
    if (k < para.length && !g.fullStops.includes(para[k]!)) continue;
    const a = firstClause(para.slice(from), g);
    from = k + 1;
    if (!a) continue;
    let n = 0;
    while (n < Math.min(a.length, b.length) && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    if (n >= g.parallelTail && n < Math.min(a.length, b.length)) return true;
  }
  return false;
}

/** A clause this short at the start of a line ends the sentence of the line before (…有所改↵善。). */
const TAIL_CLAUSE = 3;

/** The evidence that `line` opens a paragraph after `prev`, or 'continues'. */
function reason(
  i: number,
  prev: LayoutLine,
  line: LayoutLine,
  [prevEnds, lineShort]: [boolean, boolean],
  {
    geometry,
    baseIndent,
    seq,
    g,
    indentMarked,
    blankOnly,
    para,
    labels,
    next,
    nextShort,
    ahead,
    inlineNext,
  }: Context,
): string {
  // A number's unit never opens a paragraph after the number, blank line or not: the break fell inside a date or
  // a quantity (…建设。9↵月底前, …试点 100↵↵个。).
  if (/[0-9０-９]$/.test(prev.text) && g.numberUnits.includes(line.text[0] ?? '')) return 'continues';
  if (line.blankBefore) return 'blank';
  if (geometry?.gap[i]) return 'gap';
  // Sizes read off a scan wander: a change counts against the larger of the two.
  const size = Math.max(line.fontSize ?? 0, prev.fontSize ?? 0);
  if (line.fontSize && prev.fontSize && Math.abs(line.fontSize - prev.fontSize) > SIZE_CHANGE * size)
    return 'size';
  // On a page an indent is seen, not typed: it opens a paragraph whatever the line opens with (an OCR layer's
  // 、\ 指导思想 after a lost 一).
  if (geometry?.indent[i]) return 'indent';
  if (g.noStart.includes(line.text[0] ?? '')) return 'continues';
  if ((line.indent ?? 0) >= baseIndent + MIN_INDENT) return 'indent';
  // A line that is wholly a 发文字号 (湘政办发〔2009〕24号) is a paragraph of its own, whatever its fill.
  const docNumber = structureGrammar().cover.docNumber;
  if (docNumber.test(line.text) || docNumber.test(prev.text)) return 'label';
  // A role label at a line's end (…分别牵头责任单位:) has its value on the next line, however short the line.
  if (endsLabel(prev.text, g)) return 'continues';
  if (prevEnds) return 'short';
  // A colon ending a full line before a number: a time's (14:36:↵23) or a label's with its value (浏览次数:↵1).
  if (endsColonBeforeNumber(prev.text, line.text, g)) return 'continues';
  // Where blank lines mark paragraphs, a page break stands where the blank line was (pdftotext's form feed, taken
  // out as page furniture): after a role line, the next marker of the sequence opens its item there too.
  if (blankOnly && opensLabel(para, g) && !openBracket(para, g)) {
    const next = structureGrammar().marker(line.text);
    if (next && seq.next(next)) return 'marker';
  }
  if (indentMarked) return 'continues';
  // A role label inside a note still open ((牵头单位:市行政审批局;责任单位:↵市直相关单位)) goes on with the note.
  const inNote = openBracket(para, g);
  if (opensLabel(line.text, g) && !inNote) return 'label';
  // A role line's value is a list of units: after a full role line, a line holding a sentence opens a paragraph.
  // So does a line whose first run, with the unit name the role line ends with, is longer than any unit's name.
  if (
    opensLabel(para, g) &&
    !inNote &&
    (holdsSentence(line.text, g) || lastRun(para, g) + firstRun(line.text, g) > g.unitRun)
  )
    return 'list';
  const ends = endsSentence(prev.text, g);
  const own = ownLabel(line.text, g);
  if (own && ends && labels.has(own)) return 'label';
  const raw = structureGrammar().marker(line.text);
  // 4.10月底前 after a role line or a sentence end is item 4 when 4 is next in the sequence, not a decimal.
  if (raw && isDecimal(line.text, raw))
    return seq.next(raw) && (ends || opensLabel(para, g)) ? 'marker' : 'continues';
  const m = markerOf(line.text);
  if (m && ends && inlineBefore(para, m, g)) return 'continues';
  // After a lead (…包括但不限于：) a list whose next marker runs inline starts inline too.
  if (m && endsLead(prev.text, g) && inlineNext(m)) return 'continues';
  // After a line cut mid-sentence, only the next marker of the sequence opens a heading (一，及时… continues).
  if (m && (ends ? seq.fits(m) : seq.next(m))) return 'marker';
  if (m && ends) return 'sentence';
  // A short line with no punctuation at its end after a sentence is a title or a name, not a paragraph's tail.
  if (lineShort && ends && !/\p{P}$/u.test(line.text)) return 'sentence';
  // A note closing a sentence (…处置总量。（生态环境部指导）) that ends a full line, then a run-in heading shaped
  // like the paragraph's own (a sibling's) or a parallel opening.
  if (endsNote(para, g) && (opensSiblingRunIn(para, ahead, g) || parallel(para, ahead, g))) return 'note';
  // A full line with no punctuation at all after a sentence end is a title that fills the measure.
  if (isTitle(prev, line, g, false, next, nextShort)) return 'title';
  return 'continues';
}
