/**
 * Hard-wrapped text (what tesseract, `pdftotext` or a copy from a PDF viewer gives: every printed line a line,
 * paragraphs not marked): detected from the text's own lines, then every line that continues a paragraph is
 * joined to the one before it. Joins are proposals (`layout/join`), so offsets still map to the raw input.
 */
import type { Proposal } from '../repair/fixer.js';
import { checkLayoutExamples, layoutGrammar, LAYOUT_GRAMMAR } from './grammar.js';
import {
  endsSentence,
  lineLength,
  measureWithSupport,
  narrowSlack,
  paragraphsFromLines,
  slack,
  type LayoutLine,
} from './paragraphs.js';
import { registerGrammar } from '../grammars.js';
import { normaliseText } from './normalise.js';

/** The examples of the layout grammar have run (they run once, on first use). */
let checked = false;

/** Rule id of a join. */
export const JOIN_RULE = 'layout/join';

/** One line of a text: the raw range of its visible text and of the break before it. */
interface TextLine extends LayoutLine {
  /** Raw offsets of the visible text. */
  start: number;
  end: number;
}

const BLANK = /[ \t\u3000\u00a0]/;
const LETTER = /[A-Za-z]/;

/** Lines that end with a blank, as a share of all, above which trailing blanks are the layout's padding. */
const PADDED_SHARE = 0.5;

/** The non-blank lines of `raw` (any line ending), with their indentation and whether a blank line precedes. */
export function textLines(raw: string): TextLine[] {
  const out: TextLine[] = [];
  let blank = false;
  for (let pos = 0; pos <= raw.length;) {
    let nl = pos;
    while (nl < raw.length && raw[nl] !== '\n' && raw[nl] !== '\r') nl++;
    let a = pos;
    while (a < nl && BLANK.test(raw[a]!)) a++;
    let b = nl;
    while (b > a && BLANK.test(raw[b - 1]!)) b--;
    if (a === b) blank = out.length > 0;
    else {
      // Columns: a tab is four, an ideographic space two (one blank is OCR noise, not an indent).
      const lead = raw.slice(pos, a).replace(/\t/g, '    ');
      const indent = lead.replace(/\u3000/g, '  ').length;
      out.push({
        text: raw.slice(a, b),
        indent,
        indentChars: lead.length,
        start: a,
        end: b,
        blankBefore: blank,
      });
      blank = false;
    }
    if (nl >= raw.length) break;
    pos = raw[nl] === '\r' && raw[nl + 1] === '\n' ? nl + 2 : nl + 1;
  }
  return out;
}

/** True when `lines` read as hard-wrapped: most reach the text's own measure and few of those end a sentence. */
export function isHardWrapped(lines: readonly LayoutLine[]): boolean {
  const g = layoutGrammar();
  if (lines.length < g.minLines) return false;
  const lengths = lines.map(lineLength);
  const { measure, lines: support } = measureWithSupport(lengths);
  if (measure < g.minMeasure || measure > g.maxMeasure) return false;
  // Too few lines of one length to be a measure (a grid alone, its cells of every length): no line is full.
  if (support < g.minMeasureLines) return false;
  const full = (i: number) => lengths[i]! + narrowSlack(lines[i]!.text) >= measure - slack(measure, g);
  const fullLines = lines.filter((_, i) => full(i));
  // A paragraph's last line is short whatever the width: the share is taken among the lines followed by another
  // line of the same block (a blank line ends a block), so wide measures (few lines a paragraph) still show.
  const followed = lines.map((_, i) => i).filter((i) => i + 1 < lines.length && !lines[i + 1]!.blankBefore);
  if (!followed.length || followed.filter(full).length < g.fullShare * followed.length) return false;
  // Lines far longer than the measure are paragraphs of a paragraph-a-line text.
  if (lengths.filter((n) => n > measure * 1.5).length > lines.length * 0.05) return false;
  const ends = fullLines.filter((l) => endsSentence(l.text, g)).length;
  return ends < g.endShare * fullLines.length;
}

/** Join proposals for a hard-wrapped `raw` (none when it is not hard-wrapped). */
export function hardWrapProposals(raw: string): Proposal[] {
  if (!checked) {
    checked = true;
    checkLayoutExamples(hardWrapProposals);
  }
  const lines = textLines(raw);
  if (!isHardWrapped(lines)) return [];
  // Decisions read the text as the rules will (⼀、 is a marker); offsets stay those of the raw lines.
  const { breaks } = paragraphsFromLines(lines.map((l) => ({ ...l, text: normaliseText(l.text) })));
  const proposals: Proposal[] = [];
  // A blank at a line's end is a word space only where lines do not usually end with one (a layout that pads
  // every line says nothing by it): I↵I of II类 joins as II whether its lines carry trailing blanks or not.
  const padded = lines.filter((l) => BLANK.test(raw[l.end] ?? '')).length >= PADDED_SHARE * lines.length;
  for (let i = 1; i < lines.length; i++) {
    if (breaks[i]) continue;
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const spaced =
      !padded &&
      LETTER.test(raw[prev.end - 1]!) &&
      LETTER.test(raw[line.start]!) &&
      BLANK.test(raw.slice(prev.end, line.start));
    proposals.push({ start: prev.end, end: line.start, text: spaced ? ' ' : '', ruleId: JOIN_RULE });
  }
  return proposals;
}

registerGrammar(LAYOUT_GRAMMAR, () => {
  layoutGrammar();
  hardWrapProposals('');
});
