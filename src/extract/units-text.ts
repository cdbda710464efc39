/**
 * Text helpers shared by unit and role extraction: a whitespace-free view of a string that maps back to the
 * original offsets (OCR puts spaces inside names: "市 市场监管局", "各开 发区管委会"), and the lookup key of a name.
 */

/** A string with its OCR whitespace removed, and for each of its characters the offset in the original. */
export interface CompactText {
  /** The text without whitespace (whitespace between two ASCII letters or digits is kept). */
  readonly text: string;
  /** `map[i]` is the original offset of `text[i]`. */
  readonly map: readonly number[];
  /** The original offset just past the compacted range. */
  readonly end: number;
}

const WHITESPACE = /\s/;
const ASCII_WORD = /[0-9A-Za-z]/;
const FULL_TO_HALF: Readonly<Record<string, string>> = { '（': '(', '）': ')', '［': '[', '］': ']' };

/** Compacts `source[from, to)`: drops whitespace unless it separates two ASCII words ("PM 2.5" stays apart). */
export function compactText(source: string, from = 0, to = source.length): CompactText {
  let text = '';
  const map: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = source[i] as string;
    if (WHITESPACE.test(ch)) {
      const prev = text[text.length - 1];
      let j = i + 1;
      while (j < to && WHITESPACE.test(source[j] as string)) j++;
      const next = source[j];
      const keep = prev !== undefined && next !== undefined && ASCII_WORD.test(prev) && ASCII_WORD.test(next);
      if (keep) {
        text += ' ';
        map.push(i);
      }
      i = j - 1;
      continue;
    }
    text += ch;
    map.push(i);
  }
  return { text, map, end: to };
}

/** Maps a range of the compact text back to a `{start, end}` range of the original (end exclusive). */
export function originalSpan(c: CompactText, start: number, end: number): { start: number; end: number } {
  const from = c.map[start] ?? c.end;
  const to = end > start ? (c.map[end - 1] as number) + 1 : from;
  return { start: from, end: to };
}

/** The key a unit name is looked up by: no whitespace, brackets in ASCII width. */
export function unitKey(name: string): string {
  const text = compactText(name).text;
  let key = '';
  for (let i = 0; i < text.length; i++) key += FULL_TO_HALF[text[i] as string] ?? text[i];
  return key;
}
