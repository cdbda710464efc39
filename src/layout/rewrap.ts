/**
 * Re-lays a paragraph-a-line text as hard wraps, the way `pdftotext`, tesseract or a copy from a PDF viewer gives
 * it: every paragraph cut into lines of `width` printed width (an ideograph 1, an ASCII character ½, as a page
 * prints them), paragraphs not marked. Used by the layout eval and the layout-invariance property test; it never
 * reads the text's words, only its lines.
 */

/** How to re-lay a text. */
export interface RewrapOptions {
  /** Printed width of a line, in ideographs (an ideograph or full-width character 1, an ASCII one ½: printWidth). */
  width: number;
  /** Indentation put before each paragraph's first line ('' keeps none). */
  indent?: string;
  /** A blank line between paragraphs. */
  blankLines?: boolean;
  /** The line ending. */
  eol?: '\n' | '\r\n';
  /** Blanks appended to every line. */
  trailing?: string;
}

import { printWidth } from './paragraphs.js';

const BLANKS = /^[\s\u3000]+|[\s\u3000]+$/g;

/** `text` re-laid as hard-wrapped lines (see `RewrapOptions`). */
export function rewrap(text: string, options: RewrapOptions): string {
  const { width, indent = '', blankLines = false, eol = '\n', trailing = '' } = options;
  if (width < 1) throw new RangeError(`rewrap: width must be at least 1 (got ${width})`);
  const out: string[] = [];
  for (const source of text.split(/\r?\n/)) {
    const para = source.replace(BLANKS, '');
    if (para === '') continue;
    if (blankLines && out.length > 0) out.push('');
    let line = '';
    let w = 0;
    for (const c of indent + para) {
      const cw = printWidth(c);
      if (w + cw > width && line) {
        out.push(line + trailing);
        [line, w] = ['', 0];
      }
      line += c;
      w += cw;
    }
    out.push(line + trailing);
  }
  return out.join(eol) + eol;
}
