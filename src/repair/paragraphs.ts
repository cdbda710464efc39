/**
 * Paragraph starts: the first visible character of the text and of each line, after its indentation (blanks,
 * tabs and ideographic spaces). The rules that read paragraph-initial markers and labels share them, so they are
 * found once per repair, from the text's whitespace runs.
 */
import { isWhitespace } from './chars.js';
import { perText } from './memo.js';
import { whitespaceRuns } from './whitespace.js';

const LINE_FEED = 0x0a;

/** True for indentation before a paragraph's first character: a space, a tab or an ideographic space. */
function isIndent(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
}

/**
 * Offsets of the paragraph starts of `raw`, ascending (a line holding only blanks starts none): the text's start
 * when it is visible, and the end of each whitespace run whose last line break (or the text's start) is followed
 * by indentation alone. Computed once per text and `scope` (the rule context).
 */
export const paragraphStarts = perText((raw: string, scope: object): readonly number[] => {
  const starts: number[] = [];
  if (raw.length > 0 && !isWhitespace(raw.charCodeAt(0))) starts.push(0);
  const runs = whitespaceRuns(raw, scope);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    if (end === raw.length) continue;
    let line = end;
    while (line > start && isIndent(raw.charCodeAt(line - 1))) line--;
    if (line === 0 || (line > start && raw.charCodeAt(line - 1) === LINE_FEED)) starts.push(end);
  }
  return starts;
});
