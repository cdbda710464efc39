/**
 * Two text columns interleaved line by line: what `pdftotext` without `-layout` gives for a page of two columns
 * whose lines stand level (LibreOffice's two-column pages): the lines of the left and the right column alternate, so
 * each line continues the line two above it, not the one above. The order cannot be read from the text alone with
 * confidence (blocks of one or two lines from either column), so the text is reported, not rejoined: a warning says
 * to read the PDF itself (its text positions give the columns) or `pdftotext -layout` (read column by column).
 *
 * The evidence is the text's own: how often a pair of adjacent ideographs occurs inside its lines. Across a line end
 * of a text in order, the last ideograph of a line and the first of the next make a pair the text uses elsewhere more
 * often than the pair made with the line two above; in an interleaved text the other way round, nearly everywhere.
 */
import type { Diagnostic } from '../graph/schema.js';

/** Diagnostic code of a text whose two columns are interleaved line by line. */
export const INTERLEAVED_CODE = 'columns-interleaved';

/** Line ends compared where the pair with the line two above wins at least this many times… */
const MIN_WINS = 20;
/** …and this many times as often as the pair with the line above. */
const WIN_RATIO = 3;

const HAN = /\p{Script=Han}/u;
const BLANKS = /[\s\u3000]+/g;

/**
 * A `columns-interleaved` warning when the line ends of `raw` read as two columns set alternately (each line goes on
 * from the line two above, at least MIN_WINS times and WIN_RATIO times as often as from the line above), else null.
 * Linear in the text's length.
 */
export function interleavedColumns(raw: string): Diagnostic | null {
  const lines = raw
    .split(/[\n\r\f]+/)
    .map((l) => [...l.replace(BLANKS, '')])
    .filter((l) => l.length > 0);
  if (lines.length < MIN_WINS) return null;
  const pairs = new Map<string, number>();
  for (const l of lines)
    for (let k = 1; k < l.length; k++)
      if (HAN.test(l[k - 1]!) && HAN.test(l[k]!)) {
        const pair = l[k - 1]! + l[k]!;
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      }
  let above = 0;
  let twoAbove = 0;
  for (let k = 2; k < lines.length; k++) {
    const [start, end1, end2] = [lines[k]![0]!, lines[k - 1]!.at(-1)!, lines[k - 2]!.at(-1)!];
    if (!HAN.test(start) || !HAN.test(end1) || !HAN.test(end2)) continue;
    const a = pairs.get(end1 + start) ?? 0;
    const b = pairs.get(end2 + start) ?? 0;
    if (a > b) above++;
    else if (b > a) twoAbove++;
  }
  if (twoAbove < MIN_WINS || twoAbove < WIN_RATIO * above) return null;
  return {
    code: INTERLEAVED_CODE,
    severity: 'warning',
    message:
      `two columns interleaved: ${twoAbove} of ${above + twoAbove} line ends go on two lines down, not on the next ` +
      'line (pdftotext without -layout sets the lines of two columns alternately); its facts cannot be read in ' +
      'order: use the PDF (gongwen convert FILE.pdf) or pdftotext -layout',
  };
}
