/** Character classes shared by the repair rules (UTF-16 code units; Han in the BMP and its surrogates). */

/**
 * Han ideographs (BMP blocks, CJK compatibility ideographs, and surrogate halves of the supplementary ones), one
 * class of UTF-16 units (the low halves before the high ones, so that no two ends read as a surrogate pair).
 */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\udc00-\udfff\ud840-\ud87f\uf900-\ufaff]/;

/** Full-width (CJK) punctuation, brackets and quotes. */
export const FULL_PUNCT =
  /[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u2018\u2019\u201c\u201d\u00b7\u2022\u2236]/;

/** ASCII punctuation that also serves Chinese text (the seed writes , ; : ( ) half-width). */
export const ASCII_PUNCT = /[()[\],;:?!%"'.]/;

/** ASCII punctuation that may sit right after Chinese text and be followed by a spurious space. */
export const ASCII_TRAILING = /[,;:?!)\]%]/;

/** Opening brackets and quotes, both widths. */
export const OPENING = /[([（〔【《〈「『“‘]/;

/** Closing brackets and quotes, both widths. */
export const CLOSING = /[)\]）〕】》〉」』”’]/;

/** ASCII and full-width digits. */
export const DIGIT = /[0-9０-９]/;

/** Horizontal whitespace (not line breaks). */
export const BLANK = /[ \t\u3000\u00a0]/;

/** True when `ch` (one UTF-16 unit, possibly undefined) matches `cls`. */
export function is(cls: RegExp, ch: string | undefined): boolean {
  return ch !== undefined && cls.test(ch);
}

/** True when the UTF-16 unit `code` is whitespace as `\s` reads it (line terminators included). */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** True when the UTF-16 unit `code` is in `HAN`. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd840 && code <= 0xd87f) ||
    (code >= 0xdc00 && code <= 0xdfff)
  );
}
