/**
 * Paragraph starts: the first visible character of the text and of each line, after its indentation (blanks,
 * tabs and ideographic spaces). The rules that read paragraph-initial markers and labels share them, so they are
 * found once per text.
 */
import { isWhitespace } from './chars.js';

const LINE_BREAK = '\n';

/** True for indentation before a paragraph's first character: a space, a tab or an ideographic space. */
function isIndent(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
}

let lastText: string | undefined;
let lastStarts: readonly number[] = [];

/** Offsets of the paragraph starts of `raw`, ascending (a line holding only blanks starts none). */
export function paragraphStarts(raw: string): readonly number[] {
  if (raw === lastText) return lastStarts;
  const starts: number[] = [];
  for (let line = 0; line < raw.length;) {
    let at = line;
    while (at < raw.length && isIndent(raw.charCodeAt(at))) at++;
    if (at < raw.length && !isWhitespace(raw.charCodeAt(at))) starts.push(at);
    const next = raw.indexOf(LINE_BREAK, at);
    if (next < 0) break;
    line = next + 1;
  }
  lastText = raw;
  lastStarts = starts;
  return starts;
}
