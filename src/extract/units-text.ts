/**
 * Text helpers shared by unit and role extraction: a whitespace-free view of a string that maps back to the
 * original offsets (OCR puts spaces inside names: "市 市场监管局", "各开 发区管委会"), and the lookup key of a name.
 */

/** A string with its OCR whitespace removed, and for each of its characters the offset in the original. */
export interface CompactText {
  /** The text without whitespace (whitespace between two ASCII letters or digits is kept). */
  readonly text: string;
  /** `map[i]` is the original offset of `text[i]`; null when nothing was dropped (then it is `from + i`). */
  readonly map: readonly number[] | null;
  /** The original offset of the compacted range's start. */
  readonly from: number;
  /** The original offset just past the compacted range. */
  readonly end: number;
}

/** A run of whitespace (global: scanned from a set `lastIndex`). */
const WHITESPACE_RUN = /\s+/g;
const ASCII_WORD = /[0-9A-Za-z]/;
const FULL_TO_HALF: Readonly<Record<string, string>> = { '（': '(', '）': ')', '［': '[', '］': ']' };
const FULL_WIDTH_BRACKETS = Object.keys(FULL_TO_HALF).join('');
/** A full-width bracket that a unit key writes in ASCII width. */
const FULL_WIDTH_BRACKET = new RegExp(`[${FULL_WIDTH_BRACKETS}]`, 'g');
/** A character that `unitKey` changes or drops: names without any are their own key. */
const KEY_CHANGES = new RegExp(`[\\s${FULL_WIDTH_BRACKETS}]`);

/** Compacts `source[from, to)`: drops whitespace unless it separates two ASCII words ("PM 2.5" stays apart). */
export function compactText(source: string, from = 0, to = source.length): CompactText {
  // Search the range alone: a search of `source` from `from` would read past `to`.
  const range = source.slice(from, to);
  WHITESPACE_RUN.lastIndex = 0;
  let run = WHITESPACE_RUN.exec(range);
  if (run === null) return { text: range, map: null, from, end: to };
  let text = '';
  const map: number[] = [];
  let kept = 0;
  for (; run !== null; run = WHITESPACE_RUN.exec(range)) {
    text += range.slice(kept, run.index);
    for (let i = kept; i < run.index; i++) map.push(from + i);
    kept = run.index + run[0].length;
    const prev = text[text.length - 1];
    const next = range[kept];
    if (prev !== undefined && next !== undefined && ASCII_WORD.test(prev) && ASCII_WORD.test(next)) {
      text += ' ';
      map.push(from + run.index);
    }
  }
  text += range.slice(kept);
  for (let i = kept; i < range.length; i++) map.push(from + i);
  return { text, map, from, end: to };
}

/** The original offset of `c.text[i]` (`c.end` just past the text). */
function originalOffset(c: CompactText, i: number): number {
  if (i >= c.text.length) return c.end;
  return c.map === null ? c.from + i : (c.map[i] as number);
}

/** Maps a range of the compact text back to a `{start, end}` range of the original (end exclusive). */
export function originalSpan(c: CompactText, start: number, end: number): { start: number; end: number } {
  const from = originalOffset(c, start);
  const to = end > start ? originalOffset(c, end - 1) + 1 : from;
  return { start: from, end: to };
}

/** The key a unit name is looked up by: no whitespace, brackets in ASCII width. */
export function unitKey(name: string): string {
  if (!KEY_CHANGES.test(name)) return name;
  return compactText(name).text.replace(FULL_WIDTH_BRACKET, (ch) => FULL_TO_HALF[ch] as string);
}
