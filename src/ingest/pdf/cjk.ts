/**
 * Character classes for joining text pieces: CJK glyphs (ideographs, CJK punctuation, full-width forms) are
 * set without spaces between them; Latin words keep theirs.
 */

/** One CJK glyph: an ideograph, CJK symbol or punctuation mark, or a full-width form. */
export const CJK =
  /[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]/u;

/** A character after which a Latin word may follow with a space (letters, digits, closing marks). */
const LATIN_END = /[A-Za-z0-9)\].,;:!?%'"]$/;
/** A character that may open a Latin word. */
const LATIN_START = /^[A-Za-z0-9(['"]/;
/** Trailing ASCII punctuation, skipped to find the character that sets the context. */
const TRAILING_PUNCT = /[,.;:!?)\]'"]+$/;

/** A number at the end of a line in Chinese text: its digits after a CJK glyph (and a typographic space)… */
const CJK_NUMBER_END = new RegExp(`${CJK.source} ?[0-9.]+$`, 'u');
/** …or a number at the start of one, before a CJK glyph (its unit: "0万千瓦"). */
const CJK_NUMBER_START = new RegExp(`^[0-9.%]+ ?${CJK.source}`, 'u');

/**
 * The separator when line `b` follows line `a` within one paragraph: nothing around CJK (a line break inside
 * a Chinese sentence is no space), one space between Latin words. A number of Chinese text that the line end
 * cuts ("控制在 20" | "85 万吨") is one number.
 */
export function joinSeparator(a: string, b: string): string {
  if (!LATIN_END.test(a) || !LATIN_START.test(b)) return '';
  if (/[0-9]$/.test(a) && /^[0-9]/.test(b) && (CJK_NUMBER_END.test(a) || CJK_NUMBER_START.test(b))) return '';
  const before = a.replace(TRAILING_PUNCT, '').slice(-1);
  return before !== '' && CJK.test(before) ? '' : ' ';
}

/**
 * Spaces between two CJK glyphs, as OCR text layers (tesseract's `pdf` output among them) put between every
 * pair of glyphs. Removed at ingest, where the layer's word boxes are known to be separate glyphs; this is a
 * property of such layers, not an OCR misreading, so it is no repair edit (raw offsets count without them).
 */
export const SPACE_BETWEEN_CJK = new RegExp(`(?<=${CJK.source})[ \\u00a0]+(?=${CJK.source})`, 'gu');

/** The share of adjacent CJK pairs (ignoring spaces) that have a space between them, and how many pairs. */
export function cjkSpacing(text: string): { spaced: number; pairs: number } {
  let spaced = 0;
  let pairs = 0;
  let prev = '';
  let gap = false;
  for (const ch of text) {
    if (ch === ' ') {
      gap = true;
      continue;
    }
    if (CJK.test(ch) && prev !== '' && CJK.test(prev)) {
      pairs++;
      if (gap) spaced++;
    }
    prev = ch;
    gap = false;
  }
  return { spaced, pairs };
}
